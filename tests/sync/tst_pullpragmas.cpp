// PullPragmas: foreign keys off, synchronous NORMAL and a cache of at least 32 MiB while a pulled
// page is written, then the connection as it was.
#include "pullpragmas.h"
#include "sqlitehandle.h"
#include "synctestutil.h"

#include <sqlite3.h>

#include <QTemporaryDir>

#include <optional>

using namespace synctest;

namespace {
QString settings(QSqlDatabase db)
{
    return QStringLiteral("fk %1 sync %2 cache %3")
        .arg(scalar(db, "PRAGMA foreign_keys").toString(),
             scalar(db, "PRAGMA synchronous").toString(),
             scalar(db, "PRAGMA cache_size").toString());
}
} // namespace

class TestPullPragmas : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void setForThePageThenBack()
    {
        Database database;
        QVERIFY(database.open(m_dir.filePath(QStringLiteral("a.db"))).ok());
        QSqlDatabase db = database.connection();
        const QString before = settings(db);
        QCOMPARE(before, QStringLiteral("fk 1 sync 2 cache -2000")); // as Database opens it
        {
            const PullPragmas pragmas(db);
            QCOMPARE(settings(db), QStringLiteral("fk 0 sync 1 cache -32768"));
        }
        QCOMPARE(settings(db), before);
    }

    // A connection that keeps the settings (the sync worker's) is not touched by a page's
    // PullPragmas: its prepared statements stay prepared. Without the outer settings the same
    // statement is prepared again (setting foreign_keys expires every statement).
    void settingsAlreadyThereAreLeftAlone_data()
    {
        QTest::addColumn<bool>("kept");
        QTest::newRow("kept for the connection") << true;
        QTest::newRow("per page only") << false;
    }

    void settingsAlreadyThereAreLeftAlone()
    {
        QFETCH(bool, kept);
        Database database;
        QVERIFY(database.open(m_dir.filePath(QStringLiteral("c%1.db").arg(kept))).ok());
        QSqlDatabase db = database.connection();
        const QString before = settings(db);
        {
            std::optional<PullPragmas> connection;
            if (kept)
                connection.emplace(db);
            sqlite3_stmt *st = nullptr;
            QCOMPARE(sqlite3_prepare_v2(SqliteHandle::of(db), "SELECT count(*) FROM clusters", -1,
                                        &st, nullptr),
                     SQLITE_OK);
            QCOMPARE(sqlite3_step(st), SQLITE_ROW);
            sqlite3_reset(st);
            {
                const PullPragmas page(db);
                QCOMPARE(settings(db), QStringLiteral("fk 0 sync 1 cache -32768"));
                QCOMPARE(sqlite3_step(st), SQLITE_ROW);
                sqlite3_reset(st);
            }
            QCOMPARE(sqlite3_stmt_status(st, SQLITE_STMTSTATUS_REPREPARE, 0), kept ? 0 : 1);
            sqlite3_finalize(st);
            QCOMPARE(settings(db), kept ? QStringLiteral("fk 0 sync 1 cache -32768") : before);
        }
        QCOMPARE(settings(db), before);
    }

    // A larger cache is kept as it is; a cache given in pages counts 4 KiB a page at the least.
    void aLargerCacheStays_data()
    {
        QTest::addColumn<int>("cache");
        QTest::addColumn<int>("during");
        QTest::newRow("KiB, larger") << -65536 << -65536;
        QTest::newRow("KiB, as large") << -32768 << -32768;
        QTest::newRow("pages, larger") << 9000 << 9000;
        QTest::newRow("pages, smaller") << 8000 << -32768;
    }

    void aLargerCacheStays()
    {
        QFETCH(int, cache);
        QFETCH(int, during);
        Database database;
        QVERIFY(database.open(m_dir.filePath(QStringLiteral("b%1.db").arg(cache))).ok());
        QSqlDatabase db = database.connection();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(cache)));
        {
            const PullPragmas pragmas(db);
            QCOMPARE(scalar(db, "PRAGMA cache_size").toInt(), during);
        }
        QCOMPARE(scalar(db, "PRAGMA cache_size").toInt(), cache);
    }
};

QTEST_GUILESS_MAIN(TestPullPragmas)
#include "tst_pullpragmas.moc"
