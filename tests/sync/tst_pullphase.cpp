// PullPhase against a scripted registry on 127.0.0.1, with a real SyncWorker: pages asked for
// from the stored cursor and written each with its cursor, the round's progress and its end,
// failures, and a registry that went back (another epoch, a latest sequence below the cursor).
#include "pullphase.h"
#include "synchttp.h"
#include "syncmanager.h"
#include "synctestutil.h"
#include "syncworker.h"

#include <QTemporaryDir>

using namespace synctest;

namespace {
// What the pull told its round.
struct Calls {
    QList<double> advances;
    QStringList phases;
    int finishes = 0;
    CoreError error;
    SyncErrors::Kind kind = SyncErrors::Kind::None;
    QList<qint64> cursors; // the stored pull cursor as each `written` is heard
    QList<int> written;
    QList<int> writtenLate;
    QStringList notices;
    QList<int> pushAgain;
    int done = 0;
};

// A device's pull: its database in a directory of its own, the sync worker on it, both
// connections pointed at the registry, and a Round that notes every call. Like SyncClient's, it
// ends the round on a failed reply (and says so for every reply once the round has ended); the
// round's end drops the worker's pages not begun and ends the pull; `done` finishes the round.
struct Device {
    Database db;
    std::unique_ptr<SyncManager> manager;
    std::unique_ptr<SyncWorker> worker;
    SyncHttp http;
    SyncHttp ahead;
    quint64 number = 0; // the round under way
    quint64 rounds = 0;
    QString role = QStringLiteral("inspector");
    int stopAfterPages = -1; // >= 0: the round is stopped from its progress after as many pages
    // Set: the round is stopped (a cancel) as soon as it is next asked for its number once this
    // epoch is stored, as between the worker's job storing it and the pull hearing of it.
    QString stopOnceEpochStored;
    Calls calls;
    std::unique_ptr<PullPhase> pull;

    Device(const QString &path, const QString &url)
    {
        if (const CoreError e = db.open(path); e.failed())
            qFatal("%s", qPrintable(e.message()));
        manager = std::make_unique<SyncManager>(db.connection());
        worker = std::make_unique<SyncWorker>(path);
        for (SyncHttp *h : {&http, &ahead}) {
            h->setBaseUrl(QUrl(url));
            h->setToken(QStringLiteral("tok-123"));
            h->setTimeoutMs(5000);
        }
    }

    // The pull, made once the stored epoch is as the test wants it (read when it is made).
    void makePull()
    {
        PullPhase::Round round;
        round.number = [this] {
            if (number != 0 && !stopOnceEpochStored.isEmpty() &&
                manager->value(QStringLiteral("registry_epoch")) == stopOnceEpochStored)
                finish(CoreError(CoreError::Code::Io, QStringLiteral("cancelled")),
                       SyncErrors::Kind::Offline);
            return number;
        };
        round.advance = [this](double p, const QString &phase) {
            calls.advances << p;
            calls.phases << phase;
            if (stopAfterPages >= 0 && calls.written.size() >= stopAfterPages)
                finish(CoreError(CoreError::Code::Io, QStringLiteral("stopped")),
                       SyncErrors::Kind::Offline);
            return number != 0;
        };
        round.endsRound = [this](const SyncReply &r) {
            if (number == 0)
                return true;
            SyncErrors::Kind kind = SyncErrors::Kind::None;
            const CoreError e = SyncErrors::fromReply(r, &kind);
            if (e.ok())
                return false;
            finish(e, kind);
            return true;
        };
        round.finish = [this](const CoreError &e, SyncErrors::Kind kind) { finish(e, kind); };
        round.written = [this](int rows, int) {
            calls.written << rows;
            calls.cursors << manager->pullCursor();
        };
        round.writtenLate = [this](int rows, int) { calls.writtenLate << rows; };
        round.notice = [this](const QString &notice) {
            calls.notices << notice;
            return number != 0;
        };
        round.role = [this] { return role; };
        round.pushAgain = [this](int rows) { calls.pushAgain << rows; };
        round.done = [this] {
            ++calls.done;
            finish({}, SyncErrors::Kind::None);
        };
        pull = std::make_unique<PullPhase>(*manager, &http, &ahead, round);
    }

    void finish(const CoreError &e, SyncErrors::Kind kind)
    {
        ++calls.finishes;
        calls.error = e;
        calls.kind = kind;
        if (number == 0)
            return;
        number = 0;
        worker->endRound();
        pull->end();
    }

    // Waits for the worker to answer all the work handed to it.
    bool settle()
    {
        return QTest::qWaitFor([this] { return worker->pending() == 0; }, 10000);
    }

    // A round's pull, until the round ends or the pull hands it back to the push.
    bool round()
    {
        if (!pull)
            makePull();
        if (!settle())
            return false;
        calls = Calls();
        number = ++rounds;
        pull->start(worker.get());
        return QTest::qWaitFor([this] { return number == 0 || !calls.pushAgain.isEmpty(); }, 15000);
    }

    // After pushAgain: the round's push is through, and the pull starts again.
    bool pullAgain()
    {
        if (!settle())
            return false;
        pull->start(worker.get());
        return QTest::qWaitFor([this] { return number == 0; }, 15000);
    }

    QString units() const
    {
        return scalar(db.connection(),
                      "SELECT group_concat(id) FROM (SELECT id FROM admin_units ORDER BY id)")
            .toString();
    }
};

// Progress values to six decimals, for comparing lists of them.
QStringList rounded(const QList<double> &values)
{
    QStringList out;
    for (const double v : values)
        out << QString::number(v, 'f', 6);
    return out;
}

// The `since` of every pull request the registry saw.
QList<qint64> asked(const FakeRegistry &server)
{
    QList<qint64> out;
    for (const Request &r : server.requests)
        out << sinceOf(r);
    return out;
}

// A registry that answers each pull with one admin unit after `since`, up to `last`, its
// latest sequence; `extra`: more members of each page (epoch, epoch_seq).
std::function<Response(const Request &)> unitsUpTo(qint64 last, const QJsonObject &extra = {})
{
    return [=](const Request &r) {
        const qint64 since = sinceOf(r);
        return unitPullReply(since + 1, since + 1 < last, last, extra);
    };
}

// A last page with no rows, `next` = `since`.
Response emptyLastPage(qint64 since, qint64 lastSeq, const QJsonObject &extra = {})
{
    QJsonObject page{{"protocol", ProtocolVersion::current},
                     {"runs", QJsonArray()},
                     {"next", double(since)},
                     {"more", false},
                     {"last_seq", double(lastSeq)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        page.insert(it.key(), it.value());
    return Response::json(200, page, true);
}
} // namespace

class TestPullPhase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<Device> device(const FakeRegistry &server)
    {
        return std::make_unique<Device>(m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n)),
                                        server.url());
    }

    // A device that pulled from the registry's epoch "epoch-1" up to `cursor`: it holds two
    // admin units, p1 and p2, as pulled at sequence 8 (nothing left to push).
    static bool pulledFromEpoch1(Device &d, qint64 cursor)
    {
        const QJsonArray steps{QJsonObject{{"do", "insert"},
                                           {"table", "admin_units"},
                                           {"values", QJsonObject{{"id", "p1"},
                                                                  {"code", "01"},
                                                                  {"name", "A"},
                                                                  {"level", "province"},
                                                                  {"level_label", "Tỉnh"},
                                                                  {"valid_from", "2025-07-01"}}}},
                               QJsonObject{{"do", "insert"},
                                           {"table", "admin_units"},
                                           {"values", QJsonObject{{"id", "p2"},
                                                                  {"code", "02"},
                                                                  {"name", "B"},
                                                                  {"level", "province"},
                                                                  {"level_label", "Tỉnh"},
                                                                  {"valid_from", "2025-07-01"}}}},
                               QJsonObject{{"do", "settle"}, {"table", "admin_units"}, {"seq", 8}}};
        QString why;
        if (!runSteps(d.db.connection(), steps, &why))
            qWarning("%s", qPrintable(why));
        return why.isEmpty() && d.manager->setPullCursor(cursor).ok() &&
               d.manager->setValue("registry_epoch", "epoch-1").ok();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // The share of the pull done: the cursor's way from the round's first cursor to the
    // registry's latest sequence, within 0 and 1, and 1 when there is nothing between them.
    void fraction()
    {
        QCOMPARE(PullPhase::fraction(100, 100, 500), 0.0);
        QCOMPARE(PullPhase::fraction(100, 300, 500), 0.5);
        QCOMPARE(PullPhase::fraction(100, 500, 500), 1.0);
        QCOMPARE(PullPhase::fraction(100, 600, 500), 1.0); // written during the round
        QCOMPARE(PullPhase::fraction(100, 50, 500), 0.0);
        QCOMPARE(PullPhase::fraction(500, 500, 500), 1.0); // nothing to pull
        QCOMPARE(PullPhase::fraction(500, 600, 500), 1.0);
        QCOMPARE(PullPhase::fraction(500, 500, 300), 1.0); // the registry is behind
    }

    // Pages are asked for from the stored cursor, `limit` rows a page, until `more` is false;
    // each is written with its cursor before the round hears of it, and the progress follows the
    // cursor towards the registry's latest sequence.
    void pagesComeFromTheStoredCursor()
    {
        FakeRegistry server;
        server.handler = unitsUpTo(8);
        auto d = device(server);
        QVERIFY(d->manager->setPullCursor(5).ok());
        d->makePull();
        d->pull->setPageSize(50);
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(asked(server), (QList<qint64>{5, 6, 7}));
        for (const Request &r : server.requests) {
            QVERIFY2(r.path.startsWith("/api/v1/pull?"), r.path);
            QCOMPARE(QUrlQuery(QUrl(QString::fromLatin1(r.path))).queryItemValue("limit"),
                     QStringLiteral("50"));
            QCOMPARE(r.headers.value("x-ccn-skip-own"), "1");
        }
        QCOMPARE(d->calls.written, (QList<int>{1, 1, 1}));
        QCOMPARE(d->calls.cursors, (QList<qint64>{6, 7, 8}));
        QCOMPARE(d->units(), QStringLiteral("p6,p7,p8"));
        QCOMPARE(d->calls.phases, QStringList(3, QStringLiteral("pull")));
        QCOMPARE(rounded(d->calls.advances), rounded({0.5, 0.6, 0.7}));
        QCOMPARE(d->calls.done, 1);
        QCOMPARE(d->calls.finishes, 1);
        QVERIFY(d->calls.writtenLate.isEmpty());

        // A page size above the protocol's limit is the limit.
        d->pull->setPageSize(1 << 30);
        server.requests.clear();
        QVERIFY(d->round());
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(QUrlQuery(QUrl(QString::fromLatin1(server.requests.first().path)))
                     .queryItemValue("limit"),
                 QString::number(ProtocolVersion::maxPullLimit));
    }

    // A registry from before 10,000-row pages refuses the limit (400, naming 'limit'): the page
    // is asked again with 5,000, the round goes on, and later rounds ask for 5,000 at once.
    // Another 400 still ends the round.
    void anOlderRegistryGetsPagesOfFiveThousand()
    {
        FakeRegistry server;
        const auto units = unitsUpTo(8);
        bool refuseSince = false;
        server.handler = [&](const Request &r) {
            const QUrlQuery query(QUrl(QString::fromLatin1(r.path)));
            if (refuseSince)
                return Response::json(400, {{"code", "invalid_parameter"},
                                            {"message", "'since' phải là số nguyên không âm."}});
            if (query.queryItemValue("limit").toInt() > 5000)
                return Response::json(400,
                                      {{"code", "invalid_parameter"},
                                       {"message", "'limit' phải nằm trong khoảng 1 đến 5000."}});
            return units(r);
        };
        auto limits = [&] {
            QStringList out;
            for (const Request &r : server.requests)
                out << QUrlQuery(QUrl(QString::fromLatin1(r.path))).queryItemValue("limit");
            return out;
        };
        {
            // Another 400 with the larger limit: the round ends, nothing asked again.
            auto d = device(server);
            refuseSince = true;
            QVERIFY(d->round());
            QCOMPARE(d->calls.error.code(), CoreError::Code::InvalidInput);
            QCOMPARE(limits(), QStringList{QStringLiteral("10000")});
            refuseSince = false;
            server.requests.clear();
        }
        auto d = device(server);
        QVERIFY(d->manager->setPullCursor(5).ok());
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(limits(), (QStringList{"10000", "5000", "5000", "5000"}));
        QCOMPARE(asked(server), (QList<qint64>{5, 5, 6, 7}));
        QCOMPARE(d->units(), QStringLiteral("p6,p7,p8"));
        QCOMPARE(d->calls.done, 1);

        server.requests.clear();
        QVERIFY(d->manager->setPullCursor(7).ok());
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(limits(), QStringList{QStringLiteral("5000")});
    }

    // A page with `more` false ends the pull: done once, nothing more asked for.
    void aLastPageIsDoneOnce_data()
    {
        QTest::addColumn<bool>("rows");
        QTest::newRow("with rows") << true;
        QTest::newRow("nothing new") << false;
    }

    void aLastPageIsDoneOnce()
    {
        QFETCH(bool, rows);
        FakeRegistry server;
        server.handler = [&](const Request &r) {
            return rows ? unitPullReply(sinceOf(r) + 1, false, 3) : emptyLastPage(sinceOf(r), 2);
        };
        auto d = device(server);
        QVERIFY(d->manager->setPullCursor(2).ok());
        QVERIFY(d->round());
        QVERIFY(d->settle());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(d->calls.done, 1);
        QCOMPARE(d->calls.finishes, 1);
        QCOMPARE(asked(server), QList<qint64>{2});
        QCOMPARE(d->calls.cursors, QList<qint64>{rows ? 3 : 2});
        QCOMPARE(rounded(d->calls.advances), rounded({0.7}));
    }

    // A page that fails (an error reply, a body that is no page, a page the device cannot write)
    // ends the round with that failure: nothing is written and the cursor stays.
    void aFailedPageEndsTheRound_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("encoding"); // the reply's Content-Encoding, if any
        QTest::newRow("server error") << 500 << QByteArray(R"({"code":"internal","message":"x"})")
                                      << int(SyncErrors::Kind::Server) << QByteArray();
        QTest::newRow("refused") << 403 << QByteArray(R"({"code":"forbidden","message":"x"})")
                                 << int(SyncErrors::Kind::Refused) << QByteArray();
        QTest::newRow("no page") << 200 << QByteArray("<html>proxy</html>")
                                 << int(SyncErrors::Kind::Malformed) << QByteArray();
        // Its cursor below the one asked with.
        QTest::newRow("not writable") << 200 << unitPullReply(3, true).body
                                      << int(SyncErrors::Kind::Malformed) << QByteArray();
        // A body QNetworkAccessManager cannot decompress (corrupt, or past its check against
        // archive bombs) is a reply the client cannot read, not a lost connection: the user is
        // not sent to check the Wi-Fi.
        QTest::newRow("not decodable") << 200 << QByteArray("this is not gzip")
                                       << int(SyncErrors::Kind::Malformed) << QByteArray("gzip");
    }

    void aFailedPageEndsTheRound()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QByteArray, encoding);
        FakeRegistry server;
        server.handler = [&](const Request &) {
            Response r;
            r.status = status;
            r.body = body;
            if (!encoding.isEmpty())
                r.headers << qMakePair(QByteArray("Content-Encoding"), encoding);
            return r;
        };
        auto d = device(server);
        QVERIFY(d->manager->setPullCursor(5).ok());
        QVERIFY(d->round());
        QVERIFY(d->settle());
        QCOMPARE(d->calls.finishes, 1);
        QVERIFY(d->calls.error.failed());
        QCOMPARE(int(d->calls.kind), kind);
        QCOMPARE(d->calls.done, 0);
        QVERIFY(d->calls.written.isEmpty());
        QVERIFY(d->calls.advances.isEmpty());
        QCOMPARE(asked(server), QList<qint64>{5});
        QCOMPARE(d->manager->pullCursor(), qint64(5));
        QCOMPARE(d->units(), QString());
    }

    // The round ends while the page asked ahead is on its way and the page before it is still
    // to be written: end() drops the page on its way (its request is aborted), the answer for the
    // other is not the round's (written late, or dropped), and done is not called. The next round
    // starts from the stored cursor and writes each of its own pages once.
    void endDropsThePageAskedAhead()
    {
        FakeRegistry server;
        std::unique_ptr<Device> d;
        bool endOnSecond = true;
        bool aheadBusyAfterEnd = true;
        const auto pages = unitsUpTo(3);
        server.handler = [&](const Request &r) {
            if (sinceOf(r) == 1 && endOnSecond) {
                endOnSecond = false;
                d->finish(CoreError(CoreError::Code::Io, QStringLiteral("stopped")),
                          SyncErrors::Kind::Offline);
                aheadBusyAfterEnd = d->ahead.busy();
            }
            return pages(r);
        };
        d = device(server);
        {
            // Page 1 cannot be written before the round ends: the worker waits for this lock.
            WriteLock lock(d->db.path());
            QVERIFY(lock.held());
            QVERIFY(d->round());
            QCOMPARE(asked(server), (QList<qint64>{0, 1}));
            QVERIFY(!aheadBusyAfterEnd);
        }
        QVERIFY(d->settle());
        QCOMPARE(d->calls.done, 0);
        QVERIFY(d->calls.written.isEmpty());
        QVERIFY(d->calls.writtenLate.size() <= 1); // page 1, if the worker had begun it
        const qint64 cursor = d->manager->pullCursor();
        QCOMPARE(cursor, qint64(d->calls.writtenLate.size()));
        QVERIFY(!d->units().contains(QStringLiteral("p2")));

        server.requests.clear();
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QList<qint64> expected;
        for (qint64 since = cursor; since < 3; ++since)
            expected << since;
        QCOMPARE(asked(server), expected);
        QCOMPARE(d->calls.written, QList<int>(expected.size(), 1));
        QCOMPARE(d->calls.cursors.last(), qint64(3));
        QCOMPARE(d->calls.done, 1);
        QCOMPARE(d->units(), QStringLiteral("p1,p2,p3"));
    }

    // A round stopped from its progress after its first page goes no further (no done); the next
    // round's progress counts from its own first cursor, not the stopped round's.
    void eachRoundsProgressCountsFromItsFirstPage()
    {
        FakeRegistry server;
        server.handler = unitsUpTo(6);
        auto d = device(server);
        d->stopAfterPages = 1;
        QVERIFY(d->round());
        QVERIFY(d->settle());
        QCOMPARE(d->calls.written, QList<int>{1});
        QCOMPARE(rounded(d->calls.advances), rounded({0.4 + 0.3 / 6}));
        QCOMPARE(d->calls.done, 0);
        // The page asked ahead, if the worker had begun it, is written all the same.
        const qint64 from = d->manager->pullCursor();
        QVERIFY2(from == 1 + d->calls.writtenLate.size(), qPrintable(QString::number(from)));

        d->stopAfterPages = -1;
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QList<qint64> cursors;
        QList<double> progress;
        for (qint64 next = from + 1; next <= 6; ++next) {
            cursors << next;
            progress << 0.4 + 0.3 * double(next - from) / double(6 - from);
        }
        QCOMPARE(d->calls.cursors, cursors);
        QCOMPARE(rounded(d->calls.advances), rounded(progress));
        QCOMPARE(d->calls.done, 1);
    }

    // The first epoch this device sees is kept; the same epoch again changes nothing.
    void theFirstEpochSeenIsKept()
    {
        FakeRegistry server;
        server.handler = unitsUpTo(1, {{"epoch", "epoch-1"}, {"epoch_seq", 0}});
        auto d = device(server);
        QVERIFY(d->round());
        QVERIFY(d->settle());
        QCOMPARE(d->manager->value("registry_epoch"), QStringLiteral("epoch-1"));
        QVERIFY(d->round());
        QVERIFY(d->calls.notices.isEmpty());
        QCOMPARE(d->calls.done, 1);
        QCOMPARE(asked(server), (QList<qint64>{0, 1}));
    }

    // Another epoch than the stored one: the registry went back to the epoch's first sequence.
    // This device's later versions of rows its user may write are queued again, the cursor goes
    // back there (not further than it was) with the new epoch, the page is not written, the user
    // is told, and the round pushes before the pull starts again from the stored cursor.
    void anotherEpochQueuesTheLaterVersionsAgain()
    {
        FakeRegistry server;
        server.handler = unitsUpTo(7, {{"epoch", "epoch-2"}, {"epoch_seq", 5}});
        auto d = device(server);
        d->role = QStringLiteral("admin"); // admin_units are an admin's to send
        QVERIFY(pulledFromEpoch1(*d, 10));
        QVERIFY(d->round());
        QCOMPARE(d->calls.pushAgain, QList<int>{2});
        QCOMPARE(d->calls.notices.size(), 1);
        QVERIFY2(d->calls.notices.first().contains(QStringLiteral("khôi phục")) &&
                     d->calls.notices.first().contains(QLatin1String(" 2 ")),
                 qPrintable(d->calls.notices.first()));
        QCOMPARE(asked(server), QList<qint64>{10});
        QVERIFY(d->calls.written.isEmpty());
        QCOMPARE(d->calls.finishes, 0);
        QCOMPARE(d->manager->pullCursor(), qint64(5));
        QCOMPARE(d->manager->value("registry_epoch"), QStringLiteral("epoch-2"));
        QCOMPARE(scalar(d->db.connection(),
                        "SELECT group_concat(row_id || ':' || op || ':' || base_seq) FROM "
                        "(SELECT * FROM outbox ORDER BY seq)")
                     .toString(),
                 QStringLiteral("p1:insert:5,p2:insert:5"));
        QCOMPARE(d->units(), QStringLiteral("p1,p2"));

        // The push is the round's; then the pull goes on from the epoch's first sequence.
        QVERIFY(d->pullAgain());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(asked(server), (QList<qint64>{10, 5, 6}));
        QCOMPARE(d->calls.cursors, (QList<qint64>{6, 7}));
        QCOMPARE(d->calls.notices.size(), 1);
        QCOMPARE(d->calls.done, 1);
    }

    // Another epoch with nothing of this device's to send again (the user may not write those
    // rows): the user is told and the pull goes on at once from the epoch's first sequence, in
    // the same round.
    void anotherEpochWithNothingToSendPullsOn()
    {
        FakeRegistry server;
        server.handler = unitsUpTo(7, {{"epoch", "epoch-2"}, {"epoch_seq", 5}});
        auto d = device(server);
        QVERIFY(pulledFromEpoch1(*d, 10)); // an inspector does not send admin_units
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QVERIFY(d->calls.pushAgain.isEmpty());
        QCOMPARE(d->calls.notices.size(), 1);
        QVERIFY2(d->calls.notices.first().contains(QStringLiteral("khôi phục")),
                 qPrintable(d->calls.notices.first()));
        QCOMPARE(asked(server), (QList<qint64>{10, 5, 6}));
        QCOMPARE(d->calls.cursors, (QList<qint64>{6, 7}));
        QCOMPARE(d->calls.done, 1);
        QCOMPARE(d->manager->value("registry_epoch"), QStringLiteral("epoch-2"));
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM outbox").toInt(), 0);
    }

    // The round ends (cancelled) after the worker stored the new epoch with the versions queued
    // again, before the pull heard of it: the pull knows the new epoch all the same. It kept the
    // old one, sent it with the next push, and took the next round's first page for another
    // restore, queuing the same versions again.
    void anEpochStoredAsTheRoundEndsIsKnown()
    {
        FakeRegistry server;
        server.handler = unitsUpTo(7, {{"epoch", "epoch-2"}, {"epoch_seq", 5}});
        auto d = device(server);
        d->role = QStringLiteral("admin");
        QVERIFY(pulledFromEpoch1(*d, 10));
        d->stopOnceEpochStored = QStringLiteral("epoch-2");
        QVERIFY(d->round());
        QVERIFY(d->settle());
        QCOMPARE(d->calls.kind, SyncErrors::Kind::Offline);
        QVERIFY(d->calls.pushAgain.isEmpty());
        QCOMPARE(d->manager->value("registry_epoch"), QStringLiteral("epoch-2"));
        QCOMPARE(d->pull->registryEpoch(), QStringLiteral("epoch-2"));
        // The next round pulls on from the stored cursor: no second restore.
        d->stopOnceEpochStored.clear();
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QVERIFY(d->calls.notices.isEmpty());
        QCOMPARE(d->calls.cursors, (QList<qint64>{6, 7}));
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM outbox").toInt(), 2);
    }

    // A registry without epochs whose latest sequence is below the cursor went back to a point
    // this device cannot know: the pull starts again from 0.
    void aRegistryBehindTheCursorPullsFromTheStart()
    {
        FakeRegistry server;
        server.handler = [](const Request &r) {
            const qint64 since = sinceOf(r);
            return since >= 2 ? emptyLastPage(since, 2)
                              : unitPullReply(since + 1, since + 1 < 2, 2);
        };
        auto d = device(server);
        QVERIFY(d->manager->setPullCursor(10).ok());
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(asked(server), (QList<qint64>{10, 0, 1}));
        QCOMPARE(d->calls.notices.size(), 1);
        QCOMPARE(d->calls.cursors, (QList<qint64>{1, 2}));
        QCOMPARE(d->units(), QStringLiteral("p1,p2"));
        QCOMPARE(d->calls.done, 1);
    }

    // forgetEpoch(): the device pulls for another user or registry, whose epoch is not a
    // restore: it is kept, and nothing is queued again.
    void aForgottenEpochIsNoRestore()
    {
        FakeRegistry server;
        server.handler = unitsUpTo(1, {{"epoch", "epoch-2"}, {"epoch_seq", 0}});
        auto d = device(server);
        d->role = QStringLiteral("admin");
        QVERIFY(pulledFromEpoch1(*d, 0));
        d->makePull();
        d->pull->forgetEpoch();
        QVERIFY(d->round());
        QVERIFY(d->settle());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QVERIFY(d->calls.notices.isEmpty());
        QVERIFY(d->calls.pushAgain.isEmpty());
        QCOMPARE(asked(server), QList<qint64>{0});
        QCOMPARE(d->manager->value("registry_epoch"), QStringLiteral("epoch-2"));
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM outbox").toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPullPhase)
#include "tst_pullphase.moc"
