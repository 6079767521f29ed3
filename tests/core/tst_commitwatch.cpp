// CommitWatch on a real SQLite file: commits on its connection are told once they settle (several
// close together, once), a rolled-back transaction is not, commits on another connection are not,
// and several watches of one connection each hear them, the hook staying while one is left.
#include "commitwatch.h"
#include "database.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestCommitWatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;
    QString m_path;

    static bool exec(QSqlDatabase db, const char *sql)
    {
        QSqlQuery q(db);
        return q.exec(QString::fromLatin1(sql));
    }

private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("c%1.db").arg(QTest::currentTestFunction()));
        QVERIFY(m_database.open(m_path).ok());
        QVERIFY(exec(m_database.connection(), "CREATE TABLE t(n INTEGER)"));
    }

    void cleanup() { m_database.close(); }

    void commitsCloseTogetherAreToldOnce()
    {
        QSqlDatabase db = m_database.connection();
        CommitWatch watch(db, 20);
        QVERIFY(watch.active());
        QSignalSpy committed(&watch, &CommitWatch::committed);
        QVERIFY(exec(db, "INSERT INTO t VALUES (1)"));
        QVERIFY(db.transaction());
        QVERIFY(exec(db, "INSERT INTO t VALUES (2)"));
        QVERIFY(db.commit());
        QVERIFY(committed.wait(5000));
        QTest::qWait(60);
        QCOMPARE(committed.size(), 1);
    }

    void aRollbackOrAnotherConnectionIsNotACommit()
    {
        QSqlDatabase db = m_database.connection();
        CommitWatch watch(db, 0);
        QSignalSpy committed(&watch, &CommitWatch::committed);
        QVERIFY(db.transaction());
        QVERIFY(exec(db, "INSERT INTO t VALUES (1)"));
        QVERIFY(db.rollback());
        Database other;
        QVERIFY(other.open(m_path).ok());
        QVERIFY(exec(other.connection(), "INSERT INTO t VALUES (2)"));
        QTest::qWait(50);
        QCOMPARE(committed.size(), 0);
        QVERIFY(exec(db, "INSERT INTO t VALUES (3)"));
        QVERIFY(committed.wait(5000)); // the watch works: it heard none of those
    }

    void everyWatchOfAConnectionHearsItUntilTheLastGoes()
    {
        QSqlDatabase db = m_database.connection();
        auto first = std::make_unique<CommitWatch>(db, 0);
        QSignalSpy firstHeard(first.get(), &CommitWatch::committed);
        {
            CommitWatch second(db, 0);
            QSignalSpy secondHeard(&second, &CommitWatch::committed);
            QVERIFY(exec(db, "INSERT INTO t VALUES (1)"));
            QVERIFY(secondHeard.wait(5000));
            QTRY_COMPARE(firstHeard.size(), 1);
        }
        // The second gone, the first still hears.
        QVERIFY(exec(db, "INSERT INTO t VALUES (2)"));
        QVERIFY(firstHeard.wait(5000));
        QCOMPARE(firstHeard.size(), 2);
        first.reset();
        QVERIFY(exec(db, "INSERT INTO t VALUES (3)")); // no watch left: nothing to tell
    }

    void aClosedDatabaseIsNotWatched()
    {
        QSqlDatabase closed;
        CommitWatch watch(closed, 0);
        QVERIFY(!watch.active());
    }
};

QTEST_GUILESS_MAIN(TestCommitWatch)
#include "tst_commitwatch.moc"
