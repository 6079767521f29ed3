// SqliteStatements: statements prepared once per key, finalized on clear() and destruction.
#include "sqlitestatements.h"

#include <QtTest>

#include <sqlite3.h>

namespace {
int liveStatements(sqlite3 *db)
{
    int n = 0;
    for (sqlite3_stmt *st = sqlite3_next_stmt(db, nullptr); st; st = sqlite3_next_stmt(db, st))
        ++n;
    return n;
}
} // namespace

class TestSqliteStatements : public QObject
{
    Q_OBJECT
private slots:
    void init() { QCOMPARE(sqlite3_open(":memory:", &m_db), SQLITE_OK); }
    void cleanup()
    {
        QCOMPARE(sqlite3_close(m_db), SQLITE_OK); // fails while a statement is left unfinalized
        m_db = nullptr;
    }

    void preparedOncePerKey()
    {
        SqliteStatements s;
        QVERIFY(!s.prepare("SELECT 1")); // no connection yet
        QCOMPARE(s.lastError(), QStringLiteral("no SQLite connection"));
        s.setConnection(m_db);
        sqlite3_stmt *a = s.prepare("SELECT 1");
        QVERIFY(a);
        QCOMPARE(s.prepare("SELECT 1"), a);
        QCOMPARE(s.find("SELECT 1"), a);
        // A key other than the SQL text; the SQL is not read again once the key is known.
        sqlite3_stmt *b = s.prepare("two", "SELECT 2");
        QVERIFY(b && b != a);
        QCOMPARE(s.prepare("two", "this is not read"), b);
        QCOMPARE(sqlite3_step(b), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(b, 0), 2);
        sqlite3_reset(b);
        QCOMPARE(liveStatements(m_db), 2);
        s.clear();
        QCOMPARE(liveStatements(m_db), 0);
        QVERIFY(!s.find("SELECT 1"));
    }

    void badSqlIsNotKept()
    {
        SqliteStatements s;
        s.setConnection(m_db);
        QVERIFY(!s.prepare("SELEKT 1"));
        QVERIFY(s.lastError().contains("syntax error"));
        QVERIFY(!s.find("SELEKT 1"));
        QCOMPARE(liveStatements(m_db), 0);
    }

    void finalizedWhenDestroyedOrMoved()
    {
        {
            SqliteStatements s;
            s.setConnection(m_db);
            QVERIFY(s.prepare("SELECT 1"));
            QCOMPARE(liveStatements(m_db), 1);
        }
        QCOMPARE(liveStatements(m_db), 0);
        SqliteStatements s;
        s.setConnection(m_db);
        QVERIFY(s.prepare("SELECT 1"));
        s.setConnection(nullptr); // another connection: the old statements go
        QCOMPARE(liveStatements(m_db), 0);
    }

private:
    sqlite3 *m_db = nullptr;
};

QTEST_GUILESS_MAIN(TestSqliteStatements)
#include "tst_sqlitestatements.moc"
