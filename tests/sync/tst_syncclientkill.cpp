// SIGKILL the real device process (syncdevice, a SyncClient on a real device database) while it
// pulls from the real ccn-registry, many times at seeded page counts, then let it finish. After
// every kill: the database passes PRAGMA integrity_check, sync_flags.applying is 0, the stored
// pull cursor never went backwards nor behind a page the process said it committed, the rows on
// the device are exactly the registry's rows up to that cursor (nothing missing, nothing ahead,
// nothing twice), and the outbox holds only changes written on the device. At the end the device
// holds exactly what a device that was never killed holds, and every local change is on the
// registry once.
#include "outboxtriggers.h"
#include "pushchange.h"
#include "syncclient.h"
#include "synctestutil.h"
#include "transaction.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <random>

using namespace synctest;

namespace {
const char *const kUser = "inspector.demo";
const char *const kPassword = "demo-password";
const int kPageSize = 20;
const int kKills = 24;

// table/id -> (sync_seq, every column as text). *duplicates counts ids seen twice.
// search_text is derived on the device from the row and its children (an inspection's from its
// participants): part way through a pull it differs from the finished device's, so it is
// compared only at the end (`withDerived`), as a set of words (group_concat follows the order in
// which the device stored the children, and rows written on the device come first there).
using Snapshot = QHash<QString, QPair<qint64, QString>>;

Snapshot snapshot(QSqlDatabase db, int *duplicates, bool withDerived = false)
{
    Snapshot out;
    for (const QString &table : OutboxTriggers::syncedTables(db)) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT * FROM %1").arg(table)))
            qFatal("snapshot %s: %s", qPrintable(table), qPrintable(q.lastError().text()));
        const QSqlRecord rec = q.record();
        const int idCol = rec.indexOf(QStringLiteral("id"));
        const int seqCol = rec.indexOf(QStringLiteral("sync_seq"));
        while (q.next()) {
            QStringList cols;
            for (int i = 0; i < rec.count(); ++i) {
                QString v = q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString();
                if (rec.fieldName(i) == QLatin1String("search_text")) {
                    if (!withDerived)
                        continue;
                    QStringList words = v.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                    words.sort();
                    v = words.join(QLatin1Char(' '));
                }
                cols << v;
            }
            const QString key = table + QLatin1Char('/') + q.value(idCol).toString();
            if (out.contains(key))
                ++*duplicates;
            out.insert(key, {q.value(seqCol).toLongLong(), cols.join(QLatin1Char('|'))});
        }
    }
    return out;
}

// A plain connection to a device database that no process is using; closed on destruction.
class Peek
{
public:
    explicit Peek(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("open %s: %s", qPrintable(path), qPrintable(db.lastError().text()));
    }
    ~Peek() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }

private:
    QString m_name = QStringLiteral("peek");
};
} // namespace

class TestSyncClientKill : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_registry;
    QString m_url;

    struct Device {
        Database db;
        std::unique_ptr<SyncClient> client;
        QSqlDatabase c() const { return db.connection(); }
    };

    std::unique_ptr<Device> device(const QString &name)
    {
        auto d = std::make_unique<Device>();
        const QString root = m_dir.filePath(name);
        QDir().mkpath(root);
        if (d->db.open(root + QStringLiteral("/device.db")).failed())
            qFatal("open %s", qPrintable(name));
        d->client = std::make_unique<SyncClient>(d->db.connection(), root);
        d->client->setAutoSync(false);
        d->client->setServerUrl(QUrl(m_url));
        d->client->setTimeoutMs(30000);
        QSignalSpy done(d->client.get(), &SyncClient::loginFinished);
        d->client->login(QLatin1String(kUser), QLatin1String(kPassword));
        if (!done.wait(15000) || !done.first().at(0).toBool())
            qFatal("login: %s", qPrintable(d->client->lastError()));
        return d;
    }

    static bool round(Device &d)
    {
        QSignalSpy spy(d.client.get(), &SyncClient::roundFinished);
        if (!d.client->sync())
            return false;
        if (!spy.wait(60000))
            qFatal("round did not finish");
        if (!spy.first().at(0).toBool())
            qWarning("round failed: %s", qPrintable(d.client->lastError()));
        return spy.first().at(0).toBool();
    }

    // The registry's history rows for one change_id (read while it serves; WAL readers do not
    // block it).
    int historyCount(const QString &changeId)
    {
        const QString name = QStringLiteral("registry-peek");
        int n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_dir.filePath("registry/registry.sqlite"));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT count(*) FROM history WHERE change_id = ?"));
                q.addBindValue(changeId);
                if (q.exec() && q.next())
                    n = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return n;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString exe = QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry");
        QVERIFY2(QFileInfo::exists(exe), "ccn-registry is not built");
        QVERIFY(QFileInfo::exists(QStringLiteral(CCN_BINARY_DIR "/tests/syncdevice")));
        QDir().mkpath(m_dir.filePath("registry"));
        QByteArray out;
        m_url = startRegistry(m_registry, exe,
                              {"serve", "--data-dir", m_dir.filePath("registry"), "--port", "0",
                               "--demo", "--fast-hash"},
                              &out);
        QVERIFY2(!m_url.isEmpty(), out.constData());
    }

    void cleanupTestCase() { stopRegistry(m_registry); }

    void killDeviceDuringPulls()
    {
        // Fill the registry: a writer device adds thousands of sizeable rows, edits and deletes
        // some (tombstones travel in the same feed).
        auto writer = device(QStringLiteral("writer"));
        QVERIFY(round(*writer));
        const QStringList inspections = newDrafts(writer->c(), 5);
        QCOMPARE(inspections.size(), 5);
        std::mt19937 rng(20240611);
        const QStringList words{"cụm",  "công", "nghiệp", "kiểm", "tra",   "hạ",   "tầng",
                                "nước", "thải", "đường",  "điện", "phòng", "cháy", "xã"};
        auto text = [&](int n) {
            QStringList w;
            for (int i = 0; i < n; ++i)
                w << words.at(int(rng() % words.size()));
            return w.join(QLatin1Char(' '));
        };
        QStringList written;
        {
            RecordWriter w(writer->c());
            Transaction tx(writer->c());
            for (int i = 0; i < 2400; ++i) {
                QString id;
                QVERIFY(w.insert("inspection_participants",
                                 {{"inspection_id", inspections.at(i % inspections.size())},
                                  {"name", QStringLiteral("Người %1").arg(i)},
                                  {"position_title", text(12)},
                                  {"agency", text(40)}},
                                 &id)
                            .ok());
                written << id;
            }
            for (int i = 0; i < 300; ++i)
                QVERIFY(
                    w.update("inspection_participants", written.at(i * 7), {{"agency", text(30)}})
                        .ok());
            for (int i = 0; i < 60; ++i)
                QVERIFY(w.softDelete("inspection_participants", written.at(i * 11 + 3)).ok());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(round(*writer));
        QCOMPARE(writer->client->pendingRecords(), 0);

        // What a device that is never killed ends up with.
        auto reference = device(QStringLiteral("reference"));
        QVERIFY(round(*reference));
        int dup = 0;
        const Snapshot ref = snapshot(reference->c(), &dup);
        QCOMPARE(dup, 0);
        QVERIFY(ref.size() > 2500);
        QVERIFY(ref.size() / kPageSize > 4 * kKills); // far more pages than the kills use

        const QString exe = QStringLiteral(CCN_BINARY_DIR "/tests/syncdevice");
        const QString root = m_dir.filePath("killed");
        QDir().mkpath(root);
        const QString path = root + QStringLiteral("/device.db");
        const QStringList args{path,
                               root,
                               m_url,
                               QLatin1String(kUser),
                               QLatin1String(kPassword),
                               QString::number(kPageSize)};
        QSet<QString> localChanges; // outbox seqs of the changes written on the killed device
        QSet<QString> localRows;    // table/id of rows inserted there
        qint64 cursor = 0;          // stored cursor after the last kill
        qint64 committed = 0;       // highest cursor the process said it committed
        int kills = 0, runs = 0, midPull = 0;
        bool finished = false;
        while (!finished) {
            QVERIFY2(++runs < 60, "the device never finished");
            // Seeded kill point: after the k-th committed page of this run (0: as soon as the
            // process has opened its database, before login or push).
            const int target = kills >= kKills ? -1 : (kills % 6 == 0 ? 0 : 1 + int(rng() % 4));
            QProcess p;
            p.setProcessChannelMode(QProcess::SeparateChannels);
            p.start(exe, args);
            QVERIFY(p.waitForStarted(10000));
            int pages = 0;
            bool killed = false;
            auto handle = [&](const QByteArray &raw) {
                const QByteArray line = raw.trimmed();
                const QList<QByteArray> parts = line.split(' ');
                if (parts.value(0) == "PAGE") {
                    ++pages;
                    const qint64 c = parts.value(1).toLongLong();
                    if (c < committed)
                        qFatal("the printed cursor went back: %lld < %lld", c, committed);
                    committed = c;
                } else if (parts.value(0) == "DONE") {
                    finished = true;
                } else if (parts.value(0) == "ERROR") {
                    qFatal("syncdevice: %s", line.constData());
                }
                return parts.value(0);
            };
            while (!killed && !finished) {
                if (!p.canReadLine() && !p.waitForReadyRead(60000))
                    break;
                while (!killed && p.canReadLine()) {
                    const QByteArray what = handle(p.readLine());
                    if ((target == 0 && what == "START") || (target > 0 && pages == target)) {
                        p.kill(); // SIGKILL
                        killed = true;
                    }
                }
            }
            p.waitForFinished(30000);
            // Lines printed before the kill still tell what was committed.
            while (p.canReadLine())
                handle(p.readLine());
            handle(p.readAll());
            if (killed) {
                ++kills;
                if (target > 0)
                    ++midPull;
                finished = false;
            } else {
                QVERIFY2(finished, p.readAllStandardError().constData());
                QCOMPARE(p.exitStatus(), QProcess::NormalExit);
                QCOMPARE(p.exitCode(), 0);
            }

            // The database as the kill left it.
            Peek peek(path);
            QSqlDatabase db = peek.db();
            QCOMPARE(scalar(db, "PRAGMA integrity_check").toString(), QStringLiteral("ok"));
            QCOMPARE(scalar(db, "SELECT applying FROM sync_flags").toInt(), 0);
            const qint64 now =
                scalar(db, "SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = "
                           "'pull_cursor'")
                    .toLongLong();
            QVERIFY2(now >= cursor,
                     qPrintable(QStringLiteral("cursor went back: %1 -> %2").arg(cursor).arg(now)));
            QVERIFY2(now >= committed,
                     qPrintable(QStringLiteral("a committed page was lost: cursor %1 < %2")
                                    .arg(now)
                                    .arg(committed)));
            cursor = now;
            {
                QSqlQuery q(db);
                q.exec("SELECT seq FROM outbox");
                while (q.next())
                    QVERIFY2(localChanges.contains(q.value(0).toString()),
                             "a change that was not written on the device is in the outbox");
            }
            int duplicates = 0;
            const Snapshot mine = snapshot(db, &duplicates);
            QCOMPARE(duplicates, 0);
            int expected = 0;
            for (auto it = ref.begin(); it != ref.end(); ++it) {
                if (it.value().first > cursor)
                    continue;
                ++expected;
                QVERIFY2(mine.contains(it.key()),
                         qPrintable(QStringLiteral("%1 (seq %2) missing at cursor %3")
                                        .arg(it.key())
                                        .arg(it.value().first)
                                        .arg(cursor)));
                if (mine.value(it.key()).second != it.value().second) {
                    const QStringList a = mine.value(it.key()).second.split(QLatin1Char('|'));
                    const QStringList b = it.value().second.split(QLatin1Char('|'));
                    for (int i = 0; i < qMax(a.size(), b.size()); ++i)
                        if (a.value(i) != b.value(i))
                            qWarning("%s col %d: %s != %s", qPrintable(it.key()), i,
                                     qPrintable(a.value(i)), qPrintable(b.value(i)));
                }
                QCOMPARE(mine.value(it.key()).second, it.value().second);
            }
            int pulled = 0;
            for (auto it = mine.begin(); it != mine.end(); ++it)
                if (!localRows.contains(it.key()))
                    ++pulled;
            QVERIFY2(pulled == expected,
                     qPrintable(QStringLiteral("%1 rows pulled, %2 expected at cursor %3 (rows "
                                               "ahead of the cursor)")
                                    .arg(pulled)
                                    .arg(expected)
                                    .arg(cursor)));

            // Now and then the inspector writes a row between two runs: it travels up first and
            // must not be lost or sent twice; pulled rows must never reach the outbox.
            if (!finished && kills % 5 == 2) {
                const QString inspection =
                    scalar(db, "SELECT id FROM inspections WHERE deleted_at IS NULL AND status = "
                               "'draft' ORDER BY id LIMIT 1")
                        .toString();
                if (!inspection.isEmpty()) {
                    RecordWriter w(db);
                    QString id;
                    QVERIFY(w.insert("inspection_participants",
                                     {{"inspection_id", inspection},
                                      {"name", QStringLiteral("Tại chỗ %1").arg(kills)},
                                      {"agency", text(20)}},
                                     &id)
                                .ok());
                    localRows.insert(QStringLiteral("inspection_participants/") + id);
                    QSqlQuery q(db);
                    q.prepare("SELECT seq FROM outbox WHERE row_id = ?");
                    q.addBindValue(id);
                    QVERIFY(q.exec() && q.next());
                    localChanges.insert(q.value(0).toString());
                }
            }
        }
        QVERIFY2(kills >= 20, qPrintable(QString::number(kills)));
        QVERIFY2(midPull >= 15, qPrintable(QString::number(midPull)));
        QVERIFY(!localChanges.isEmpty());
        qInfo("%d kills (%d after a committed page) in %d runs", kills, midPull, runs);

        // The end: the same rows as a device that was never killed, local rows included.
        QVERIFY(round(*reference));
        int dupRef = 0;
        const Snapshot finalRef = snapshot(reference->c(), &dupRef, true);
        QCOMPARE(dupRef, 0);
        {
            Peek peek(path);
            int duplicates = 0;
            const Snapshot mine = snapshot(peek.db(), &duplicates, true);
            QCOMPARE(duplicates, 0);
            QCOMPARE(mine.size(), finalRef.size());
            for (auto it = finalRef.begin(); it != finalRef.end(); ++it) {
                QVERIFY2(mine.contains(it.key()), qPrintable(it.key()));
                QCOMPARE(mine.value(it.key()), it.value());
            }
            for (const QString &row : localRows)
                QVERIFY2(finalRef.contains(row), qPrintable(row));
            QCOMPARE(scalar(peek.db(), "SELECT count(*) FROM outbox").toInt(), 0);
            QCOMPARE(scalar(peek.db(), "PRAGMA integrity_check").toString(), QStringLiteral("ok"));
        }
        // The registry names a change by its device and outbox seq.
        QString deviceId;
        {
            Peek peek(path);
            deviceId = scalar(peek.db(), "SELECT value FROM sync_state WHERE key = 'device_id'")
                           .toString();
        }
        QVERIFY(!deviceId.isEmpty());
        for (const QString &change : localChanges)
            QCOMPARE(historyCount(PushChange::changeId(deviceId, change.toLongLong())), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncClientKill)
#include "tst_syncclientkill.moc"
