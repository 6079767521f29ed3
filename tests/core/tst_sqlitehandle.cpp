// SqliteHandle: the sqlite3 connection under a QSQLITE QSqlDatabase.
#include "sqlitehandle.h"

#include <QSqlQuery>
#include <QtTest>

#include <sqlite3.h>

class TestSqliteHandle : public QObject
{
    Q_OBJECT
private slots:
    // Before any connection: SQLite counts no memory, and the settings cannot change once it
    // has started.
    void configureProcessBeforeTheFirstConnection()
    {
        QVERIFY(SqliteHandle::configureProcess());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "counted");
            db.setDatabaseName(":memory:");
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("CREATE TABLE t (x)"));
            QVERIFY(q.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                           "i < 1000) INSERT INTO t SELECT i FROM n"));
            sqlite3_int64 used = -1, highest = -1;
            QCOMPARE(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &highest, 0), SQLITE_OK);
            QCOMPARE(used, sqlite3_int64(0));
        }
        QSqlDatabase::removeDatabase("counted");
        QVERIFY(!SqliteHandle::configureProcess()); // SQLite has started
    }

    void openConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "handle");
            db.setDatabaseName(":memory:");
            QVERIFY(db.open());
            sqlite3 *h = SqliteHandle::of(db);
            QVERIFY(h);
            // The same connection: what QtSql writes, SQLite's API reads.
            QVERIFY(QSqlQuery(db).exec("CREATE TABLE t (x)"));
            QCOMPARE(sqlite3_exec(h, "INSERT INTO t VALUES (7)", nullptr, nullptr, nullptr),
                     SQLITE_OK);
            QSqlQuery q(db);
            QVERIFY(q.exec("SELECT x FROM t") && q.next());
            QCOMPARE(q.value(0).toInt(), 7);
        }
        QSqlDatabase::removeDatabase("handle");
    }

    void noConnection()
    {
        QVERIFY(!SqliteHandle::of(QSqlDatabase()));
        {
            QSqlDatabase closed = QSqlDatabase::addDatabase("QSQLITE", "closed");
            QVERIFY(!SqliteHandle::of(closed)); // not opened: no sqlite3 yet
        }
        QSqlDatabase::removeDatabase("closed");
    }
};

QTEST_GUILESS_MAIN(TestSqliteHandle)
#include "tst_sqlitehandle.moc"
