#include "testdb.h"
#include "transaction.h"

class TestTransaction : public QObject
{
    Q_OBJECT
private slots:
    void rollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(testdb::openWithFixture(db, dir));
        {
            Transaction tx(db.connection());
            QVERIFY(tx.active());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE clusters SET notes = 'lost'")));
        }
        QCOMPARE(
            testdb::count(db, QStringLiteral("SELECT count(*) FROM clusters WHERE notes = 'lost'")),
            0);
        {
            Transaction tx(db.connection());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE clusters SET notes = 'kept'")));
            QVERIFY(tx.commit().ok());
            QVERIFY(tx.commit().failed()); // only once
        }
        QCOMPARE(
            testdb::count(db, QStringLiteral("SELECT count(*) FROM clusters WHERE notes = 'kept'")),
            2);
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
