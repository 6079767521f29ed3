// SIGKILL the real ccn-registry while devices push, many times, restart it on the same data
// directory, and check that in the end every change arrived exactly once.
// killRegistryDuringPushes: kills between push batches (after the k-th push reply of a round);
// a fresh device pulls every row with its last value.
// killRegistryMidRequest: kills inside a push request, at seeded points seen through a relay on
// 127.0.0.1 that the test controls: part way through the request body (seeded byte count), while
// the registry works on the whole request (a seeded share of the time pushes take to be
// answered, before any reply byte), or when its reply starts (everything stored, the reply lost).
// After each kill the registry's file passes integrity_check, keeps every commit made before the
// kill, and the device still holds the whole batch in its outbox.
// Then the registry's history holds each change_id once, its current rows equal the devices',
// the outboxes are empty, and every SQLite file passes PRAGMA integrity_check.
// With CCN_TEST_BACKEND=postgres (ctest's tst_synckill_postgres) the registry stores in a
// PostgreSQL database of its own per data directory; the same checks read it, but for
// integrity_check, which PostgreSQL has no counterpart of.
#include "pushbatch.h"
#include "pushchange.h"
#include "registrytestbackend.h"
#include "syncclient.h"
#include "synctestutil.h"
#include "transaction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <random>
#include <vector>

using namespace synctest;

namespace {
// A relay between the devices and the registry: forwards every byte both ways, and, when armed,
// kills the registry inside the next push request at the planned point.
class KillRelay : public QTcpServer
{
public:
    enum class Mode { Off, Upload, Processing, Reply };
    struct Plan {
        Mode mode = Mode::Off;
        // Upload: share of the request body forwarded before the kill. Processing: share of
        // the longest time the registry took to answer a push, counted from the request's last
        // byte (a reply that starts earlier makes it a Reply kill).
        double fraction = 0;
    };

    quint16 upstream = 0;
    std::function<void()> kill;           // SIGKILLs the registry and waits for it
    std::function<qint64()> committedSeq; // the registry's committed sequence
    Mode fired = Mode::Off;               // how the last armed request ended
    qint64 counted = 0;     // Processing: changes the registry had committed at the kill
    qint64 replyMs = 300;   // the longest a push took from its last byte to its reply
    qint64 lastReplyMs = 0; // the last one: the registry's current pace for a batch

    KillRelay() { listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

    // Arms for the push after `skip` pushes that go through untouched.
    void arm(const Plan &plan, int skip)
    {
        m_plan = plan;
        m_skip = skip;
        fired = Mode::Off;
        m_armed.reset();
    }
    bool armed() const { return m_plan.mode != Mode::Off && fired == Mode::Off; }

private:
    struct Conn {
        QTcpSocket *client = nullptr;
        QTcpSocket *up = nullptr;
        QByteArray waiting; // for the upstream connection
        QByteArray head;
        qint64 bodyLeft = -1; // -1: reading a request head
        qint64 bodyTotal = 0;
        qint64 bodySent = 0;
        bool armed = false;
        bool complete = false; // the armed request went through whole
        bool awaitingReply = false;
        QElapsedTimer sent; // since the request's last byte
        bool dead = false;
    };

    Plan m_plan;
    int m_skip = 0;
    std::shared_ptr<Conn> m_armed;
    QList<std::shared_ptr<Conn>> m_conns;
    QTimer m_timer;
    qint64 m_base = 0;

    void close(const std::shared_ptr<Conn> &c)
    {
        if (c->dead)
            return;
        c->dead = true;
        c->client->abort();
        c->up->abort();
        c->client->deleteLater();
        c->up->deleteLater();
        m_conns.removeAll(c);
    }

    void fire(Mode how)
    {
        if (fired != Mode::Off)
            return;
        fired = how;
        m_timer.stop();
        if (how == Mode::Processing)
            counted = committedSeq() - m_base;
        kill();
        const auto conns = m_conns;
        for (const auto &c : conns)
            close(c);
    }

    void send(const std::shared_ptr<Conn> &c, const QByteArray &bytes)
    {
        // Bytes reach the registry in order and at once, so that a kill point means what it says.
        if (c->up->state() != QAbstractSocket::ConnectedState && c->up->waitForConnected(5000)) {
            c->up->write(c->waiting);
            c->waiting.clear();
        }
        if (c->up->state() == QAbstractSocket::ConnectedState)
            c->up->write(bytes);
        else
            c->waiting += bytes;
    }

    void fromClient(const std::shared_ptr<Conn> &c, QByteArray data)
    {
        while (!data.isEmpty() && !c->dead) {
            if (c->bodyLeft < 0) {
                c->head += data;
                data.clear();
                const int end = c->head.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = c->head.left(end + 4);
                data = c->head.mid(end + 4);
                c->head.clear();
                qint64 length = 0;
                for (const QByteArray &line : head.split('\n')) {
                    const int colon = line.indexOf(':');
                    if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                        length = line.mid(colon + 1).trimmed().toLongLong();
                }
                c->armed = armed() && !m_armed && head.startsWith("POST /api/v1/push ");
                if (c->armed && m_skip > 0) {
                    --m_skip;
                    c->armed = false;
                }
                if (c->armed) {
                    m_armed = c;
                    c->bodyTotal = length;
                    c->bodySent = 0;
                }
                c->bodyLeft = length;
                send(c, head);
                if (length == 0)
                    finished(c);
                continue;
            }
            QByteArray part = data.left(int(c->bodyLeft));
            data.remove(0, part.size());
            if (c->armed && m_plan.mode == Mode::Upload) {
                const qint64 allowed = qint64(m_plan.fraction * double(c->bodyTotal)) - c->bodySent;
                if (part.size() >= allowed) {
                    send(c, part.left(int(allowed)));
                    c->up->flush();
                    return fire(Mode::Upload);
                }
            }
            send(c, part);
            c->bodySent += part.size();
            c->bodyLeft -= part.size();
            if (c->bodyLeft == 0)
                finished(c);
        }
    }

    void finished(const std::shared_ptr<Conn> &c)
    {
        c->bodyLeft = -1;
        c->awaitingReply = true;
        c->sent.start();
        if (!c->armed)
            return;
        c->complete = true;
        if (m_plan.mode == Mode::Processing) {
            // The registry cannot start on the batch before these bytes leave: the base is
            // taken before any of its changes can commit.
            m_base = committedSeq();
            // Timed on the last reply, not the longest: a kill planned inside the processing
            // must come before a batch of today's pace is answered.
            m_timer.start(int(m_plan.fraction * double(lastReplyMs > 0 ? lastReplyMs : replyMs)));
        }
    }

    void fromUpstream(const std::shared_ptr<Conn> &c)
    {
        const QByteArray data = c->up->readAll();
        if (c->awaitingReply && fired == Mode::Off) {
            lastReplyMs = c->sent.elapsed();
            replyMs = qMax(replyMs, lastReplyMs);
        }
        c->awaitingReply = false;
        if (c->armed && c->complete && fired == Mode::Off)
            return fire(Mode::Reply); // the batch is stored; its reply never arrives
        c->client->write(data);
    }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto c = std::make_shared<Conn>();
        c->client = new QTcpSocket(this);
        c->client->setSocketDescriptor(fd);
        c->up = new QTcpSocket(this);
        m_conns << c;
        connect(c->client, &QTcpSocket::readyRead, this,
                [this, c]() { fromClient(c, c->client->readAll()); });
        connect(c->client, &QTcpSocket::disconnected, this, [this, c]() { close(c); });
        connect(c->up, &QTcpSocket::connected, this, [c]() {
            c->up->write(c->waiting);
            c->waiting.clear();
        });
        connect(c->up, &QTcpSocket::readyRead, this, [this, c]() { fromUpstream(c); });
        connect(c->up, &QTcpSocket::disconnected, this, [this, c]() {
            if (!c->dead)
                c->client->disconnectFromHost();
        });
        connect(c->up, &QTcpSocket::errorOccurred, this, [this, c](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                close(c);
        });
        c->up->connectToHost(QHostAddress::LocalHost, upstream);
    }

public:
    void init()
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this]() {
            if (fired == Mode::Off)
                fire(Mode::Processing);
        });
    }
};

const char *modeName(KillRelay::Mode m)
{
    switch (m) {
    case KillRelay::Mode::Upload:
        return "upload";
    case KillRelay::Mode::Processing:
        return "processing";
    case KillRelay::Mode::Reply:
        return "reply";
    case KillRelay::Mode::Off:
        break;
    }
    return "off";
}

// JSON value and SQLite value as the same text (integers without a fraction, null as <null>).
QString asText(const QVariant &v)
{
    return v.isNull() ? QStringLiteral("<null>") : v.toString();
}
QString asText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("<null>");
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return v.toString();
}
} // namespace

class TestSyncKill : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_registry;
    QString m_url;
    int m_starts = 0;
    // The registry's storage per data directory: SQLite in it, or (CCN_TEST_BACKEND=postgres)
    // a PostgreSQL database of its own, created at its first start and dropped at the end.
    std::map<QString, std::unique_ptr<RegistryTestBackend>> m_backends;
    QHash<QString, QString> m_databases; // data directory -> PostgreSQL URL (empty: SQLite)

    // Starts the registry on `dataDir` (with --demo the first time) and returns its URL.
    QString start(const QString &dataDir)
    {
        const QString exe = QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry");
        QStringList args{"serve", "--data-dir", dataDir, "--port", "0", "--fast-hash"};
        if (m_backends.count(dataDir) == 0) {
            auto backend = std::make_unique<RegistryTestBackend>();
            QString url, why;
            if (!backend->setUp(&url, &why)) {
                qWarning("registry storage: %s", qPrintable(why));
                return {};
            }
            m_databases.insert(dataDir, url);
            m_backends[dataDir] = std::move(backend);
            args << "--demo";
        }
        if (const QString db = m_databases.value(dataDir); !db.isEmpty())
            args << "--database" << db;
        ++m_starts;
        return startRegistry(m_registry, exe, args);
    }

    // A connection `name` to the registry's database of `dataDir`, beside the running registry
    // (SQLite: read only, WAL readers do not block it).
    QSqlDatabase openRegistry(const QString &name, const QString &dataDir)
    {
        const QString db = m_databases.value(dataDir);
        if (db.isEmpty()) {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            c.setDatabaseName(dataDir + QStringLiteral("/registry.sqlite"));
            c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
            c.open();
            return c;
        }
        return RegistryTestBackend::connect(name, QUrl(db));
    }

    // SQLite's own check of the registry's file as a kill left it. PostgreSQL has no such check
    // of a database: its crash recovery (WAL replay) is its own, and only what the tests read
    // back from it shows it.
    bool registryIntact(const QSqlDatabase &c, const QString &dataDir)
    {
        return !m_databases.value(dataDir).isEmpty() ||
               scalar(c, "PRAGMA integrity_check").toString() == QLatin1String("ok");
    }

    void kill()
    {
        m_registry.kill(); // SIGKILL
        m_registry.waitForFinished(10000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo::exists(QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry")),
                 "ccn-registry is not built");
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath("registry"));
    }

    void cleanupTestCase()
    {
        if (m_registry.state() != QProcess::NotRunning)
            kill();
        for (auto &b : m_backends)
            b.second->tearDown();
    }

    void killRegistryDuringPushes()
    {
        m_url = start(m_dir.filePath("registry"));
        QVERIFY(!m_url.isEmpty());
        Database db;
        QVERIFY(db.open(m_dir.filePath("device/device.db")).ok());
        SyncClient client(db.connection(), m_dir.filePath("device"));
        client.setAutoSync(false);
        client.setServerUrl(QUrl(m_url));
        client.setBatchSize(25);
        client.setTimeoutMs(5000);
        QSignalSpy login(&client, &SyncClient::loginFinished);
        client.login("inspector.demo", "demo-password");
        QVERIFY(login.wait(10000));
        QVERIFY(login.first().at(0).toBool());
        auto round = [&]() {
            QSignalSpy spy(&client, &SyncClient::roundFinished);
            if (!client.sync())
                return false;
            if (!spy.wait(60000))
                qFatal("round did not finish");
            return spy.first().at(0).toBool();
        };
        QVERIFY(round());
        const QStringList inspections = newDrafts(db.connection(), 10);
        QVERIFY(inspections.size() >= 3);

        RecordWriter w(db.connection());
        QMap<QString, QString> expected; // participant id -> last name written
        int serial = 0;
        const int kills = 12;
        for (int k = 0; k < kills; ++k) {
            // New work: inserts and edits of earlier rows.
            {
                Transaction tx(db.connection());
                for (int i = 0; i < 40; ++i) {
                    QString id;
                    const QString name = QStringLiteral("Người %1").arg(++serial);
                    QVERIFY(
                        w.insert("inspection_participants",
                                 {{"inspection_id", inspections.at(serial % inspections.size())},
                                  {"name", name}},
                                 &id)
                            .ok());
                    expected.insert(id, name);
                }
                int edits = 0;
                for (auto it = expected.begin(); it != expected.end() && edits < 15;
                     ++it, ++edits) {
                    if ((serial + edits) % 3 != 0)
                        continue;
                    const QString name = it.value() + QStringLiteral(" (sửa %1)").arg(k);
                    QVERIFY(w.update("inspection_participants", it.key(), {{"name", name}}).ok());
                    it.value() = name;
                }
                QVERIFY(tx.commit().ok());
            }
            // Kill after the (k % 3 + 1)-th push reply of this round.
            int replies = 0;
            const int killAt = k % 3 + 1;
            auto conn = connect(&client, &SyncClient::progressChanged, this, [&]() {
                if (client.phase() == "push" && client.progress() > 0 && ++replies == killAt &&
                    m_registry.state() == QProcess::Running)
                    kill();
            });
            round(); // may succeed when the round is shorter than the kill point
            disconnect(conn);
            QCOMPARE(scalar(db.connection(), "SELECT applying FROM sync_flags").toInt(), 0);
            if (m_registry.state() != QProcess::Running) {
                m_url = start(m_dir.filePath("registry"));
                QVERIFY(!m_url.isEmpty());
                client.setServerUrl(QUrl(m_url));
            }
        }
        QVERIFY2(round(), qPrintable(client.lastError()));
        QCOMPARE(client.pendingRecords(), 0);
        QCOMPARE(client.rejectedRecords(), 0);
        QCOMPARE(scalar(db.connection(), "PRAGMA integrity_check").toString(),
                 QStringLiteral("ok"));

        // A fresh device sees every row once with its last value.
        Database fresh;
        QVERIFY(fresh.open(m_dir.filePath("fresh/device.db")).ok());
        SyncClient other(fresh.connection(), m_dir.filePath("fresh"));
        other.setAutoSync(false);
        other.setServerUrl(QUrl(m_url));
        QSignalSpy login2(&other, &SyncClient::loginFinished);
        other.login("inspector.demo", "demo-password");
        QVERIFY(login2.wait(10000));
        QSignalSpy spy(&other, &SyncClient::roundFinished);
        QVERIFY(other.sync());
        QVERIFY(spy.wait(60000));
        QVERIFY2(spy.first().at(0).toBool(), qPrintable(other.lastError()));
        int found = 0;
        QSqlQuery q(fresh.connection());
        q.exec("SELECT id, name FROM inspection_participants");
        while (q.next()) {
            if (!expected.contains(q.value(0).toString()))
                continue;
            ++found;
            QCOMPARE(q.value(1).toString(), expected.value(q.value(0).toString()));
        }
        QCOMPARE(found, int(expected.size()));
        QCOMPARE(scalar(fresh.connection(), "PRAGMA integrity_check").toString(),
                 QStringLiteral("ok"));
        QVERIFY(m_starts > 3);
    }

    void killRegistryMidRequest()
    {
        if (m_registry.state() != QProcess::NotRunning)
            kill();
        const QString dataDir = m_dir.filePath("registry-mid");
        QDir().mkpath(dataDir);
        QString url = start(dataDir);
        QVERIFY(!url.isEmpty());
        auto portOf = [](const QString &u) { return quint16(QUrl(u).port()); };

        // The registry's committed sequence, read beside it (WAL readers do not block it).
        const QString counterName = QStringLiteral("registry-counter");
        bool counterOpen = false;
        auto closeCounter = [&]() {
            if (counterOpen)
                QSqlDatabase::removeDatabase(counterName);
            counterOpen = false;
        };
        auto counter = [&]() -> qint64 {
            if (!counterOpen) {
                const QSqlDatabase c = openRegistry(counterName, dataDir);
                if (!c.isOpen())
                    qFatal("registry counter: %s", qPrintable(c.lastError().text()));
                counterOpen = true;
            }
            return scalar(QSqlDatabase::database(counterName),
                          QStringLiteral("SELECT seq FROM registry_counter"))
                .toLongLong();
        };
        // How many of `ids` the registry stored (it must not be running, or be read only).
        auto storedOf = [&](const QStringList &ids) {
            QSqlDatabase c = QSqlDatabase::database(counterName);
            int n = 0;
            QSqlQuery q(c);
            q.prepare(QStringLiteral("SELECT count(*) FROM history WHERE change_id = ?"));
            for (const QString &id : ids) {
                q.addBindValue(id);
                if (q.exec() && q.next())
                    n += q.value(0).toInt();
            }
            return n;
        };

        KillRelay relay;
        relay.init();
        relay.upstream = portOf(url);
        relay.kill = [this]() { kill(); };
        relay.committedSeq = counter;

        // Batches of 500 (the client's default is larger): 24 kills inside big batches, cheaply.
        constexpr int kBatch = 500;
        struct Device {
            Database db;
            std::unique_ptr<SyncClient> client;
            QStringList alive;        // rows it inserted and did not delete
            QSet<QString> rows;       // every row it inserted
            QStringList changes;      // every change it wrote, as the registry names it
            qint64 outboxSeq = 0;     // the last outbox entry already in `changes`
            bool replayFirst = false; // its last armed push was stored whole (reply lost)
            QSqlDatabase c() const { return db.connection(); }
        };
        std::vector<std::unique_ptr<Device>> devices;
        auto round = [](Device &d) {
            QSignalSpy spy(d.client.get(), &SyncClient::roundFinished);
            if (!d.client->sync())
                return false;
            if (!spy.wait(60000))
                qFatal("round did not finish");
            return spy.first().at(0).toBool();
        };
        for (int i = 0; i < 3; ++i) {
            auto d = std::make_unique<Device>();
            QVERIFY(d->db.open(m_dir.filePath(QStringLiteral("mid%1/device.db").arg(i))).ok());
            d->client = std::make_unique<SyncClient>(
                d->db.connection(), m_dir.filePath(QStringLiteral("mid%1").arg(i)));
            d->client->setAutoSync(false);
            d->client->setBatchSize(kBatch);
            d->client->setServerUrl(QUrl(relay.url()));
            d->client->setTimeoutMs(30000);
            QSignalSpy login(d->client.get(), &SyncClient::loginFinished);
            d->client->login("inspector.demo", "demo-password");
            QVERIFY(login.wait(10000));
            QVERIFY(login.first().at(0).toBool());
            QVERIFY2(round(*d), qPrintable(d->client->lastError()));
            devices.push_back(std::move(d));
        }
        const QStringList inspections = newDrafts(devices.front()->c(), 5);
        QCOMPARE(inspections.size(), 5);
        for (auto &d : devices) // the drafts go up, and every device pulls them
            QVERIFY2(round(*d), qPrintable(d->client->lastError()));

        std::mt19937 rng(20240612);
        const QStringList words{"cụm",  "công", "nghiệp", "kiểm", "tra",   "hạ",   "tầng",
                                "nước", "thải", "đường",  "điện", "phòng", "cháy", "xã"};
        auto text = [&](int n) {
            QStringList w;
            for (int i = 0; i < n; ++i)
                w << words.at(int(rng() % words.size()));
            return w.join(QLatin1Char(' '));
        };
        auto pending = [](Device &d) {
            return scalar(d.c(), "SELECT count(*) FROM outbox WHERE rejected_code IS NULL").toInt();
        };
        // One wave of work: inserts of sizeable rows, edits and deletes of the device's own rows.
        auto addWork = [&](Device &d) {
            RecordWriter w(d.c());
            Transaction tx(d.c());
            for (int i = 0; i < 150; ++i) {
                QString id;
                if (w.insert("inspection_participants",
                             {{"inspection_id", inspections.at(int(rng() % inspections.size()))},
                              {"name", QStringLiteral("Người %1").arg(text(3))},
                              {"position_title", text(15)},
                              {"agency", text(60)}},
                             &id)
                        .failed())
                    return false;
                d.alive << id;
                d.rows.insert(id);
            }
            for (int i = 0; i < 300; ++i)
                if (w.update("inspection_participants", d.alive.at(int(rng() % d.alive.size())),
                             {{"agency", text(50)}, {"position_title", text(10)}})
                        .failed())
                    return false;
            for (int i = 0; i < 50; ++i)
                if (w.softDelete("inspection_participants",
                                 d.alive.takeAt(int(rng() % d.alive.size())))
                        .failed())
                    return false;
            if (tx.commit().failed())
                return false;
            QSqlQuery q(d.c());
            q.prepare("SELECT seq FROM outbox WHERE seq > ? ORDER BY seq");
            q.addBindValue(d.outboxSeq);
            q.exec();
            while (q.next()) {
                d.outboxSeq = q.value(0).toLongLong();
                d.changes << PushChange::changeId(d.client->deviceId(), d.outboxSeq);
            }
            return true;
        };

        QElapsedTimer clock;
        clock.start();
        const int kills = 24;
        QHash<int, int> byMode;
        int partial = 0, rolledBack = 0, whole = 0;
        for (int turn = 0, k = 0; k < kills; ++turn) {
            QVERIFY(turn < 3 * kills);
            Device &d = *devices.at(size_t(turn) % devices.size());
            // A batch stored whole before its reply was lost comes back first as duplicates:
            // let that push through and kill inside the next one, which carries new changes.
            const int skip = d.replayFirst ? 1 : 0;
            while (pending(d) < (skip + 1) * kBatch)
                QVERIFY(addWork(d));
            QStringList batch;
            {
                QSqlQuery q(d.c());
                q.exec(QStringLiteral("SELECT seq FROM outbox WHERE rejected_code IS NULL "
                                      "ORDER BY seq LIMIT %1 OFFSET %2")
                           .arg(kBatch)
                           .arg(skip * kBatch));
                while (q.next())
                    batch << PushChange::changeId(d.client->deviceId(), q.value(0).toLongLong());
            }
            QCOMPARE(batch.size(), kBatch);
            counter();
            const int before = storedOf(batch);

            KillRelay::Plan plan;
            plan.mode = KillRelay::Mode(1 + rng() % 3);
            plan.fraction = double(rng() % 1000) / 1000.0;
            if (plan.mode == KillRelay::Mode::Processing)
                plan.fraction *= 0.8;
            relay.arm(plan, skip);
            const bool ok = round(d);
            QVERIFY2(relay.fired != KillRelay::Mode::Off, "the armed push was not killed");
            QVERIFY(!ok);
            QVERIFY(m_registry.state() == QProcess::NotRunning);
            ++byMode[int(relay.fired)];
            QCOMPARE(scalar(d.c(), "SELECT applying FROM sync_flags").toInt(), 0);
            // Nothing of the killed batch left the outbox: no reply said it was stored.
            for (const QString &id : batch)
                QCOMPARE(scalar(d.c(), QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                                      "seq = %1")
                                           .arg(id.section(QLatin1Char(':'), -1)))
                             .toInt(),
                         1);

            // The registry's file as the kill left it.
            closeCounter();
            {
                const QSqlDatabase c = openRegistry(counterName, dataDir);
                QVERIFY2(c.isOpen(), qPrintable(c.lastError().text()));
                counterOpen = true;
                QVERIFY(registryIntact(c, dataDir));
            }
            const int after = storedOf(batch);
            closeCounter();
            switch (relay.fired) {
            case KillRelay::Mode::Upload:
                QCOMPARE(after, before); // an incomplete request stores nothing
                break;
            case KillRelay::Mode::Processing:
                // Every commit the registry had made before the kill survived it; what it had
                // not committed is gone (a batch in one transaction is stored whole or not at
                // all, a change per transaction leaves a prefix).
                QVERIFY2(after - before >= relay.counted,
                         qPrintable(QStringLiteral("%1 -> %2, %3 committed before the kill")
                                        .arg(before)
                                        .arg(after)
                                        .arg(relay.counted)));
                ++(after == before ? rolledBack : after < batch.size() ? partial : whole);
                break;
            case KillRelay::Mode::Reply:
                QCOMPARE(after, int(batch.size())); // stored whole, the reply lost
                break;
            case KillRelay::Mode::Off:
                break;
            }
            d.replayFirst = relay.fired == KillRelay::Mode::Reply || after == batch.size();
            ++k;

            url = start(dataDir);
            QVERIFY(!url.isEmpty());
            relay.upstream = portOf(url);
        }
        qInfo("kills: %d while uploading, %d while processing (batch rolled back %d, part "
              "stored %d, stored whole %d), %d as the reply started; pushes answered in <= %lld "
              "ms",
              byMode.value(int(KillRelay::Mode::Upload)),
              byMode.value(int(KillRelay::Mode::Processing)), rolledBack, partial, whole,
              byMode.value(int(KillRelay::Mode::Reply)), relay.replyMs);
        qInfo("kill loop: %lld ms", clock.restart());
        QVERIFY(byMode.value(int(KillRelay::Mode::Upload)) >= 4);
        QVERIFY(byMode.value(int(KillRelay::Mode::Processing)) >= 4);
        QVERIFY(byMode.value(int(KillRelay::Mode::Reply)) >= 4);

        // Sync until quiet: everyone pushes, then everyone pulls what the others pushed.
        relay.arm({}, 0);
        for (int pass = 0; pass < 2; ++pass)
            for (auto &d : devices) {
                const int before = d->client->pendingRecords();
                QVERIFY2(round(*d), qPrintable(d->client->lastError()));
                qInfo("final round pass %d: %d pushed, %lld ms", pass, before, clock.restart());
                QCOMPARE(d->client->pendingRecords(), 0);
                QCOMPARE(d->client->rejectedRecords(), 0);
            }
        kill();
        qInfo("final sync: %lld ms", clock.restart());

        QSet<QString> allRows;
        int allChanges = 0;
        for (auto &d : devices) {
            allRows.unite(d->rows);
            allChanges += int(d->changes.size());
            QCOMPARE(scalar(d->c(), "SELECT count(*) FROM outbox").toInt(), 0);
            QCOMPARE(scalar(d->c(), "PRAGMA integrity_check").toString(), QStringLiteral("ok"));
        }
        {
            const QSqlDatabase c = openRegistry(counterName, dataDir);
            QVERIFY2(c.isOpen(), qPrintable(c.lastError().text()));
            counterOpen = true;
            QVERIFY(registryIntact(c, dataDir));
            QCOMPARE(scalar(c, "SELECT count(*) FROM (SELECT change_id FROM history GROUP BY "
                               "change_id HAVING count(*) > 1) AS twice")
                         .toInt(),
                     0);
            // Each change made on a device is in the history exactly once, from that device.
            QHash<QString, QString> history; // change_id -> device
            QSqlQuery q(c);
            q.exec("SELECT change_id, device_id FROM history");
            while (q.next())
                history.insert(q.value(0).toString(), q.value(1).toString());
            int fromDevices = 0;
            for (auto &d : devices) {
                const QString device = d->client->deviceId();
                for (const QString &id : d->changes)
                    QVERIFY2(history.value(id) == device, qPrintable(id));
                for (auto it = history.begin(); it != history.end(); ++it)
                    fromDevices += it.value() == device ? 1 : 0;
            }
            QCOMPARE(fromDevices, allChanges + int(inspections.size())); // and the drafts
            // The registry's current rows equal every device's rows.
            QHash<QString, QPair<qint64, QJsonObject>> records;
            q.exec("SELECT row_id, seq, deleted, row_json FROM records WHERE entity = "
                   "'inspection_participants'");
            while (q.next()) {
                if (!allRows.contains(q.value(0).toString()))
                    continue;
                QJsonObject row = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
                QCOMPARE(q.value(2).toInt() != 0,
                         asText(row.value("deleted_at")) != QLatin1String("<null>"));
                records.insert(q.value(0).toString(), {q.value(1).toLongLong(), row});
            }
            QCOMPARE(records.size(), allRows.size());
            for (auto &d : devices) {
                QSqlQuery r(d->c());
                r.exec("SELECT * FROM inspection_participants");
                const QSqlRecord rec = r.record();
                int seen = 0;
                while (r.next()) {
                    const QString id = r.value("id").toString();
                    if (!allRows.contains(id))
                        continue;
                    ++seen;
                    const auto stored = records.value(id);
                    QCOMPARE(r.value("sync_seq").toLongLong(), stored.first);
                    for (int i = 0; i < rec.count(); ++i) {
                        const QString col = rec.fieldName(i);
                        if (col == QLatin1String("sync_seq"))
                            continue;
                        QCOMPARE(asText(r.value(i)), asText(stored.second.value(col)));
                    }
                }
                QCOMPARE(seen, allRows.size());
            }
            QVERIFY(allChanges >= devices.size() * 2 * kBatch);
            qInfo("%d changes from %d devices, %d rows", allChanges, int(devices.size()),
                  int(allRows.size()));
        }
        closeCounter();
    }
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_synckill.moc"
