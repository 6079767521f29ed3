// WalCheckpointer: a writer's WAL checkpoints run on a thread of their own; the WAL stays bounded,
// nothing written is lost, and the writer gets its own checkpoints back at the end.
#include "database.h"
#include "sqlitehandle.h"
#include "testdb.h"
#include "walcheckpointer.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

namespace {
QVariant value(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        qFatal("%s", qPrintable(q.lastError().text()));
    return q.value(0);
}

int pragmaInt(QSqlDatabase db, const QString &pragma)
{
    return value(db, QStringLiteral("PRAGMA ") + pragma).toInt();
}

// Commits `transactions` transactions of `rows` rows of about 1 kB each into t.
void write(QSqlDatabase db, int transactions, int rows, int *next)
{
    QSqlQuery q(db);
    for (int t = 0; t < transactions; ++t) {
        QVERIFY(db.transaction());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t(n, body) VALUES (?, ?)")));
        for (int i = 0; i < rows; ++i) {
            q.addBindValue((*next)++);
            q.addBindValue(QString(1000, QLatin1Char('a' + (*next % 26))));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(db.commit());
    }
}
} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;
    QString m_path;

private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("w%1.db").arg(QTest::currentTestFunction()));
        QVERIFY(m_database.open(m_path).ok());
        QSqlQuery q(m_database.connection());
        QVERIFY(q.exec("CREATE TABLE t(n INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
        QVERIFY(q.exec("PRAGMA wal_autocheckpoint = 700"));
    }

    void cleanup() { m_database.close(); }

    void checkpointsOnItsThreadAndKeepsTheWalBounded()
    {
        QSqlDatabase db = m_database.connection();
        const int pageSize = pragmaInt(db, QStringLiteral("page_size"));
        int next = 0;
        {
            // Small thresholds: about 30 frames (8 KiB pages) a transaction.
            WalCheckpointer checkpointer(SqliteHandle::of(db), m_path, 100, 400);
            QVERIFY2(checkpointer.active(), qPrintable(checkpointer.error().message()));
            write(db, 150, 200, &next);
            // The commits woke the thread: it has copied frames (it runs beside the writes).
            QTRY_VERIFY(checkpointer.checkpointsRun() > 0);
            // The WAL was started again (the writer's own checkpoints let it): never much more
            // than the writer's threshold and a few transactions, far below the ~3,800 frames
            // written.
            const qint64 wal = QFileInfo(m_path + QStringLiteral("-wal")).size();
            QVERIFY2(wal <= qint64(400 + 300) * (pageSize + 24) + 32,
                     qPrintable(QString::number(wal)));
        }
        // The writer's own setting is back, and its hook: a commit past 700 frames checkpoints.
        QCOMPARE(pragmaInt(db, QStringLiteral("wal_autocheckpoint")), 700);
        // Every row is there, read through another connection, and the file is sound.
        {
            Database other;
            QVERIFY(other.open(m_path).ok());
            QCOMPARE(testdb::count(other, QStringLiteral("SELECT count(*) FROM t")), next);
            QCOMPARE(value(other.connection(), QStringLiteral("PRAGMA quick_check")).toString(),
                     QStringLiteral("ok"));
        }
    }

    void everyRowIsKept()
    {
        {
            QSqlDatabase db = m_database.connection();
            int next = 0;
            WalCheckpointer checkpointer(SqliteHandle::of(db), m_path, 50, 200);
            QVERIFY(checkpointer.active());
            write(db, 40, 150, &next);
        }
        m_database.close();
        Database other;
        QVERIFY(other.open(m_path).ok());
        QCOMPARE(testdb::count(other, QStringLiteral("SELECT count(*) FROM t")), 6000);
        QCOMPARE(value(other.connection(), QStringLiteral("SELECT sum(n) FROM t")).toLongLong(),
                 qint64(5999) * 6000 / 2);
        QCOMPARE(value(other.connection(), QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }

    void aSecondConnectionThatCannotOpenChangesNothing()
    {
        QSqlDatabase db = m_database.connection();
        {
            WalCheckpointer checkpointer(SqliteHandle::of(db),
                                         m_dir.filePath(QStringLiteral("no/such/dir/x.db")));
            QVERIFY(!checkpointer.active());
            QCOMPARE(checkpointer.error().code(), CoreError::Code::DatabaseOpen);
            QVERIFY2(checkpointer.error().message().contains(QStringLiteral("no/such/dir")),
                     qPrintable(checkpointer.error().message()));
            int next = 0;
            write(db, 5, 100, &next);
            QCOMPARE(checkpointer.checkpointsRun(), 0);
        }
        QCOMPARE(pragmaInt(db, QStringLiteral("wal_autocheckpoint")), 700);
    }

    void aDatabaseNotInWalModeIsLeftAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("rollback.db"));
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
        {
            WalCheckpointer checkpointer(raw, path);
            QVERIFY(!checkpointer.active());
            QVERIFY2(checkpointer.error().message().contains(QStringLiteral("delete")),
                     qPrintable(checkpointer.error().message()));
        }
        QCOMPARE(sqlite3_exec(raw, "INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close_v2(raw);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
