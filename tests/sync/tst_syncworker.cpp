// SyncWorker: pulled pages written in order on a thread of its own, through its own connection,
// while the caller's thread goes on; pages of an ended round dropped; failures reported.
#include "protocolversion.h"
#include "pulledpage.h"
#include "synctestutil.h"
#include "syncworker.h"

#include <QTemporaryDir>

using namespace synctest;

namespace {
const QStringList unitColumns{"id",         "code",       "name",       "level",     "level_label",
                              "valid_from", "created_at", "updated_at", "deleted_at"};

// A page of one admin_units row (the province p1 named `name`) at sequence `seq`.
std::shared_ptr<const PulledPage> unitPage(int seq, const char *name, bool more)
{
    const QJsonObject run{
        {"entity", "admin_units"},
        {"columns", QJsonArray::fromStringList(unitColumns)},
        {"rows", QJsonArray{QJsonArray{seq, 0, "p1", "01", name, "province", "Tỉnh", "2025-07-01",
                                       1, seq, QJsonValue()}}}};
    const QJsonObject page{{"protocol", ProtocolVersion::current},
                           {"next", seq},
                           {"more", more},
                           {"runs", QJsonArray{run}}};
    auto p = std::make_shared<PulledPage>();
    if (!p->read(QJsonDocument(page).toJson(QJsonDocument::Compact)))
        qWarning("page: %s", qPrintable(p->errorMessage()));
    return p;
}

struct Answer {
    CoreError error;
    PullApplier::Page result;
    bool dropped = false;
};
} // namespace

class TestSyncWorker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshDatabase(Database &db)
    {
        const QString path = m_dir.filePath(QStringLiteral("w%1.db").arg(++m_n));
        if (const CoreError e = db.open(path); e.failed())
            qWarning("%s", qPrintable(e.message()));
        return path;
    }

    static SyncWorker::Done collect(QList<Answer> *answers)
    {
        return [answers](const CoreError &e, const PullApplier::Page &r, bool dropped) {
            answers->append({e, r, dropped});
        };
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // Pages handed over together are written one after the other, each with its cursor, and
    // answered in that order on the caller's thread.
    void pagesWrittenInOrder()
    {
        Database db;
        const QString path = freshDatabase(db);
        SyncWorker worker(path);
        const quint64 round = worker.beginRound();
        QList<Answer> answers;
        worker.apply(round, unitPage(1, "Một", true), 0, collect(&answers));
        worker.apply(round, unitPage(2, "Hai", true), 1, collect(&answers));
        worker.apply(round, unitPage(3, "Ba", false), 2, collect(&answers));
        QCOMPARE(worker.pending(), 3);
        QTRY_COMPARE(answers.size(), 3);
        QCOMPARE(worker.pending(), 0);
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(answers[i].error.ok(), qPrintable(answers[i].error.message()));
            QVERIFY(!answers[i].dropped);
            QCOMPARE(answers[i].result.next, i + 1);
            QCOMPARE(answers[i].result.applied, 1);
        }
        QVERIFY(!answers[2].result.more);
        QSqlDatabase c = db.connection();
        QCOMPARE(scalar(c, "SELECT name || '/' || sync_seq FROM admin_units").toString(),
                 QStringLiteral("Ba/3"));
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString(),
                 QStringLiteral("3"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
        // The caller's connection is as Database opened it (the worker's has its own settings).
        QCOMPARE(scalar(c, "PRAGMA foreign_keys").toInt(), 1);
        QCOMPARE(scalar(c, "PRAGMA synchronous").toInt(), 2);
    }

    // While the caller's thread holds a write transaction (an inspector's save), apply() returns
    // at once and the caller's thread goes on; the page is written once the save commits.
    void theCallersThreadNeverWaits()
    {
        Database db;
        const QString path = freshDatabase(db);
        SyncWorker worker(path);
        QSqlDatabase c = db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QList<Answer> answers;
        worker.apply(worker.beginRound(), unitPage(1, "Một", false), 0, collect(&answers));
        QTest::qWait(200); // the event loop runs; the worker waits for the lock
        QCOMPARE(answers.size(), 0);
        QCOMPARE(worker.pending(), 1);
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO sync_state(key, value) VALUES ('saved_meanwhile', 'yes')")));
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        QTRY_COMPARE(answers.size(), 1);
        QVERIFY2(answers[0].error.ok(), qPrintable(answers[0].error.message()));
        QCOMPARE(scalar(c, "SELECT name FROM admin_units").toString(), QStringLiteral("Một"));
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'saved_meanwhile'").toString(),
                 QStringLiteral("yes"));
    }

    // A page of a round that has ended is answered `dropped` and not written; the next round
    // writes as usual.
    void pagesOfAnEndedRoundAreDropped()
    {
        Database db;
        const QString path = freshDatabase(db);
        SyncWorker worker(path);
        const quint64 first = worker.beginRound();
        worker.endRound();
        QList<Answer> answers;
        worker.apply(first, unitPage(1, "Một", false), 0, collect(&answers));
        const quint64 second = worker.beginRound();
        QVERIFY(second != first);
        worker.apply(first, unitPage(2, "Hai", false), 1, collect(&answers));
        worker.apply(second, unitPage(3, "Ba", false), 0, collect(&answers));
        QTRY_COMPARE(answers.size(), 3);
        QVERIFY(answers[0].dropped && answers[0].error.ok());
        QVERIFY(answers[1].dropped);
        QVERIFY(!answers[2].dropped);
        QVERIFY2(answers[2].error.ok(), qPrintable(answers[2].error.message()));
        QSqlDatabase c = db.connection();
        QCOMPARE(scalar(c, "SELECT group_concat(name) FROM admin_units").toString(),
                 QStringLiteral("Ba"));
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString(),
                 QStringLiteral("3"));
    }

    // A page the applier refuses changes nothing and says why. The pages of its round after it
    // (asked for ahead) are dropped: written, their cursor would pass the refused page's rows,
    // never to be asked for again. The next round writes as usual.
    void aRefusedPageChangesNothing()
    {
        Database db;
        const QString path = freshDatabase(db);
        SyncWorker worker(path);
        const quint64 round = worker.beginRound();
        auto bad = std::make_shared<PulledPage>();
        QVERIFY(bad->read(QByteArrayLiteral("{\"protocol\":") +
                          QByteArray::number(ProtocolVersion::current) +
                          QByteArrayLiteral(",\"next\":0,\"more\":true,\"runs\":[]}")));
        QList<Answer> answers;
        worker.apply(round, bad, 0, collect(&answers));
        worker.apply(round, unitPage(2, "Hai", false), 1, collect(&answers));
        QTRY_COMPARE(answers.size(), 2);
        QVERIFY(answers[0].error.failed());
        QVERIFY2(answers[0].error.message().contains(QLatin1String("empty page")),
                 qPrintable(answers[0].error.message()));
        QVERIFY(answers[1].dropped);
        QSqlDatabase c = db.connection();
        QVERIFY(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").isNull());
        QCOMPARE(scalar(c, "SELECT count(*) FROM admin_units").toInt(), 0);
        worker.apply(worker.beginRound(), unitPage(1, "Một", false), 0, collect(&answers));
        QTRY_COMPARE(answers.size(), 3);
        QVERIFY(!answers[2].dropped);
        QVERIFY2(answers[2].error.ok(), qPrintable(answers[2].error.message()));
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString(),
                 QStringLiteral("1"));
    }

    // A database the worker cannot open as this app's (here: none at the path) is an error
    // naming the file, for every page; nothing is created.
    void aMissingDatabaseIsAnError()
    {
        const QString path = m_dir.filePath(QStringLiteral("none.db"));
        SyncWorker worker(path);
        QList<Answer> answers;
        worker.apply(worker.beginRound(), unitPage(1, "Một", false), 0, collect(&answers));
        QTRY_COMPARE(answers.size(), 1);
        QVERIFY(answers[0].error.failed());
        QVERIFY2(answers[0].error.message().contains(path), qPrintable(answers[0].error.message()));
        QVERIFY(!QFile::exists(path));
    }

    // Jobs run on the worker's connection in turn with pages: a job handed over after a page sees
    // its rows; a job's error comes back as it is; runNow() waits for the work before it.
    void jobsRunInTurnWithPages()
    {
        Database db;
        const QString path = freshDatabase(db);
        SyncWorker worker(path);
        QList<Answer> answers;
        QStringList seen;
        worker.apply(worker.beginRound(), unitPage(1, "Một", false), 0, collect(&answers));
        worker.run(
            [&seen](QSqlDatabase c) {
                seen << scalar(c, "SELECT group_concat(name) FROM admin_units").toString();
                return CoreError();
            },
            [&seen](const CoreError &e) { seen << (e.ok() ? "ok" : e.message()); });
        worker.run([](QSqlDatabase) { return CoreError(CoreError::Code::Io, "không đọc được"); },
                   [&seen](const CoreError &e) { seen << e.message(); });
        QCOMPARE(worker.pending(), 3);
        const CoreError now = worker.runNow([&seen](QSqlDatabase c) {
            seen << QStringLiteral("now %1").arg(
                scalar(c, "SELECT count(*) FROM admin_units").toInt());
            return CoreError();
        });
        QVERIFY(now.ok());
        // runNow ran after the queued work; the answers of that work come through the event loop.
        QCOMPARE(seen, (QStringList{"Một", "now 1"}));
        QTRY_COMPARE(worker.pending(), 0);
        QCOMPARE(seen, (QStringList{"Một", "now 1", "ok", "không đọc được"}));
        QCOMPARE(answers.size(), 1);
    }

    // Destroying the worker with pages still queued finishes or drops them and returns.
    void destroyedWithPagesQueued()
    {
        Database db;
        const QString path = freshDatabase(db);
        QList<Answer> answers;
        {
            SyncWorker worker(path);
            const quint64 round = worker.beginRound();
            for (int i = 1; i <= 20; ++i)
                worker.apply(round, unitPage(i, "Tỉnh", i < 20), i - 1, collect(&answers));
        }
        QCoreApplication::processEvents();
        QCOMPARE(answers.size(), 0); // answers of a destroyed worker are not delivered
        const int cursor =
            scalar(db.connection(), "SELECT coalesce(max(sync_seq), 0) FROM admin_units").toInt();
        QVERIFY(cursor >= 0 && cursor <= 20);
        QCOMPARE(scalar(db.connection(),
                        "SELECT coalesce((SELECT value FROM sync_state WHERE key = 'pull_cursor'), "
                        "'0')")
                     .toInt(),
                 cursor);
    }
};

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_syncworker.moc"
