// SqliteHandle: the sqlite3 connection under a QSQLITE QSqlDatabase.
#include "sqlitehandle.h"

#include <QSqlQuery>
#include <QtTest>

#include <sqlite3.h>

class TestSqliteHandle : public QObject
{
    Q_OBJECT
private slots:
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
