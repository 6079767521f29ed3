// SyncClient against a scripted server on 127.0.0.1: the protocol headers, deflate both ways,
// login, logout, rejected changes, photo upload resume, and every failure
// (tests/fixtures/sync/failures.tsv) ending the round with the outbox untouched.
#include "contenthash.h"
#include "protocolversion.h"
#include "pushbatch.h"
#include "searchindex.h"
#include "syncclient.h"
#include "synchttp.h"
#include "synctestutil.h"
#include "transaction.h"

#include <QDir>
#include <QMetaEnum>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <atomic>

using namespace synctest;

namespace {
const QJsonArray kSteps = QJsonDocument::fromJson(R"([
  {"do": "insert", "table": "admin_units", "values": {"id": "p1", "code": "01", "name": "A", "level": "province", "level_label": "Tỉnh", "valid_from": "2025-07-01"}},
  {"do": "insert", "table": "admin_units", "values": {"id": "p2", "code": "02", "name": "B", "level": "province", "level_label": "Tỉnh", "valid_from": "2025-07-01"}},
  {"do": "update", "table": "admin_units", "id": "p1", "values": {"name": "AA"}}
])")
                              .array();

// The device seqs of a push request's changes (PROTOCOL.md, Push: runs of [seq, row_id, …]).
QList<double> changeSeqs(const Request &r)
{
    QList<double> out;
    for (const QJsonValue &run : r.json().value("runs").toArray())
        for (const QJsonValue &c : run.toObject().value("changes").toArray())
            out << c.toArray().at(0).toDouble();
    return out;
}

// A push answer that refuses every change of the request with `code`.
Response rejectAll(const Request &r, const QString &code, const QString &message)
{
    QJsonArray results;
    for (const double c : changeSeqs(r))
        results.append(QJsonObject{
            {"change", c}, {"status", "rejected"}, {"code", code}, {"message", message}});
    return Response::json(
        200, {{"protocol", ProtocolVersion::current}, {"server_seq", 0}, {"results", results}});
}

// A slot that any signal can be connected to by its QMetaMethod: runs `what` each time.
class Trigger : public QObject
{
    Q_OBJECT
public:
    explicit Trigger(std::function<void()> what) : m_what(std::move(what)) {}

public slots:
    void fire() { m_what(); }

private:
    std::function<void()> m_what;
};

// A registry that stores every change and has nothing to pull.
Response goodHandler(const Request &r, qint64 *seq)
{
    if (r.path.startsWith("/api/v1/push")) {
        // Every change applied: the reply lists none.
        *seq += changeSeqs(r).size();
        return Response::json(200, {{"protocol", ProtocolVersion::current},
                                    {"server_seq", double(*seq)},
                                    {"results", QJsonArray()}});
    }
    if (r.path.startsWith("/api/v1/pull"))
        return Response::json(200,
                              {{"protocol", ProtocolVersion::current},
                               {"runs", QJsonArray()},
                               {"next", double(*seq)},
                               {"more", false}},
                              true);
    if (r.path.startsWith("/api/v1/discards"))
        return Response::json(200, {{"protocol", ProtocolVersion::current},
                                    {"next", 0},
                                    {"more", false},
                                    {"runs", QJsonArray()}});
    if (r.path.startsWith("/api/v1/photos/status"))
        return Response::json(200, {{"photos", QJsonObject()}});
    return Response::json(404, {{"code", "not_found"}, {"message", "no"}});
}

// A registry that notes the seqs of every pushed change and, while *refuse holds, refuses them
// all with `code`; otherwise goodHandler.
std::function<Response(const Request &)> refusingHandler(const QString &code, const bool *refuse,
                                                         QList<double> *pushed, qint64 *seq)
{
    return [=](const Request &r) -> Response {
        if (r.path.startsWith("/api/v1/push")) {
            *pushed << changeSeqs(r);
            if (*refuse)
                return rejectAll(r, code, "Máy chủ chưa có bản ghi gốc");
        }
        return goodHandler(r, seq);
    };
}
} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    struct Device {
        Database db;
        QString root;
        std::unique_ptr<SyncClient> client;
    };

    std::unique_ptr<Device> device(const QString &url, bool loggedIn = true,
                                   const QString &role = QStringLiteral("inspector"))
    {
        auto d = std::make_unique<Device>();
        d->root = m_dir.filePath(QStringLiteral("root%1").arg(++m_n));
        QDir().mkpath(d->root);
        const CoreError e = d->db.open(d->root + QStringLiteral("/device.db"));
        if (e.failed())
            qFatal("%s", qPrintable(e.message()));
        if (loggedIn) {
            SyncManager m(d->db.connection());
            SyncAuth a;
            a.token = QStringLiteral("tok-123");
            a.username = QStringLiteral("thanh.tra");
            a.role = role;
            m.setAuth(a);
        }
        d->client = std::make_unique<SyncClient>(d->db.connection(), d->root);
        d->client->setAutoSync(false);
        d->client->setServerUrl(QUrl(url));
        d->client->setTimeoutMs(700);
        return d;
    }

    // `n` new admin units in one transaction: n outbox entries.
    static bool insertUnits(QSqlDatabase db, int n)
    {
        RecordWriter w(db);
        Transaction tx(db);
        for (int i = 0; i < n; ++i)
            if (w.insert("admin_units", {{"code", QString::number(i)},
                                         {"name", "U"},
                                         {"level", "province"},
                                         {"level_label", "Tỉnh"},
                                         {"valid_from", "2025-07-01"}})
                    .failed())
                return false;
        return tx.commit().ok();
    }

    // The admin units a device holds and its pull cursor: "p1,p2 @ 2".
    static QString unitsAndCursor(QSqlDatabase c)
    {
        return scalar(c, "SELECT group_concat(id) FROM (SELECT id FROM admin_units ORDER BY id)")
                   .toString() +
               QStringLiteral(" @ ") +
               scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString();
    }

    static bool round(SyncClient &c)
    {
        QSignalSpy spy(&c, &SyncClient::roundFinished);
        if (!c.sync())
            return false;
        if (spy.isEmpty() && !spy.wait(10000)) // a round may end before sync() returns
            qFatal("round did not finish");
        return spy.first().at(0).toBool();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // Sizes as the page and the sign-out warning say them: KB below 1 MiB, at least 1 KB when
    // something is left (the warning said "0.0 MB" for a photo nearly sent).
    void sizesInKbOrMb()
    {
        QCOMPARE(SyncClient::sizeText(0), QStringLiteral("0 KB"));
        QCOMPARE(SyncClient::sizeText(100), QStringLiteral("1 KB"));
        QCOMPARE(SyncClient::sizeText(40 * 1024 + 100), QStringLiteral("40 KB"));
        QCOMPARE(SyncClient::sizeText(1024 * 1024 - 1), QStringLiteral("1024 KB"));
        QCOMPARE(SyncClient::sizeText(3 * 512 * 1024),
                 QLocale().toString(1.5, 'f', 1) + QStringLiteral(" MB"));
    }

    // What waits is counted again after the inspector's saves settle, without the sync page
    // asking: the header's "N chờ gửi" follows the work. It followed only the page and rounds.
    void savesAreCountedWithoutAsking()
    {
        FakeRegistry server;
        auto d = device(server.url());
        QCOMPARE(d->client->pendingRecords(), 0);
        QSignalSpy counts(d->client.get(), &SyncClient::countsChanged);
        QVERIFY(insertUnits(d->db.connection(), 3));
        QTRY_COMPARE_WITH_TIMEOUT(d->client->pendingRecords(), 3, 5000);
        QVERIFY(insertUnits(d->db.connection(), 2));
        QTRY_COMPARE_WITH_TIMEOUT(d->client->pendingRecords(), 5, 5000);
        QCOMPARE(counts.size(), 2);
        QVERIFY(server.requests.isEmpty());
    }

    // An address typed without its scheme is the registry's https address (http on loopback,
    // where the demo registry listens); one with http or https stays as typed. It failed as a
    // relative URL, said to be the network's fault.
    void anAddressWithoutItsSchemeIsTakenAsHttps_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("used");
        QTest::newRow("host") << "ccn.sct.gov.vn"
                              << "https://ccn.sct.gov.vn";
        QTest::newRow("host and port") << "ccn.sct.gov.vn:8443"
                                       << "https://ccn.sct.gov.vn:8443";
        QTest::newRow("address and port") << "192.168.1.10:8787"
                                          << "https://192.168.1.10:8787";
        QTest::newRow("localhost") << "localhost:8787"
                                   << "http://localhost:8787";
        QTest::newRow("loopback") << "127.0.0.1:8787"
                                  << "http://127.0.0.1:8787";
        QTest::newRow("https") << "https://ccn.sct.gov.vn/"
                               << "https://ccn.sct.gov.vn/";
        QTest::newRow("http") << "http://10.0.0.5:8787"
                              << "http://10.0.0.5:8787";
        QTest::newRow("another scheme") << "ftp://ccn.sct.gov.vn"
                                        << "ftp://ccn.sct.gov.vn";
        QTest::newRow("nothing") << ""
                                 << "";
    }

    void anAddressWithoutItsSchemeIsTakenAsHttps()
    {
        QFETCH(QString, typed);
        QFETCH(QString, used);
        QCOMPARE(SyncClient::serverUrlFrom(typed).toString(), used);
    }

    // An address the app cannot use is refused at sign-in, named, with what to type; nothing is
    // sent.
    void anAddressThatCannotBeUsedIsRefusedAtLogin()
    {
        FakeRegistry server;
        auto d = device(server.url(), false);
        d->client->setServerAddress(QStringLiteral("ftp://ccn.sct.gov.vn"));
        QSignalSpy finished(d->client.get(), &SyncClient::loginFinished);
        d->client->login(QStringLiteral("thanh.tra"), QStringLiteral("mat-khau"));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString message = finished.first().at(1).toString();
        QVERIFY2(message.contains(QLatin1String("ftp://ccn.sct.gov.vn")) &&
                     message.contains(QLatin1String("https://")),
                 qPrintable(message));
        QCOMPARE(d->client->lastError(), message);
        QVERIFY(server.requests.isEmpty());
    }

    void pullProgressFollowsTheCursor()
    {
        QCOMPARE(SyncClient::pullFraction(100, 100, 500), 0.0);
        QCOMPARE(SyncClient::pullFraction(100, 300, 500), 0.5);
        QCOMPARE(SyncClient::pullFraction(100, 600, 500), 1.0); // written during the round
        QCOMPARE(SyncClient::pullFraction(500, 500, 500), 1.0); // nothing to pull
        // Four pages towards last_seq 400: the bar moves by the cursor's share, never back.
        FakeRegistry server;
        qint64 seq = 0;
        server.handler = [&](const Request &r) {
            if (!r.path.startsWith("/api/v1/pull"))
                return goodHandler(r, &seq);
            const qint64 since =
                QUrlQuery(QUrl(QString::fromLatin1(r.path))).queryItemValue("since").toLongLong();
            const qint64 next = since + 100;
            // One province row per page (a page with more to come is never empty).
            const QString id = QStringLiteral("p%1").arg(next);
            const QJsonObject run{
                {"entity", "admin_units"},
                {"columns", QJsonArray{"code", "created_at", "id", "level", "level_label", "name",
                                       "updated_at", "valid_from"}},
                {"rows", QJsonArray{QJsonArray{double(next), 0, id, 1, id, "province", "Tỉnh", id,
                                               1, "2025-07-01"}}}};
            return Response::json(200,
                                  {{"protocol", ProtocolVersion::current},
                                   {"runs", QJsonArray{run}},
                                   {"next", double(next)},
                                   {"more", next < 400},
                                   {"last_seq", next == 200 ? 380.0 : 400.0}},
                                  true);
        };
        auto d = device(server.url());
        QList<double> pull;
        connect(d->client.get(), &SyncClient::progressChanged, this, [&]() {
            if (d->client->phase() == QLatin1String("pull"))
                pull << d->client->progress();
        });
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(pull.size(), 4);
        QCOMPARE(pull.at(0), 0.4 + 0.3 * 0.25);
        QCOMPARE(pull.at(1), 0.4 + 0.3 * (200.0 / 380.0));
        QCOMPARE(pull.at(2), 0.4 + 0.3 * 0.75);
        QCOMPARE(pull.at(3), 0.7);
    }

    // pulled(rows) tells the app to read its lists again: once a round, after rows came down,
    // not after a round that pulled nothing.
    void pulledRowsAreAnnouncedOnceARound()
    {
        FakeRegistry server;
        qint64 seq = 0, served = 0, last = 3;
        server.handler = [&](const Request &r) {
            if (!r.path.startsWith("/api/v1/pull"))
                return goodHandler(r, &seq);
            qint64 since = sinceOf(r);
            if (since >= last)
                return goodHandler(r, &since); // an empty last page at the cursor
            ++served;
            return unitPullReply(since + 1, since + 1 < last);
        };
        auto d = device(server.url());
        QSignalSpy pulled(d->client.get(), &SyncClient::pulled);
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(served, 3);
        QCOMPARE(pulled.size(), 1);
        QCOMPARE(pulled.first().at(0).toInt(), 3);
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM admin_units").toInt(), 3);
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(pulled.size(), 1);
    }

    // Pulled inspections wait for the search indexes while the round runs (its pages are written
    // faster), and are indexed between rounds, a chunk at a time: a round that begins stops the
    // indexing until it ends, and an app stopped half way goes on at its next start.
    void aSearchChunkThatFailsIsSaidAndTriedAgain()
    {
        // The worker cannot take pulled rows out of the backlog (here a trigger refuses, as a
        // full disk would): the rows keep waiting, the client says why in plain words, and the
        // next round's end tries again; once a chunk goes in, the message goes.
        FakeRegistry server;
        qint64 seq = 0;
        const int rows = 12;
        server.handler = [&](const Request &r) {
            if (!r.path.startsWith("/api/v1/pull") || sinceOf(r) >= rows)
                return goodHandler(r, &seq);
            QJsonArray page;
            for (int i = 0; i < rows; ++i)
                page.append(QJsonArray{
                    double(i + 1), 0,
                    QStringLiteral("01900001-0000-7000-8000-%1").arg(i, 12, 10, QChar('0')), "c1",
                    "t1", "periodic", "Lê Văn Tám", 0, 1, 1, QJsonValue()});
            seq = qMax(seq, qint64(rows));
            const QJsonObject run{
                {"entity", "inspections"},
                {"columns", QJsonArray{"id", "cluster_id", "template_id", "kind", "inspector_name",
                                       "started_at", "created_at", "updated_at", "deleted_at"}},
                {"rows", page}};
            return Response::json(200,
                                  {{"protocol", ProtocolVersion::current},
                                   {"runs", QJsonArray{run}},
                                   {"next", double(rows)},
                                   {"more", false}},
                                  true);
        };
        auto d = device(server.url());
        QSqlDatabase c = d->db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec("CREATE TRIGGER backlog_full BEFORE DELETE ON search_backlog BEGIN "
                       "SELECT RAISE(ABORT, 'database or disk is full'); END"));
        QSignalSpy finished(d->client.get(), &SyncClient::roundFinished);
        QVERIFY(d->client->sync());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY(finished.at(0).at(0).toBool()); // the round itself went well
        QTRY_VERIFY(!d->client->searchIndexError().isEmpty());
        QVERIFY2(d->client->searchIndexError().contains("disk is full"),
                 qPrintable(d->client->searchIndexError()));
        QCOMPARE(d->client->searchBacklog(), rows);
        QCOMPARE(scalar(c, "SELECT count(*) FROM search_backlog").toInt(), rows);

        QVERIFY(q.exec("DROP TRIGGER backlog_full"));
        QVERIFY(d->client->sync());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QTRY_COMPARE(d->client->searchBacklog(), 0);
        QVERIFY(d->client->searchIndexError().isEmpty());
        QCOMPARE(int(SearchIndex(c).search(QStringLiteral("le van tam"), 100).size()), rows);
    }

    void pulledInspectionsBecomeSearchableBetweenRounds()
    {
        FakeRegistry server;
        qint64 seq = 0;
        const int perPage = 30, pages = 2;
        std::function<void()> duringRound;
        server.handler = [&](const Request &r) {
            if (duringRound)
                duringRound();
            if (!r.path.startsWith("/api/v1/pull") || sinceOf(r) >= perPage * pages)
                return goodHandler(r, &seq);
            const qint64 page = sinceOf(r) / perPage + 1;
            QJsonArray rows;
            for (int i = 0; i < perPage; ++i) {
                const QString id = QStringLiteral("0190000%1-0000-7000-8000-%2")
                                       .arg(page)
                                       .arg(i, 12, 10, QChar('0'));
                rows.append(QJsonArray{double((page - 1) * perPage + i + 1), 0, id, "c1", "t1",
                                       "periodic", QStringLiteral("Vũ Thị Ngân %1").arg(page), 0, 1,
                                       1, QJsonValue()});
            }
            const QJsonObject run{
                {"entity", "inspections"},
                {"columns", QJsonArray{"id", "cluster_id", "template_id", "kind", "inspector_name",
                                       "started_at", "created_at", "updated_at", "deleted_at"}},
                {"rows", rows}};
            seq = qMax(seq, page * perPage);
            return Response::json(200,
                                  {{"protocol", ProtocolVersion::current},
                                   {"runs", QJsonArray{run}},
                                   {"next", double(page * perPage)},
                                   {"more", page < pages}},
                                  true);
        };
        auto d = device(server.url());
        QSqlDatabase c = d->db.connection();
        auto waiting = [&c] { return scalar(c, "SELECT count(*) FROM search_backlog").toInt(); };
        auto found = [&c] {
            return int(SearchIndex(c).search(QStringLiteral("vu thi ngan"), 100).size());
        };
        const int all = perPage * pages;
        const int chunk = 7;
        d->client->setSearchChunk(chunk);
        // `pulled` comes before the round's end hands the first chunk over.
        int atRoundEnd = -1;
        connect(d->client.get(), &SyncClient::pulled, this, [&] { atRoundEnd = waiting(); });
        // The next round begins as soon as this one ends, and its registry answers slowly (this
        // thread's events run meanwhile, the worker's answers among them).
        // What waits at its last request (its end hands the next chunk over).
        int rounds = 0, atSecondEnd = -1;
        bool stopped = false;
        connect(d->client.get(), &SyncClient::roundFinished, this, [&] {
            if (++rounds == 1) {
                duringRound = [&] {
                    QTest::qWait(100);
                    atSecondEnd = waiting();
                };
                QVERIFY(d->client->sync());
                return;
            }
            // The app stops as the second round ends: the chunk handed over at its end, and at
            // most one more, can be indexed by then (each chunk's end hands the next one over on
            // this thread). Stopping later would race the indexer, which may finish them all.
            QMetaObject::invokeMethod(
                this,
                [&] {
                    d->client.reset();
                    stopped = true;
                },
                Qt::QueuedConnection);
        });
        QSignalSpy said(d->client.get(), &SyncClient::searchBacklogChanged);
        QSignalSpy finished(d->client.get(), &SyncClient::roundFinished);
        QVERIFY(d->client->sync());
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 20000);
        QCOMPARE(finished.size(), 2);
        QVERIFY2(finished.at(0).at(0).toBool() && finished.at(1).at(0).toBool(),
                 qPrintable(finished.at(0).at(1).toString() + finished.at(1).at(1).toString()));
        duringRound = nullptr;
        QCOMPARE(atRoundEnd, all); // none indexed during the round
        QVERIFY(!said.isEmpty());  // at the round's end, then after each chunk
        // At most the chunk handed over before the second round began.
        QVERIFY2(atSecondEnd >= all - chunk, qPrintable(QString::number(atSecondEnd)));
        QCOMPARE(found() + waiting(), all); // each row searchable or waiting

        // The app stopped with rows still waiting; the next start indexes them.
        QVERIFY2(waiting() >= all - 3 * chunk, qPrintable(QString::number(waiting())));
        d->client = std::make_unique<SyncClient>(c, d->root);
        d->client->setAutoSync(false);
        QCOMPARE(d->client->searchBacklog(), waiting());
        QTRY_COMPARE(d->client->searchBacklog(), 0);
        QCOMPARE(waiting(), 0);
        QCOMPARE(found(), perPage * pages);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
    }

    // The registry restored from a backup: its latest seq is behind this device's cursor, and
    // what it stores from now on gets seqs the device has passed. The device sees it in last_seq
    // and pulls again from the beginning, in the same round.
    void aRegistryBehindTheCursorIsPulledAgainFromTheStart()
    {
        FakeRegistry server;
        qint64 seq = 0;
        QList<qint64> asked;
        server.handler = [&](const Request &r) {
            if (!r.path.startsWith("/api/v1/pull"))
                return goodHandler(r, &seq);
            const qint64 since = sinceOf(r);
            asked << since;
            if (since >= 2)
                return Response::json(200,
                                      {{"protocol", ProtocolVersion::current},
                                       {"runs", QJsonArray()},
                                       {"next", double(since)},
                                       {"more", false},
                                       {"last_seq", 2}},
                                      true);
            return unitPullReply(since + 1, since + 1 < 2, 2);
        };
        auto d = device(server.url());
        QVERIFY(d->client->manager().setPullCursor(1000).ok());
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(asked.first(), qint64(1000));
        QCOMPARE(asked.mid(1, 2), (QList<qint64>{0, 1}));
        QCOMPARE(unitsAndCursor(d->db.connection()), QStringLiteral("p1,p2 @ 2"));
        // A registry that is not behind: no going back.
        asked.clear();
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(asked, QList<qint64>{2});
    }

    // A registry restored from a backup begins another epoch; its sequence may already be past
    // the device's cursor. The device goes back to the epoch's first sequence (not to 0: what
    // the registry holds up to there is the backup's, unchanged) and keeps the new epoch.
    void anotherEpochIsPulledAgainFromWhereTheRegistryWentBack()
    {
        FakeRegistry server;
        qint64 seq = 0;
        QList<qint64> asked;
        QJsonObject epoch{{"epoch", "epoch-1"}, {"epoch_seq", 0}};
        server.handler = [&](const Request &r) {
            if (!r.path.startsWith("/api/v1/pull"))
                return goodHandler(r, &seq);
            const qint64 since = sinceOf(r);
            asked << since;
            return unitPullReply(since + 1, since + 1 < 3, 3000, epoch);
        };
        auto d = device(server.url());
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(asked, (QList<qint64>{0, 1, 2}));
        QCOMPARE(d->client->manager().value("registry_epoch"), QStringLiteral("epoch-1"));
        QVERIFY(d->client->manager().setPullCursor(1000).ok());
        epoch = {{"epoch", "epoch-2"}, {"epoch_seq", 2}};
        asked.clear();
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(asked, (QList<qint64>{1000, 2}));
        QCOMPARE(unitsAndCursor(d->db.connection()), QStringLiteral("p1,p2,p3 @ 3"));
        QCOMPARE(d->client->manager().value("registry_epoch"), QStringLiteral("epoch-2"));
        QVERIFY2(d->client->notice().contains(QStringLiteral("khôi phục")),
                 qPrintable(d->client->notice())); // the user is told
        // The same epoch again: no going back, nothing to tell.
        asked.clear();
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(asked, QList<qint64>{3});
        QVERIFY(d->client->notice().isEmpty());
    }

    // The tablet changes hands: the next user's pull starts again from 0, but the epoch is the
    // registry's, not the user's. A restore made meanwhile is still caught (and told), so what the
    // registry confirmed and then lost is sent again.
    void aRestoreMadeBeforeAnotherUserSignsInIsCaught()
    {
        FakeRegistry server;
        qint64 seq = 0;
        QList<qint64> asked;
        QJsonObject epoch{{"epoch", "epoch-1"}, {"epoch_seq", 0}};
        server.handler = [&](const Request &r) {
            if (r.path == "/api/v1/login") {
                const QString who = r.json().value("username").toString();
                return Response::json(200, {{"token", "t-" + who},
                                            {"expires_at", 1900000000000.0},
                                            {"user", QJsonObject{{"id", "id-" + who},
                                                                 {"username", who},
                                                                 {"role", "inspector"},
                                                                 {"province_id", "p1"}}}});
            }
            if (!r.path.startsWith("/api/v1/pull"))
                return goodHandler(r, &seq);
            const qint64 since = sinceOf(r);
            asked << since;
            return unitPullReply(since + 1, since + 1 < 3, 3000, epoch);
        };
        auto d = device(server.url(), false);
        QSignalSpy done(d->client.get(), &SyncClient::loginFinished);
        d->client->login("thanh.tra.mot", "mat-khau-1");
        QVERIFY(done.wait(5000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(d->client->manager().value("registry_epoch"), QStringLiteral("epoch-1"));
        QVERIFY(d->client->logout());
        d->client->login("thanh.tra.hai", "mat-khau-2");
        QVERIFY(done.wait(5000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        QCOMPARE(d->client->manager().value("registry_epoch"), QStringLiteral("epoch-1"));
        epoch = {{"epoch", "epoch-2"}, {"epoch_seq", 2}};
        asked.clear();
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(asked.value(0), 0); // another user: the pull starts again
        QCOMPARE(d->client->manager().value("registry_epoch"), QStringLiteral("epoch-2"));
        QVERIFY2(d->client->notice().contains(QStringLiteral("khôi phục")),
                 qPrintable(d->client->notice()));
    }

    // Pages are written by the sync worker. When a round ends while a page of it is still being
    // written (here: held up by another connection's write lock), the next round waits for that
    // page and starts its pull at the cursor it stored: the page is neither lost nor asked for
    // twice, and the next round does not take its answer for one of its own. (Should the worker not
    // have begun the page when the round ended, it is dropped instead and the next round asks for
    // it again: the same end state. The registry's 300 ms before refusing page 2 makes that rare.)
    void aPageStillBeingWrittenIsNotTakenForTheNextRounds()
    {
        FakeRegistry server;
        qint64 seq = 0;
        QList<qint64> asked;
        bool failSecond = true;
        server.handler = [&](const Request &r) {
            if (!r.path.startsWith("/api/v1/pull"))
                return goodHandler(r, &seq);
            const qint64 since = sinceOf(r);
            asked << since;
            if (since == 1 && failSecond) {
                failSecond = false;
                QThread::msleep(300); // the worker takes page 1 meanwhile
                return Response::json(500, {{"code", "internal"}, {"message", "boom"}});
            }
            return unitPullReply(since + 1, since + 1 < 2);
        };
        auto d = device(server.url());
        QVERIFY(!d->client->deviceId().isEmpty()); // stored before the lock
        QSignalSpy pulled(d->client.get(), &SyncClient::pulled);
        {
            WriteLock lock(d->db.path());
            QVERIFY(lock.held());
            QVERIFY(!round(*d->client)); // page 1 handed over, page 2 refused: the round ends
            QCOMPARE(asked, (QList<qint64>{0, 1}));
            QSignalSpy finished(d->client.get(), &SyncClient::roundFinished);
            pulled.clear();
            QVERIFY(d->client->sync());
            QTest::qWait(300); // the second round cannot write before the lock goes
            QCOMPARE(finished.size(), 0);
            QVERIFY(lock.release());
            QVERIFY(finished.wait(10000));
            QVERIFY2(finished.first().at(0).toBool(), qPrintable(d->client->lastError()));
        }
        // The second round: from the stored cursor, each page once.
        const QList<qint64> second = asked.mid(2);
        QVERIFY2(second == QList<qint64>{1} || second == (QList<qint64>{0, 1}),
                 qPrintable(QDebug::toString(asked)));
        // ... and counts as its own only the rows of the pages it asked for (one row a page);
        // page 1, when the worker had begun it before the first round ended, is announced on its
        // own, before the round's report (the list shows its rows all the same).
        QCOMPARE(pulled.size(), second.size() == 1 ? 2 : 1);
        QCOMPARE(pulled.last().at(0).toInt(), second.size());
        if (second.size() == 1)
            QCOMPARE(pulled.first().at(0).toInt(), 1);
        QCOMPARE(unitsAndCursor(d->db.connection()), QStringLiteral("p1,p2 @ 2"));
    }

    // The push's database work (building batches, writing their outcomes) is the worker's: while
    // another connection holds the write lock (here the test's; in the field a long save), the
    // round waits and the UI thread keeps running; once the lock goes the round ends as usual.
    void pushWorkWaitsOffTheUiThread()
    {
        FakeRegistry server;
        qint64 seq = 0;
        server.handler = [&](const Request &r) { return goodHandler(r, &seq); };
        auto d = device(server.url());
        QVERIFY(!d->client->deviceId().isEmpty()); // stored before the lock
        QVERIFY(insertUnits(d->db.connection(), 5));
        {
            WriteLock lock(d->db.path());
            QVERIFY(lock.held());
            QSignalSpy finished(d->client.get(), &SyncClient::roundFinished);
            int ticks = 0;
            QTimer timer;
            timer.setInterval(10);
            connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
            timer.start();
            QVERIFY(d->client->sync());
            QTest::qWait(400);
            timer.stop();
            QCOMPARE(finished.size(), 0); // the batch's outcome waits for the lock
            QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
            QCOMPARE(seq, 5); // the batch was built and stored all the same
            QVERIFY(lock.release());
            QVERIFY(finished.wait(10000));
            QVERIFY2(finished.first().at(0).toBool(), qPrintable(d->client->lastError()));
        }
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM outbox").toInt(), 0);
        QCOMPARE(d->client->pendingRecords(), 0);
    }

    // A device id that cannot be stored is never used: no login, no round, a message that says
    // so; once the database takes writes again the id is chosen, stored and kept.
    void anUnstoredDeviceIdIsNeverUsed()
    {
        FakeRegistry server;
        qint64 seq = 0;
        int requests = 0;
        server.handler = [&](const Request &r) {
            ++requests;
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        QSqlQuery q(d->db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA query_only = 1")));
        QVERIFY(d->client->deviceId().isEmpty());
        QVERIFY(d->client->deviceId().isEmpty());
        QSignalSpy login(d->client.get(), &SyncClient::loginFinished);
        d->client->login(QStringLiteral("thanh.tra"), QStringLiteral("mật khẩu"));
        QCOMPARE(login.size(), 1);
        QVERIFY(!login.first().at(0).toBool());
        QVERIFY2(login.first().at(1).toString().contains(QStringLiteral("mã thiết bị")),
                 qPrintable(login.first().at(1).toString()));
        QVERIFY(!round(*d->client));
        QVERIFY2(d->client->lastError().contains(QStringLiteral("mã thiết bị")),
                 qPrintable(d->client->lastError()));
        QCOMPARE(requests, 0);
        QVERIFY(q.exec(QStringLiteral("PRAGMA query_only = 0")));
        const QString id = d->client->deviceId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(d->client->deviceId(), id);
        QCOMPARE(scalar(d->db.connection(), "SELECT value FROM sync_state WHERE key = 'device_id'")
                     .toString(),
                 id);
    }

    void goodRoundSendsHeadersAndDeflate()
    {
        FakeRegistry server;
        qint64 seq = 0;
        server.handler = [&](const Request &r) { return goodHandler(r, &seq); };
        auto d = device(server.url());
        QString why;
        QVERIFY(runSteps(d->db.connection(), kSteps, &why));
        d->client->refreshCounts();
        QCOMPARE(d->client->pendingRecords(), 3);
        // The waiting records' size: their values as stored (UTF-8 bytes, not characters).
        QCOMPARE(
            d->client->pendingRecordBytes(),
            scalar(d->db.connection(), "SELECT sum(length(CAST(new_json AS BLOB))) FROM outbox")
                .toLongLong());
        QVERIFY(
            d->client->pendingRecordBytes() > // "Tỉnh": more bytes than characters
            scalar(d->db.connection(), "SELECT sum(length(new_json)) FROM outbox").toLongLong());
        QVERIFY(d->client->hasUnsyncedWork());
        QSignalSpy progress(d->client.get(), &SyncClient::progressChanged);
        QVERIFY(round(*d->client));
        QVERIFY(d->client->lastError().isEmpty());
        QCOMPARE(d->client->pendingRecords(), 0);
        QCOMPARE(d->client->pendingRecordBytes(), qint64(0));
        QCOMPARE(d->client->progress(), 1.0);
        QVERIFY(progress.count() >= 2);
        QVERIFY(d->client->lastSyncAt().isValid());
        QVERIFY(d->client->online());
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM outbox").toInt(), 0);
        // A push leaves the row's sync_seq to the pull that brings the stored row back (this
        // scripted registry has nothing to pull).
        QCOMPARE(
            scalar(d->db.connection(), "SELECT sync_seq FROM admin_units WHERE id = 'p1'").toInt(),
            0);
        QCOMPARE(
            scalar(d->db.connection(), "SELECT value FROM sync_state WHERE key = 'pull_cursor'")
                .toString(),
            QStringLiteral("3"));
        QVERIFY(server.requests.size() >= 2);
        for (const Request &r : server.requests) {
            QCOMPARE(r.headers.value("x-ccn-protocol"),
                     QByteArray::number(ProtocolVersion::current));
            QCOMPARE(r.headers.value("x-ccn-schema").toInt(), d->db.schemaVersion());
            QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer tok-123"));
        }
        const Request &push = server.requests.first();
        QCOMPARE(push.method, QByteArray("POST"));
        QCOMPARE(push.headers.value("content-encoding"), QByteArray("deflate"));
        QVERIFY(push.rawBody != push.body);
        QCOMPARE(changeSeqs(push).size(), 3);
        QCOMPARE(push.json().value("device_id").toString(), d->client->deviceId());
        const Request &pull = server.requests.at(1);
        QCOMPARE(pull.method, QByteArray("GET"));
        QCOMPARE(QUrlQuery(QUrl(QString::fromLatin1(pull.path)).query()).queryItemValue("since"),
                 QStringLiteral("0"));
    }

    void pushGoesInZstdOnceTheRegistryNamesIt()
    {
        // A registry that names zstd in its replies' Accept-Encoding (RFC 7694) gets push bodies
        // in zstd from then on; the first batch of a device that has not heard from it yet goes
        // in deflate, which every registry reads.
        FakeRegistry server;
        qint64 seq = 0;
        server.handler = [&](const Request &r) {
            Response resp = goodHandler(r, &seq);
            resp.headers.append(
                qMakePair(QByteArray("Accept-Encoding"), QByteArray("zstd, gzip, deflate")));
            return resp;
        };
        auto d = device(server.url());
        QVERIFY(insertUnits(d->db.connection(), 2 * PushBatch::maxChanges + 203));
        QVERIFY(round(*d->client));
        QList<QByteArray> codings;
        int changes = 0;
        for (const Request &r : server.requests)
            if (r.path.startsWith("/api/v1/push")) {
                codings << r.headers.value("content-encoding");
                changes += int(changeSeqs(r).size()); // the body decoded
            }
        QCOMPARE(codings, (QList<QByteArray>{"deflate", "zstd", "zstd"}));
        QCOMPARE(changes, 2 * PushBatch::maxChanges + 203);
        QCOMPARE(d->client->pendingRecords(), 0);

        // Pointed at another registry, which does not name zstd: deflate from the first batch.
        FakeRegistry other;
        qint64 otherSeq = seq; // the same history: the pull cursor does not go back
        other.handler = [&](const Request &r) { return goodHandler(r, &otherSeq); };
        d->client->setServerUrl(QUrl(other.url()));
        QVERIFY(insertUnits(d->db.connection(), 3));
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QVERIFY(!other.requests.isEmpty());
        QCOMPARE(other.requests.first().headers.value("content-encoding"), QByteArray("deflate"));
    }

    void aBatchRefusedForItsCodingGoesAgainInDeflate()
    {
        // The registry named zstd, then one that does not read it took its place (an older
        // version restored behind the same address): its 415 says nothing of zstd, and the batch
        // goes again in deflate within the same round.
        FakeRegistry server;
        qint64 seq = 0;
        bool older = false;
        server.handler = [&](const Request &r) {
            if (r.path.startsWith("/api/v1/push") && r.headers.value("content-encoding") == "zstd")
                return Response::json(415, {{"code", "unsupported_encoding"},
                                            {"message", "Content-Encoding phải là deflate."}});
            Response resp = goodHandler(r, &seq);
            if (!older)
                resp.headers.append(
                    qMakePair(QByteArray("Accept-Encoding"), QByteArray("zstd, deflate")));
            older = true;
            return resp;
        };
        auto d = device(server.url());
        QVERIFY(insertUnits(d->db.connection(), PushBatch::maxChanges + 5));
        QVERIFY(round(*d->client));
        QVERIFY2(d->client->lastError().isEmpty(), qPrintable(d->client->lastError()));
        QList<QByteArray> codings;
        for (const Request &r : server.requests)
            if (r.path.startsWith("/api/v1/push"))
                codings << r.headers.value("content-encoding");
        QCOMPARE(codings, (QList<QByteArray>{"deflate", "zstd", "deflate"}));
        QCOMPARE(d->client->pendingRecords(), 0);
    }

    void batchesOfAtMostMaxChanges()
    {
        FakeRegistry server;
        qint64 seq = 0;
        server.handler = [&](const Request &r) { return goodHandler(r, &seq); };
        auto d = device(server.url());
        QVERIFY(insertUnits(d->db.connection(), 2 * PushBatch::maxChanges + 203));
        QVERIFY(round(*d->client));
        QList<int> sizes;
        for (const Request &r : server.requests)
            if (r.path.startsWith("/api/v1/push"))
                sizes << int(changeSeqs(r).size());
        QCOMPARE(sizes, (QList<int>{PushBatch::maxChanges, PushBatch::maxChanges, 203}));
        QCOMPARE(d->client->pendingRecords(), 0);
    }

    // A batch's outcome is written once the next batch's body has gone: when that next batch
    // then fails, the stored one still leaves the outbox, and only the rest is sent again.
    void storedBatchLeavesOutboxWhenTheNextFails_data()
    {
        QTest::addColumn<QString>("behaviour");
        QTest::newRow("drop") << QStringLiteral("drop");
        QTest::newRow("hang") << QStringLiteral("hang");
        QTest::newRow("503") << QStringLiteral("503");
    }

    void storedBatchLeavesOutboxWhenTheNextFails()
    {
        QFETCH(QString, behaviour);
        FakeRegistry server;
        qint64 seq = 0;
        int pushes = 0;
        bool failing = true;
        QList<double> resent;
        server.handler = [&](const Request &r) -> Response {
            if (r.path.startsWith("/api/v1/push") && ++pushes >= 2 && failing) {
                if (behaviour == "drop")
                    return Response::drop();
                if (behaviour == "hang")
                    return Response::hang();
                return Response::json(503, {{"code", "storage_error"}, {"message", "thử lại"}});
            }
            if (r.path.startsWith("/api/v1/push") && !failing)
                resent << changeSeqs(r);
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        const int total = 2 * PushBatch::maxChanges + 7;
        QVERIFY(insertUnits(d->db.connection(), total));
        QVERIFY(!round(*d->client));
        QVERIFY(pushes >= 2); // QNetworkAccessManager may send a dropped request once more
        QCOMPARE(d->client->pendingRecords(), total - PushBatch::maxChanges);
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM outbox").toInt(),
                 total - PushBatch::maxChanges);
        failing = false;
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(resent.size(), total - PushBatch::maxChanges);
        QCOMPARE(d->client->pendingRecords(), 0);
    }

    // A round that failed for the network's or the registry's sake is tried again by itself,
    // waiting twice as long each time, at most the longest wait; a success ends the waiting, and
    // a failed round in which the registry answered something starts the waits again. A failure
    // that waiting cannot mend (log in again, a refused request) is not tried again.
    void aFailedRoundIsTriedAgainByItself_data()
    {
        QTest::addColumn<QString>("behaviour");
        QTest::addColumn<bool>("answerInThird"); // the third round pushes a change first
        QTest::addColumn<QList<qint64>>("waits");
        const QList<qint64> none{-1};
        QTest::newRow("503") << QStringLiteral("503") << false << QList<qint64>{100, 200, 300, -1};
        QTest::newRow("drop") << QStringLiteral("drop") << false
                              << QList<qint64>{100, 200, 300, -1};
        QTest::newRow("a login page of the Wi-Fi")
            << QStringLiteral("portal") << false << QList<qint64>{100, 200, 300, -1};
        QTest::newRow("503, an answer in the third")
            << QStringLiteral("503") << true << QList<qint64>{100, 200, 100, -1};
        QTest::newRow("401") << QStringLiteral("401") << false << none;
        QTest::newRow("400") << QStringLiteral("400") << false << none;
    }

    void aFailedRoundIsTriedAgainByItself()
    {
        QFETCH(QString, behaviour);
        QFETCH(bool, answerInThird);
        QFETCH(QList<qint64>, waits);
        FakeRegistry server;
        qint64 seq = 0;
        std::atomic<int> ended{0};
        server.handler = [&](const Request &r) -> Response {
            if (!r.path.startsWith("/api/v1/pull") || ended >= 3)
                return goodHandler(r, &seq);
            if (behaviour == "drop")
                return Response::drop();
            if (behaviour == "401")
                return Response::json(401, {{"code", "unauthorized"}, {"message", "hết hạn"}});
            if (behaviour == "portal") {
                Response page;
                page.contentType = "text/html";
                page.body = "<html><body>Đăng nhập Wi-Fi</body></html>";
                return page;
            }
            if (behaviour == "400")
                return Response::json(400, {{"code", "bad_request"}, {"message", "sai"}});
            return Response::json(503, {{"code", "storage_error"}, {"message", "thử lại"}});
        };
        auto d = device(server.url());
        d->client->setRetryDelays(100, 300);
        d->client->setAutoSync(true);
        QList<bool> oks;
        QList<qint64> seen; // from each round's end to the retry it announced; -1: none
        connect(d->client.get(), &SyncClient::roundFinished, this, [&](bool ok) {
            const QDateTime at = d->client->nextRetryAt();
            seen << (at.isValid() ? at.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch()
                                  : -1);
            oks << ok;
            if (++ended == 2 && answerInThird)
                QVERIFY(insertUnits(d->db.connection(), 1));
        });
        QVERIFY(d->client->sync());
        QTRY_COMPARE_WITH_TIMEOUT(oks.size(), waits.size(), 20000);
        QTest::qWait(600); // longer than every wait: no round after the last
        QCOMPARE(oks.size(), waits.size());
        QCOMPARE(oks.last(), waits.size() > 1);
        for (int i = 0; i < waits.size(); ++i)
            QVERIFY2(waits.at(i) < 0 ? seen.at(i) == -1
                                     : seen.at(i) > waits.at(i) - 100 && seen.at(i) <= waits.at(i),
                     qPrintable(QDebug::toString(seen)));
        QVERIFY(!d->client->nextRetryAt().isValid());
    }

    void failureEndsRoundOutboxUntouched_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("behaviour");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("fragment");
        const QList<QList<QByteArray>> rows = synctest::fixtureRows(QStringLiteral("failures.tsv"));
        QVERIFY(!rows.isEmpty());
        for (const QList<QByteArray> &c : rows) {
            QCOMPARE(c.size(), 4);
            QTest::newRow(qPrintable(QString::fromUtf8(c[0] + " " + c[1])))
                << QString::fromUtf8(c[0]) << QString::fromUtf8(c[1]) << QString::fromUtf8(c[2])
                << QString::fromUtf8(c[3]);
        }
    }

    void failureEndsRoundOutboxUntouched()
    {
        QFETCH(QString, stage);
        QFETCH(QString, behaviour);
        QFETCH(QString, kind);
        QFETCH(QString, fragment);
        FakeRegistry server;
        qint64 seq = 0;
        bool failing = true;
        server.handler = [&](const Request &r) -> Response {
            const bool hit = failing && r.path.startsWith("/api/v1/" + stage.toLatin1());
            if (!hit)
                return goodHandler(r, &seq);
            if (behaviour == "garbage")
                return Response::rawBytes("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n<html>oops");
            if (behaviour == "drop")
                return Response::drop();
            if (behaviour == "hang")
                return Response::hang();
            if (behaviour == "truncated")
                return Response::rawBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                          "Content-Length: 500\r\n\r\n{\"protocol\": 1, \"res");
            if (behaviour == "wrongresults")
                return Response::json(
                    200, {{"protocol", ProtocolVersion::current},
                          {"results",
                           QJsonArray{QJsonObject{{"change", 999999999}, {"status", "conflict"}}}},
                          {"runs",
                           QJsonArray{QJsonObject{{"entity", "admin_units"},
                                                  {"columns", QJsonArray{"id"}},
                                                  {"rows", QJsonArray{QJsonArray{"x", 0, "p1"}}}}}},
                          {"next", 1},
                          {"more", false}});
            const int status = behaviour.toInt();
            return Response::json(status, {{"code", status == 426 ? "update_required" : "error"},
                                           {"message", "Vui lòng cập nhật / thử lại"}});
        };
        auto d = device(server.url());
        QSqlDatabase c = d->db.connection();
        QString why;
        QVERIFY(runSteps(c, kSteps, &why));
        if (stage == "pull" || stage == "discards") {
            // Push everything first so that the pull (or the discards) is what fails.
            failing = false;
            QVERIFY(round(*d->client));
            failing = true;
        }
        // A change given up earlier, whose row the round fetches before it pulls.
        QSqlQuery given(c);
        if (stage == "discards")
            QVERIFY(given.exec("INSERT INTO refetch_rows(change_seq, entity, row_id) VALUES (7, "
                               "'admin_units', 'p1')"));
        const QStringList before = outboxSnapshot(c);
        const QString cursorBefore =
            scalar(c,
                   "SELECT coalesce((SELECT value FROM sync_state WHERE key = 'pull_cursor'), '')")
                .toString();
        const QVariant rowsBefore =
            scalar(c, "SELECT group_concat(id || name || sync_seq) FROM admin_units");
        QVERIFY(!round(*d->client));
        const QString message = d->client->lastError();
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Dữ liệu chưa gửi vẫn được giữ")),
                 qPrintable(message));
        QCOMPARE(QString::fromLatin1(QMetaEnum::fromType<SyncClient::ErrorKind>().valueToKey(
                     d->client->lastErrorKind())),
                 kind);
        QVERIFY(d->client->lastCoreError().failed());
        QVERIFY(!d->client->syncing());
        QCOMPARE(outboxSnapshot(c), before);
        QCOMPARE(
            scalar(c,
                   "SELECT coalesce((SELECT value FROM sync_state WHERE key = 'pull_cursor'), '')")
                .toString(),
            cursorBefore);
        if (stage == "push")
            QCOMPARE(scalar(c, "SELECT group_concat(id || name || sync_seq) FROM admin_units"),
                     rowsBefore);
        QCOMPARE(scalar(c, "SELECT count(*) FROM refetch_rows").toInt(),
                 stage == "discards" ? 1 : 0);
        QCOMPARE(scalar(c, "SELECT applying FROM sync_flags").toInt(), 0);
        if (kind == "Unauthorized") {
            QVERIFY(!d->client->loggedIn());
            QVERIFY(!d->client->sync());
            QCOMPARE(d->client->pendingRecords(), int(before.size()));
            return;
        }
        // The next round starts clean.
        failing = false;
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(d->client->pendingRecords(), 0);
        QCOMPARE(scalar(c, "SELECT count(*) FROM refetch_rows").toInt(), 0);
        QVERIFY(d->client->lastError().isEmpty());
        QVERIFY(d->client->online());
    }

    // A registry older than discards answers 404: the rows to fetch wait for one that knows them,
    // and the round goes on to its pull.
    void discardsWaitForARegistryThatTakesThem()
    {
        FakeRegistry server;
        qint64 seq = 0;
        bool knows = false;
        int asked = 0;
        server.handler = [&](const Request &r) -> Response {
            if (r.path.startsWith("/api/v1/discards")) {
                ++asked;
                if (!knows)
                    return Response::json(404, {{"code", "not_found"}, {"message", "Không có"}});
            }
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        QSqlDatabase c = d->db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec("INSERT INTO refetch_rows(change_seq, entity, row_id) VALUES (7, "
                       "'admin_units', 'p1')"));
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(asked, 1);
        QCOMPARE(scalar(c, "SELECT count(*) FROM refetch_rows").toInt(), 1);
        QVERIFY(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").isValid());
        knows = true;
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(asked, 2);
        QCOMPARE(scalar(c, "SELECT count(*) FROM refetch_rows").toInt(), 0);
    }

    // A registry whose answer to the discards would be too large answers for the first changes
    // sent ("handled"): only their rows leave refetch_rows, and the rest go again in the same
    // round. A "handled" that is no count of the changes sent ends the round, nothing lost.
    void discardsAnsweredInPartsGoOnUntilAllAreAnswered()
    {
        FakeRegistry server;
        qint64 seq = 0;
        QList<QList<int>> sent;
        QJsonValue handled = 1;
        server.handler = [&](const Request &r) -> Response {
            if (r.path.startsWith("/api/v1/discards")) {
                QList<int> changes;
                for (const QJsonValue &c : r.json().value("changes").toArray())
                    changes << c.toObject().value("change").toInt();
                sent << changes;
                QJsonObject page{{"protocol", ProtocolVersion::current},
                                 {"next", 0},
                                 {"more", false},
                                 {"runs", QJsonArray()}};
                if (changes.size() > 1)
                    page.insert("handled", handled);
                return Response::json(200, page);
            }
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        QSqlDatabase c = d->db.connection();
        QSqlQuery q(c);
        for (int change : {7, 8, 9})
            QVERIFY(q.exec(QStringLiteral("INSERT INTO refetch_rows(change_seq, entity, row_id) "
                                          "VALUES (%1, 'admin_units', 'p%1')")
                               .arg(change)));
        handled = 0; // not a count of the changes sent
        QVERIFY(!round(*d->client));
        QVERIFY2(d->client->lastError().contains("handled"), qPrintable(d->client->lastError()));
        QCOMPARE(scalar(c, "SELECT count(*) FROM refetch_rows").toInt(), 3);
        handled = 4;
        QVERIFY(!round(*d->client));
        QCOMPARE(scalar(c, "SELECT count(*) FROM refetch_rows").toInt(), 3);
        sent.clear();
        handled = 1;
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(sent, (QList<QList<int>>{{7, 8, 9}, {8, 9}, {9}}));
        QCOMPARE(scalar(c, "SELECT count(*) FROM refetch_rows").toInt(), 0);
    }

    void rejectedChangesStayAndAreNotResent()
    {
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path.startsWith("/api/v1/push"))
                return rejectAll(r, "forbidden", "Ngoài phạm vi được giao");
            qint64 seq = 0;
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        QString why;
        QVERIFY(runSteps(d->db.connection(), kSteps, &why));
        QVERIFY(round(*d->client));
        QCOMPARE(d->client->pendingRecords(), 0);
        QCOMPARE(d->client->rejectedRecords(), 3);
        const QVariantList rejected = d->client->rejectedChanges();
        QCOMPARE(rejected.size(), 3);
        QCOMPARE(rejected.first().toMap().value("message").toString(),
                 QStringLiteral("Ngoài phạm vi được giao"));
        server.requests.clear();
        QVERIFY(round(*d->client));
        for (const Request &r : server.requests)
            QVERIFY(!r.path.startsWith("/api/v1/push"));
        QVERIFY(d->client->retryRejected(rejected.first().toMap().value("seq").toLongLong()));
        QCOMPARE(d->client->pendingRecords(), 1);
    }

    // A change refused for want of another row (the registry restored from a backup lacks the
    // inspection or tenant it belongs to, or the row it edits) goes again with the next round by
    // itself: that row may have been sent again meanwhile. Other refusals wait for the user.
    void changesWaitingForAnotherRowAreSentAgainEachRound_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("again");
        QTest::newRow("unknown_parent") << QStringLiteral("unknown_parent") << true;
        QTest::newRow("unknown_row") << QStringLiteral("unknown_row") << true;
        QTest::newRow("forbidden") << QStringLiteral("forbidden") << false;
        QTest::newRow("invalid_value") << QStringLiteral("invalid_value") << false;
    }

    void changesWaitingForAnotherRowAreSentAgainEachRound()
    {
        QFETCH(QString, code);
        QFETCH(bool, again);
        bool refuse = true;
        QList<double> pushed;
        qint64 seq = 0;
        FakeRegistry server;
        server.handler = refusingHandler(code, &refuse, &pushed, &seq);
        auto d = device(server.url());
        QString why;
        QVERIFY(runSteps(d->db.connection(), kSteps, &why));
        QVERIFY(round(*d->client));
        QCOMPARE(d->client->rejectedRecords(), 3);
        const QVariantList rejected = d->client->rejectedChanges();
        QCOMPARE(rejected.size(), 3);
        for (const QVariant &v : rejected)
            QCOMPARE(v.toMap().value("retriedBySync").toBool(), again);
        const QList<double> first = pushed;
        QCOMPARE(first.size(), 3);
        // Still refused: sent again, refused again, still kept.
        pushed.clear();
        QVERIFY(round(*d->client));
        QCOMPARE(pushed, again ? first : QList<double>());
        QCOMPARE(d->client->rejectedRecords(), 3);
        // The row they wait for has come.
        refuse = false;
        pushed.clear();
        QVERIFY(round(*d->client));
        QCOMPARE(pushed, again ? first : QList<double>());
        QCOMPARE(d->client->rejectedRecords(), again ? 0 : 3);
        QCOMPARE(d->client->pendingRecords(), 0);
    }

    // An edit of a row whose earlier entry is with the registry (../shared/notes/sync-lessons.md,
    // lesson 2): the reply removes only what its batch sent, so the edit stays in the outbox as
    // an entry of its own and goes next, as an update carrying the new value, after the insert.
    void anEditWhileItsRowIsOnTheWayGoesNext()
    {
        qint64 seq = 0;
        QList<QJsonObject> pushes;
        std::unique_ptr<Device> d;
        QString unit;
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path.startsWith("/api/v1/push")) {
                pushes << r.json();
                if (pushes.size() == 1 && // the inspector edits the row meanwhile
                    RecordWriter(d->db.connection())
                        .update("admin_units", unit, {{"name", "Ninh Bình (mới)"}})
                        .failed())
                    return Response::json(500, {{"code", "test"}, {"message", "edit failed"}});
            }
            return goodHandler(r, &seq);
        };
        d = device(server.url());
        QVERIFY(RecordWriter(d->db.connection())
                    .insert("admin_units",
                            {{"code", "37"},
                             {"name", "Ninh Bình"},
                             {"level", "province"},
                             {"level_label", "Tỉnh"},
                             {"valid_from", "2025-07-01"}},
                            &unit)
                    .ok());
        QVERIFY(round(*d->client));
        if (d->client->pendingRecords() > 0) // the edit came after the round's last batch
            QVERIFY(round(*d->client));
        QCOMPARE(d->client->pendingRecords(), 0);
        QCOMPARE(d->client->rejectedRecords(), 0);
        QCOMPARE(pushes.size(), 2);
        QStringList ops;
        for (const QJsonObject &p : pushes) {
            const QJsonArray runs = p.value("runs").toArray();
            QCOMPARE(runs.size(), 1);
            const QJsonObject run = runs.first().toObject();
            QCOMPARE(run.value("changes").toArray().size(), 1);
            ops << run.value("op").toString();
        }
        QCOMPARE(ops, QStringList({"insert", "update"}));
        QVERIFY(QJsonDocument(pushes.at(1)).toJson().contains("Ninh Bình (mới)"));
        QVERIFY(!QJsonDocument(pushes.at(0)).toJson().contains("(mới)"));
    }

    // The wait for another row is bounded (../shared/notes/sync-lessons.md, lesson 3): an entry
    // refused `unknown_parent` goes again by itself each round, keeping when it began to wait;
    // after SyncManager::waitLimitDays it is no longer sent by itself but shown as waiting too
    // long, and the user's "send again" starts a new wait.
    void aChangeWaitingForAnotherRowIsLeftToTheUserAfterAWeek()
    {
        const bool refuse = true;
        QList<double> pushed;
        qint64 seq = 0;
        FakeRegistry server;
        server.handler = refusingHandler("unknown_parent", &refuse, &pushed, &seq);
        auto d = device(server.url());
        QVERIFY(insertUnits(d->db.connection(), 1));
        const QString since = "SELECT waiting_since FROM outbox";
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(round(*d->client));
        const qint64 began = scalar(d->db.connection(), since).toLongLong();
        QVERIFY(began >= before && began <= QDateTime::currentMSecsSinceEpoch());
        QVERIFY(round(*d->client)); // refused again: still waiting since the first refusal
        QCOMPARE(pushed.size(), 2);
        QCOMPARE(scalar(d->db.connection(), since).toLongLong(), began);
        QVariantMap entry = d->client->rejectedChanges().first().toMap();
        QCOMPARE(entry.value("retriedBySync").toBool(), true);
        QCOMPARE(entry.value("waitedTooLong").toBool(), false);

        // Eight days later (the wait began eight days ago): not sent, left to the user.
        const qint64 dayMs = 24 * 3600 * 1000;
        QVERIFY(QSqlQuery(d->db.connection())
                    .exec(QStringLiteral("UPDATE outbox SET waiting_since = %1")
                              .arg(began - (SyncManager::waitLimitDays + 1) * dayMs)));
        QVERIFY(round(*d->client));
        QCOMPARE(pushed.size(), 2);
        d->client->refreshCounts();
        QCOMPARE(d->client->rejectedRecords(), 1);
        entry = d->client->rejectedChanges().first().toMap();
        QCOMPARE(entry.value("retriedBySync").toBool(), false);
        QCOMPARE(entry.value("waitedTooLong").toBool(), true);

        // The user sends it again: refused again, a new wait begins.
        QVERIFY(d->client->retryRejected(entry.value("seq").toLongLong()));
        QVERIFY(round(*d->client));
        QCOMPARE(pushed.size(), 3);
        QVERIFY(scalar(d->db.connection(), since).toLongLong() >= began);
        entry = d->client->rejectedChanges().first().toMap();
        QCOMPARE(entry.value("retriedBySync").toBool(), true);
        QCOMPARE(entry.value("waitedTooLong").toBool(), false);
    }

    // Devices are listed by name (an admin revokes a lost tablet by it): the host name, else
    // something that tells tablets apart.
    void aDeviceIsNamedSoAsToBeKnown_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("product");
        QTest::addColumn<QString>("expected");
        QTest::newRow("host name") << "tablet-07"
                                   << "Debian GNU/Linux 12"
                                   << "tablet-07";
        QTest::newRow("android") << "localhost"
                                 << "Android 13"
                                 << "Android 13 (a2b3c4)";
        QTest::newRow("localhost.localdomain") << "localhost.localdomain"
                                               << "Android 14"
                                               << "Android 14 (a2b3c4)";
        QTest::newRow("nothing") << ""
                                 << ""
                                 << "Máy tính bảng (a2b3c4)";
    }
    void aDeviceIsNamedSoAsToBeKnown()
    {
        QFETCH(QString, host);
        QFETCH(QString, product);
        QFETCH(QString, expected);
        QCOMPARE(SyncClient::deviceName(host, product, "0193a1b2-c3d4-7e5f-8a9b-0c1d2ea2b3c4"),
                 expected);
    }

    // Every login sends the secret the device made with its id, the same whoever signs in; a
    // registry that finds the id another tablet's says so in its words, not "wrong password".
    void loginSendsTheTabletsSecret()
    {
        FakeRegistry server;
        QStringList secrets, ids;
        bool taken = false;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/login") {
                secrets << r.json().value("device_secret").toString();
                ids << r.json().value("device_id").toString();
                if (taken)
                    return Response::json(403, {{"code", "device_taken"},
                                                {"message", "Mã thiết bị này đã thuộc một máy "
                                                            "khác."}});
                return Response::json(200, {{"token", "t-" + r.json().value("username").toString()},
                                            {"expires_at", 1900000000000.0},
                                            {"user", QJsonObject{{"id", "u1"},
                                                                 {"username", "a"},
                                                                 {"role", "inspector"},
                                                                 {"province_id", "p1"}}}});
            }
            qint64 seq = 0;
            return goodHandler(r, &seq);
        };
        auto d = device(server.url(), false);
        QSignalSpy done(d->client.get(), &SyncClient::loginFinished);
        d->client->login("thanh.tra.mot", "mat-khau-1");
        QVERIFY(done.wait(5000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        d->client->logout();
        d->client->login("thanh.tra.hai", "mat-khau-2");
        QVERIFY(done.wait(5000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        QCOMPARE(secrets.size(), 2);
        QCOMPARE(secrets.at(0), secrets.at(1));
        QCOMPARE(ids.at(0), ids.at(1));
        const QByteArray raw =
            QByteArray::fromBase64(secrets.at(0).toLatin1(),
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(raw.size(), 32);
        QVERIFY(secrets.at(0) != ids.at(0));
        // Kept beside the id in the device's database, so a client made again sends the same.
        SyncClient again(d->db.connection(), d->root);
        QSignalSpy doneAgain(&again, &SyncClient::loginFinished);
        taken = true;
        again.setServerUrl(server.url());
        again.login("thanh.tra.mot", "mat-khau-1");
        QVERIFY(doneAgain.wait(5000));
        QCOMPARE(doneAgain.takeFirst().at(0).toBool(), false);
        QCOMPARE(secrets.last(), secrets.at(0));
        QVERIFY2(again.lastError().contains("đã thuộc một máy khác"),
                 qPrintable(again.lastError()));
        QVERIFY(!again.lastError().contains("Sai tên đăng nhập"));
    }

    void loginStoresTokenNeverPassword()
    {
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/login") {
                if (r.json().value("password").toString() != "mat-khau-dung")
                    return Response::json(401, {{"code", "bad_credentials"}, {"message", "Sai"}});
                if (r.json().value("device_id").toString().isEmpty())
                    return Response::json(400, {{"code", "bad_request"}, {"message", "device"}});
                return Response::json(200, {{"token", "secret-token"},
                                            {"expires_at", 1900000000000.0},
                                            {"user", QJsonObject{{"id", "u1"},
                                                                 {"username", "giam.sat"},
                                                                 {"role", "supervisor"},
                                                                 {"province_id", "p1"}}}});
            }
            qint64 seq = 0;
            return goodHandler(r, &seq);
        };
        auto d = device(server.url(), false);
        QVERIFY(!d->client->loggedIn());
        QSignalSpy done(d->client.get(), &SyncClient::loginFinished);
        d->client->login("giam.sat", "sai-mat-khau");
        QVERIFY(done.wait(5000));
        QCOMPARE(done.takeFirst().at(0).toBool(), false);
        QVERIFY(d->client->lastError().contains(QStringLiteral("Sai tên đăng nhập hoặc mật khẩu")));
        QVERIFY(!d->client->loggedIn());
        d->client->login("giam.sat", "mat-khau-dung");
        QVERIFY(done.wait(5000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        QVERIFY(d->client->loggedIn());
        QVERIFY(d->client->isSupervisor());
        QCOMPARE(d->client->user(), QStringLiteral("giam.sat"));
        QCOMPARE(d->client->role(), QStringLiteral("supervisor"));
        const QString stored =
            scalar(d->db.connection(), "SELECT group_concat(value) FROM sync_state").toString();
        QVERIFY(stored.contains("secret-token"));
        QVERIFY(stored.contains("\"format\":1"));
        QVERIFY(!stored.contains("mat-khau"));
        // A fresh client on the same database is still logged in.
        SyncClient again(d->db.connection(), d->root);
        QVERIFY(again.loggedIn());
        QCOMPARE(again.user(), QStringLiteral("giam.sat"));
    }

    // The sync page asks for the supervisor's two lists at once, and a resolution may go while
    // they are away: each request gets its answer. They shared one connection that dropped the
    // request under way for the next, so the conflicts asked for when the page opened never came.
    void theSupervisorsListsAndAResolutionAllArrive()
    {
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            // A list cut at the registry's limit says how many there are; an older registry's
            // does not say.
            if (r.path == "/api/v1/conflicts")
                return Response::json(
                    200, {{"conflicts", QJsonArray{QJsonObject{{"id", "k1"}}}}, {"total", 1500}});
            if (r.path == "/api/v1/rejections")
                return Response::json(200,
                                      {{"rejections", QJsonArray{QJsonObject{{"row_id", "r1"}}}}});
            if (r.path == "/api/v1/devices")
                return Response::json(
                    200, {{"devices", QJsonArray{QJsonObject{{"id", "d1"}}}}, {"total", 20000}});
            if (r.path == "/api/v1/conflicts/k0/resolve")
                return Response::json(200, {{"id", "k0"}, {"resolution", "current"}});
            qint64 seq = 0;
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        QSignalSpy conflicts(d->client.get(), &SyncClient::conflictsChanged);
        QSignalSpy rejections(d->client.get(), &SyncClient::registryRejectionsChanged);
        QSignalSpy resolved(d->client.get(), &SyncClient::conflictResolved);
        QSignalSpy devices(d->client.get(), &SyncClient::devicesChanged);
        d->client->resolveConflict("k0", "current");
        d->client->fetchConflicts();
        d->client->fetchRegistryRejections();
        d->client->fetchDevices();
        QTRY_COMPARE_WITH_TIMEOUT(resolved.size(), 1, 5000);
        QCOMPARE(resolved.first().at(0).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(rejections.size(), 1, 5000);
        // Asked for again after the resolution (an answer to the first request that comes after
        // the second went out is not taken: the list never goes back to an older one).
        const auto askedAgain = [&server] {
            int resolveAt = -1, lastList = -1;
            for (int i = 0; i < server.requests.size(); ++i) {
                if (server.requests.at(i).path == "/api/v1/conflicts/k0/resolve")
                    resolveAt = i;
                if (server.requests.at(i).path == "/api/v1/conflicts")
                    lastList = i;
            }
            return resolveAt >= 0 && lastList > resolveAt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(askedAgain(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!conflicts.isEmpty() && !d->client->conflicts().isEmpty(), 5000);
        QCOMPARE(d->client->conflicts().size(), 1);
        QCOMPARE(d->client->conflictCount(), 1500);
        QCOMPARE(d->client->registryRejections().size(), 1);
        QCOMPARE(d->client->registryRejectionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(devices.size(), 1, 5000);
        QCOMPARE(d->client->devices().size(), 1);
        QCOMPARE(d->client->deviceCount(), 20000); // a list cut at the registry's size cap
        QVERIFY2(d->client->lastError().isEmpty(), qPrintable(d->client->lastError()));
        // Signing out forgets the lists and their counts.
        QVERIFY(d->client->logout(true));
        QCOMPARE(d->client->deviceCount(), 0);
        QCOMPARE(d->client->conflictCount(), 0);
    }

    // Lists asked for side by side may be answered out of order: an older list never replaces
    // the newer one (the registry answers the first request late, after the second).
    void anOlderListNeverReplacesANewerOne()
    {
        FakeRegistry server;
        int asked = 0;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/conflicts") {
                Response old = Response::json(
                    200, {{"conflicts", QJsonArray{QJsonObject{{"id", "settled"}}}}, {"total", 1}});
                if (++asked == 1) {
                    old.delayMs = 300;
                    return old;
                }
                return Response::json(200, {{"conflicts", QJsonArray{}}, {"total", 0}});
            }
            if (r.path == "/api/v1/rejections") {
                Response later = Response::json(200, {{"rejections", QJsonArray{}}, {"total", 0}});
                later.delayMs = 900; // well after the late conflicts list
                return later;
            }
            qint64 seq = 0;
            return goodHandler(r, &seq);
        };
        auto boss = device(server.url(), true, "supervisor");
        boss->client->setTimeoutMs(10000); // slow answers, not lost ones
        QSignalSpy conflicts(boss->client.get(), &SyncClient::conflictsChanged);
        QSignalSpy rejections(boss->client.get(), &SyncClient::registryRejectionsChanged);
        boss->client->fetchConflicts();
        QTRY_COMPARE_WITH_TIMEOUT(asked, 1, 5000);
        boss->client->fetchConflicts();
        boss->client->fetchRegistryRejections();
        QTRY_COMPARE_WITH_TIMEOUT(rejections.size(), 1, 5000);
        QCOMPARE(asked, 2);
        QCOMPARE(conflicts.size(), 1);
        QVERIFY(boss->client->conflicts().isEmpty());
        QCOMPARE(boss->client->conflictCount(), 0);
    }

    // A conflict another supervisor settled first: the registry refuses the resolution, the
    // supervisor reads why under its card, and the list is read again so the settled conflict
    // leaves it. A second tap while the resolution is away sends nothing (it sent a second one,
    // refused in turn).
    void aConflictSettledElsewhereLeavesTheList()
    {
        FakeRegistry server;
        QJsonArray open{QJsonObject{{"id", "k0"}}};
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/conflicts")
                return Response::json(200, {{"conflicts", open}});
            if (r.path == "/api/v1/conflicts/k0/resolve") {
                open = QJsonArray();
                return Response::json(409, {{"code", "not_editable"},
                                            {"message", "Xung đột này đã được xử lý rồi."}});
            }
            qint64 seq = 0;
            return goodHandler(r, &seq);
        };
        auto boss = device(server.url(), true, "supervisor");
        QSignalSpy conflicts(boss->client.get(), &SyncClient::conflictsChanged);
        boss->client->fetchConflicts();
        QTRY_COMPARE_WITH_TIMEOUT(conflicts.size(), 1, 5000);
        QCOMPARE(boss->client->conflicts().size(), 1);
        QSignalSpy resolved(boss->client.get(), &SyncClient::conflictResolved);
        QSignalSpy resolving(boss->client.get(), &SyncClient::resolvingChanged);
        boss->client->resolveConflict("k0", "incoming");
        QCOMPARE(boss->client->resolvingConflicts(), QStringList{"k0"});
        // A second tap while the first is away sends nothing.
        boss->client->resolveConflict("k0", "current");
        QTRY_COMPARE_WITH_TIMEOUT(resolved.size(), 1, 5000);
        QCOMPARE(resolved.first().at(0).toBool(), false);
        // The registry's words, under the card: no status code, no "report to the admin", and
        // not the page's error (nothing stops the sync).
        QCOMPARE(resolved.first().at(1).toString(),
                 QStringLiteral("Xung đột này đã được xử lý rồi."));
        QVERIFY2(boss->client->lastError().isEmpty(), qPrintable(boss->client->lastError()));
        QVERIFY(boss->client->resolvingConflicts().isEmpty());
        QCOMPARE(resolving.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(conflicts.size(), 2, 5000);
        QVERIFY(boss->client->conflicts().isEmpty());
        int posts = 0;
        for (const Request &r : server.requests)
            posts += r.path == "/api/v1/conflicts/k0/resolve";
        QCOMPARE(posts, 1);
    }

    // A supervisor's device reads the conflicts and refused changes after each good round, so
    // the app's header can say on every page that some wait; an inspector's does not ask.
    void aSupervisorsRoundBringsTheirListsAlong()
    {
        FakeRegistry server;
        qint64 seq = 0;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/conflicts")
                return Response::json(200, {{"conflicts", QJsonArray{QJsonObject{{"id", "k1"}}}}});
            if (r.path == "/api/v1/rejections")
                return Response::json(200, {{"rejections", QJsonArray{}}});
            return goodHandler(r, &seq);
        };
        auto boss = device(server.url(), true, "supervisor");
        QSignalSpy conflicts(boss->client.get(), &SyncClient::conflictsChanged);
        QSignalSpy rejections(boss->client.get(), &SyncClient::registryRejectionsChanged);
        QVERIFY(round(*boss->client));
        QTRY_COMPARE_WITH_TIMEOUT(conflicts.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rejections.size(), 1, 5000);
        QCOMPARE(boss->client->conflicts().size(), 1);

        auto inspector = device(server.url());
        server.requests.clear();
        QVERIFY(round(*inspector->client));
        QTest::qWait(200); // a list asked for would have come by now
        for (const Request &r : std::as_const(server.requests))
            QVERIFY2(!r.path.startsWith("/api/v1/conflicts") && !r.path.startsWith("/api/v1/rej"),
                     r.path.constData());
        QVERIFY(inspector->client->conflicts().isEmpty());
    }

    void logoutRefusesWhileUnsyncedUnlessConfirmed()
    {
        FakeRegistry server;
        auto d = device(server.url());
        QString why;
        QVERIFY(runSteps(d->db.connection(), kSteps, &why));
        d->client->refreshCounts();
        QVERIFY(d->client->unsyncedSummary().contains(QStringLiteral("3 thay đổi chưa gửi")));
        QVERIFY(!d->client->logout(false));
        QVERIFY(d->client->loggedIn());
        QVERIFY(d->client->lastError().contains(QStringLiteral("3 thay đổi chưa gửi")));
        QVERIFY(d->client->logout(true));
        QVERIFY(!d->client->loggedIn());
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM outbox").toInt(), 3);
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM sync_state WHERE key = 'auth'")
                     .toInt(),
                 0);
    }

    void photoUploadResumesAtReceived()
    {
        const int size = 2 * 1024 * 1024 + 12345;
        QByteArray bytes(size, '\0');
        for (int i = 0; i < size; ++i)
            bytes[i] = char((quint32(i) * 7919u) >> 3);
        const QString sha = ContentHash::sha256Of(bytes);
        QByteArray smallBytes("tiny photo");
        const QString smallSha = ContentHash::sha256Of(smallBytes);
        const qint64 resumeAt = 700000;
        QByteArray received = bytes.left(resumeAt);
        FakeRegistry server;
        qint64 seq = 0;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return Response::json(
                    200, {{"photos",
                           QJsonObject{{sha, QJsonObject{{"state", "partial"},
                                                         {"received", double(resumeAt)}}},
                                       {smallSha, QJsonObject{{"state", "complete"},
                                                              {"received", smallBytes.size()}}}}}});
            if (r.method == "PUT")
                return takeChunk(r, &received);
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        d->client->setChunkSize(512 * 1024);
        QVERIFY(addPhoto(d->db.connection(), d->root, bytes, "camera"));
        QVERIFY(addPhoto(d->db.connection(), d->root, smallBytes, "file"));
        d->client->refreshCounts();
        QCOMPARE(d->client->pendingPhotos(), 2);
        QCOMPARE(d->client->pendingPhotoBytes(), qint64(size + smallBytes.size()));
        QVERIFY2(round(*d->client), qPrintable(d->client->lastError()));
        QCOMPARE(received, bytes);
        QList<qint64> offsets;
        for (const Request &r : server.requests) {
            if (r.method != "PUT")
                continue;
            QVERIFY(r.path.endsWith(sha.toLatin1()));
            QVERIFY(r.body.size() <= 512 * 1024);
            QCOMPARE(r.headers.value("x-ccn-total-size").toLongLong(), qint64(size));
            offsets << r.headers.value("x-ccn-offset").toLongLong();
        }
        QVERIFY(!offsets.isEmpty());
        QCOMPARE(offsets.first(), resumeAt);
        QCOMPARE(offsets.size(), 3); // (2 MiB + 12345 - 700000) in 512 KiB chunks
        QCOMPARE(d->client->pendingPhotos(), 0);
        QCOMPARE(d->client->pendingPhotoBytes(), qint64(0));
    }

    // A photo the registry keeps refusing holds no record back (../shared/notes/sync-lessons.md,
    // lesson 5): each round pushes the records and pulls before it tries the photo, so records
    // made while the photo still fails go up and the cursor moves, round after round.
    void aPhotoThatCannotGoUpHoldsNoRecordBack()
    {
        QByteArray bytes(300 * 1024, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((quint32(i) * 2654435761u) >> 24);
        FakeRegistry server;
        qint64 seq = 0;
        int puts = 0;
        server.handler = [&](const Request &r) -> Response {
            if (r.method == "PUT") {
                ++puts;
                return Response::json(500, {{"code", "internal"}, {"message", "disk full"}});
            }
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        QVERIFY(addPhoto(d->db.connection(), d->root, bytes, "camera"));
        QVERIFY(insertUnits(d->db.connection(), 3));
        for (int round = 1; round <= 3; ++round) {
            QVERIFY(insertUnits(d->db.connection(), 2));
            const int before = int(server.requests.size());
            const int putsBefore = puts;
            QVERIFY(!this->round(*d->client)); // the photo's failure is the round's
            QVERIFY(puts > putsBefore);
            QCOMPARE(d->client->pendingRecords(), 0);
            QCOMPARE(d->client->pendingPhotos(), 1);
            // This round's push and pull both came before its first photo request.
            int push = -1, pull = -1, put = -1;
            for (int i = before; i < server.requests.size(); ++i) {
                const Request &r = server.requests.at(i);
                if (r.path.startsWith("/api/v1/push") && push < 0)
                    push = i;
                else if (r.path.startsWith("/api/v1/pull") && pull < 0)
                    pull = i;
                else if (r.method == "PUT" && put < 0)
                    put = i;
            }
            QVERIFY2(push >= 0 && pull > push && put > pull,
                     qPrintable(QStringLiteral("round %1: push %2, pull %3, put %4")
                                    .arg(round)
                                    .arg(push)
                                    .arg(pull)
                                    .arg(put)));
        }
        QCOMPARE(seq, qint64(1 + 3 + 3 * 2)); // the photo's record and every unit, once each
        QCOMPARE(scalar(d->db.connection(), "SELECT value FROM sync_state WHERE key = "
                                            "'pull_cursor'")
                     .toLongLong(),
                 seq);
    }

    // A handler of progressChanged may cancel the round (the sync page's Stop button does, the
    // end-to-end test does it half way through an upload): the upload goes no further. Before,
    // the next chunk was sent after the cancel, and its reply, arriving once a new round had
    // cleared the upload list, wrote past the list's end (a heap corruption, seen once in CI).
    void aRoundCancelledFromItsProgressSendsNothingMore()
    {
        QByteArray bytes(2 * 1024 * 1024, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((quint32(i) * 7919u) >> 3);
        QByteArray received;
        FakeRegistry server;
        qint64 seq = 0;
        server.handler = [&](const Request &r) -> Response {
            if (r.method == "PUT")
                return takeChunk(r, &received);
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        d->client->setChunkSize(512 * 1024);
        QVERIFY(addPhoto(d->db.connection(), d->root, bytes, "camera"));
        const auto puts = [&server] {
            int n = 0;
            for (const Request &r : server.requests)
                n += r.method == "PUT" ? 1 : 0;
            return n;
        };
        QSignalSpy finished(d->client.get(), &SyncClient::roundFinished);
        connect(d->client.get(), &SyncClient::progressChanged, this, [&] {
            if (puts() > 0)
                d->client->cancel();
        });
        QVERIFY(d->client->sync());
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QTest::qWait(500); // time for a request sent after the cancel to arrive
        QCOMPARE(puts(), 1);
        QVERIFY(!d->client->syncing());
    }

    // Any of the client's signals may be handled by code that ends the round (the sync page's
    // Stop, a logout): whatever the client does after emitting one must not go on with a round
    // that has ended. For every signal that fires during a round that pushes, is told of a
    // restored registry, pulls and uploads a photo in chunks, the round is cancelled from that
    // signal: not one request of it may leave after the cancel, and the next round must end well
    // with everything in place. "and again": the handler begins the next round itself, at once
    // (what is left of the first must not meddle with it).
    void aRoundCancelledFromAnyOfItsSignalsSendsNothingMore_data()
    {
        QTest::addColumn<bool>("again");
        QTest::newRow("cancel") << false;
        QTest::newRow("cancel and again") << true;
    }

    void aRoundCancelledFromAnyOfItsSignalsSendsNothingMore()
    {
        QFETCH(bool, again);
        QByteArray bytes(1536 * 1024, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((quint32(i) * 40503u) >> 5);
        const QMetaObject &mo = SyncClient::staticMetaObject;
        QStringList firedMidRound;
        for (int m = mo.methodOffset(); m < mo.methodCount(); ++m) {
            const QMetaMethod signal = mo.method(m);
            if (signal.methodType() != QMetaMethod::Signal)
                continue;
            const QString name = QString::fromLatin1(signal.name());
            QByteArray received;
            FakeRegistry server;
            qint64 seq = 0;
            server.handler = [&](const Request &r) -> Response {
                if (r.method == "PUT")
                    return takeChunk(r, &received);
                if (r.path.startsWith("/api/v1/pull")) {
                    const qint64 since = sinceOf(r);
                    const QJsonObject epoch{{"epoch", "epoch-2"}, {"epoch_seq", 0}};
                    if (since >= 3) // nothing more: an empty last page
                        return Response::json(200,
                                              {{"protocol", ProtocolVersion::current},
                                               {"runs", QJsonArray()},
                                               {"next", double(since)},
                                               {"more", false},
                                               {"epoch", "epoch-2"},
                                               {"epoch_seq", 0}},
                                              true);
                    return unitPullReply(since + 1, since + 1 < 3, 3, epoch);
                }
                return goodHandler(r, &seq);
            };
            auto d = device(server.url());
            // The device last pulled from an earlier epoch (the client reads it when made): the
            // round tells of a restore.
            QVERIFY(SyncManager(d->db.connection()).setValue("registry_epoch", "epoch-1").ok());
            d->client = std::make_unique<SyncClient>(d->db.connection(), d->root);
            d->client->setAutoSync(false);
            d->client->setServerUrl(QUrl(server.url()));
            d->client->setTimeoutMs(700);
            d->client->setChunkSize(256 * 1024);
            QVERIFY(insertUnits(d->db.connection(), 3));
            QVERIFY(addPhoto(d->db.connection(), d->root, bytes, "camera"));
            int sentAfterCancel = 0;
            bool cancelled = false;
            for (SyncHttp *http : d->client->findChildren<SyncHttp *>())
                connect(http, &SyncHttp::requestSent, this, [&] {
                    if (cancelled)
                        ++sentAfterCancel;
                });
            Trigger trigger([&] {
                if (cancelled || !d->client->syncing())
                    return;
                cancelled = true;
                d->client->cancel();
                if (again)
                    d->client->sync();
            });
            const QMetaObject::Connection c =
                connect(d->client.get(), signal, &trigger,
                        trigger.metaObject()->method(trigger.metaObject()->indexOfSlot("fire()")));
            QVERIFY(c);
            QSignalSpy finished(d->client.get(), &SyncClient::roundFinished);
            QVERIFY(d->client->sync());
            QVERIFY2(!finished.isEmpty() || finished.wait(15000), qPrintable(name));
            if (cancelled && again) // the round begun by the handler
                QVERIFY2(finished.size() > 1 || finished.wait(15000), qPrintable(name));
            QTest::qWait(300); // time for anything sent after the cancel
            disconnect(c);
            if (cancelled) {
                firedMidRound << name;
                QVERIFY2(!finished.first().at(0).toBool(), qPrintable(name));
                QVERIFY2(!d->client->syncing(), qPrintable(name));
                if (again) {
                    QCOMPARE(finished.size(), 2);
                    QVERIFY2(
                        finished.last().at(0).toBool(),
                        qPrintable(name + QStringLiteral(": ") + finished.last().at(1).toString()));
                } else {
                    QVERIFY2(sentAfterCancel == 0,
                             qPrintable(QStringLiteral("%1: %2 sent after the cancel")
                                            .arg(name)
                                            .arg(sentAfterCancel)));
                }
            }
            cancelled = false;
            QVERIFY2(round(*d->client),
                     qPrintable(name + QStringLiteral(": ") + d->client->lastError()));
            QVERIFY2(received == bytes, qPrintable(name));
            QCOMPARE(d->client->pendingRecords(), 0);
            QVERIFY2(unitsAndCursor(d->db.connection()).endsWith(QStringLiteral("p1,p2,p3 @ 3")),
                     qPrintable(name + QStringLiteral(": ") + unitsAndCursor(d->db.connection())));
        }
        // The round's own signals; a change that stops one firing mid-round must say so here.
        // (onlineChanged fires mid-round only where Qt has no reachability backend; this
        // machine has one.)
        for (const char *expected :
             {"syncingChanged", "progressChanged", "countsChanged", "noticeChanged"})
            QVERIFY2(firedMidRound.contains(QLatin1String(expected)),
                     qPrintable(firedMidRound.join(QLatin1Char(' '))));
    }

    // A link that loses every request of more than 100 kB (a connection that drops every few
    // seconds): with the same 512 KiB chunks each round the photo would never arrive; the chunks
    // halve after each loss, so round after round it moves on, and it arrives whole.
    void aLinkThatLosesBigChunksStillMovesAPhotoOn()
    {
        QByteArray bytes(600000, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((quint32(i) * 2654435761u) >> 24);
        const QString sha = ContentHash::sha256Of(bytes);
        QByteArray received;
        FakeRegistry server;
        qint64 seq = 0;
        QList<qsizetype> sent; // every PUT's chunk size, lost or not
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return Response::json(
                    200,
                    {{"photos",
                      QJsonObject{{sha, QJsonObject{{"state", "partial"},
                                                    {"received", double(received.size())}}}}}});
            if (r.method == "PUT") {
                sent << r.body.size();
                return r.body.size() > 100000 ? Response::drop() : takeChunk(r, &received);
            }
            return goodHandler(r, &seq);
        };
        auto d = device(server.url());
        d->client->setChunkSize(512 * 1024);
        QVERIFY(addPhoto(d->db.connection(), d->root, bytes, "camera"));
        int rounds = 0;
        bool done = false;
        while (!done && rounds < 10) {
            done = round(*d->client);
            ++rounds;
        }
        QVERIFY2(done, qPrintable(QDebug::toString(sent)));
        QCOMPARE(received, bytes);
        QCOMPARE(sent.first(), qsizetype(512 * 1024));
        QVERIFY2(rounds <= 6, qPrintable(QDebug::toString(sent))); // 512, 256, 128 KiB lost first
        QCOMPARE(d->client->pendingPhotos(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
