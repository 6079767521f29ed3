// OpenReadAudit on a real device database: a write that starts while a read of its connection is
// still open is reported with both statements; one after the read finished, or inside a
// transaction, is not. And the failure it guards against: with a read open, a write on the same
// connection fails at once once another connection (the sync worker) has committed meanwhile,
// however long the busy timeout.
#include "openreadaudit.h"
#include "recordwriter.h"
#include "testdb.h"
#include "transaction.h"

#include <QRegularExpression>

class TestOpenReadAudit : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    Database m_db;

    CoreError writeNotes(QSqlDatabase c, const QString &notes)
    {
        return RecordWriter(c).update(QStringLiteral("clusters"), testdb::khanhHai,
                                      {{QStringLiteral("notes"), notes}});
    }

private slots:
    void initTestCase()
    {
        // Reported as a warning here (the tests' environment makes it fatal elsewhere); read once,
        // so before the first statement.
        qunsetenv("CCN_SQLITE_AUDIT");
        QVERIFY(m_dir.isValid());
        QVERIFY(testdb::openWithFixture(m_db, m_dir));
    }

    void aWriteWithAReadOpenIsReported()
    {
        QSqlDatabase c = m_db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM clusters ORDER BY id")) && q.next());
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(
                                 "^OpenReadAudit: .*UPDATE clusters SET notes .* -- while "
                                 "reading: SELECT id FROM clusters ORDER BY id$")));
        QVERIFY(writeNotes(c, QStringLiteral("a")).ok()); // nobody else wrote: it goes through
    }

    void aFinishedReadOrATransactionIsNotReported()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("OpenReadAudit")));
        QSqlDatabase c = m_db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM clusters ORDER BY id")) && q.next());
        q.finish();
        QVERIFY(writeNotes(c, QStringLiteral("b")).ok());

        Transaction tx(c);
        QVERIFY(tx.active());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM clusters ORDER BY id")) && q.next());
        QVERIFY(writeNotes(c, QStringLiteral("c")).ok()); // the transaction holds the write lock
        q.finish();
        QVERIFY(tx.commit().ok());
    }

    void aReadLeftOpenFailsTheWriteAfterAnotherCommit()
    {
        Database worker; // the sync worker's own connection to the same file
        QVERIFY(worker.open(m_dir.filePath(QStringLiteral("device.sqlite"))).ok());
        QSqlDatabase c = m_db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM clusters ORDER BY id")) && q.next());
        QVERIFY(writeNotes(worker.connection(), QStringLiteral("from the worker")).ok());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^OpenReadAudit: ")));
        const CoreError e = writeNotes(c, QStringLiteral("the inspector's"));
        QVERIFY(e.failed());
        QVERIFY2(e.message().contains(QStringLiteral("locked")), qPrintable(e.message()));
        q.finish();
        QVERIFY(writeNotes(c, QStringLiteral("the inspector's")).ok());
    }
};

QTEST_GUILESS_MAIN(TestOpenReadAudit)
#include "tst_openreadaudit.moc"
