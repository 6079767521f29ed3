// SqliteLibrary: the SQLite library's process-wide settings, made before its first connection.
#include "database.h"
#include "sqlitelibrary.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

class TestSqliteLibrary : public QObject
{
    Q_OBJECT
private slots:
    // Runs first: nothing in this process has used SQLite yet.
    void statisticsAreOffForConnectionsOpenedAfter()
    {
        QVERIFY2(SqliteLibrary::configure().ok(), qPrintable(SqliteLibrary::configure().message()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Database db;
        const CoreError opened = db.open(dir.filePath("app.sqlite"));
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec("CREATE TABLE t (x TEXT)"));
        QVERIFY(q.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                       "200) INSERT INTO t SELECT hex(randomblob(1000)) FROM n"));
        QVERIFY(q.exec("SELECT count(*) FROM t") && q.next());
        QCOMPARE(q.value(0).toInt(), 200);
        // With the statistics on (SQLite's default) an open connection with a schema and rows
        // in its cache has hundreds of kB counted here.
        QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
        QCOMPARE(sqlite3_memory_highwater(0), sqlite3_int64(0));
    }

    void againDoesNothing()
    {
        QVERIFY(SqliteLibrary::configure().ok());
        QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
    }
};

QTEST_GUILESS_MAIN(TestSqliteLibrary)
#include "tst_sqlitelibrary.moc"
