// RegistryStore + ChangeMerger: the merge rules of PROTOCOL.md, table-driven from
// tests/fixtures/sync/merge/*.json, plus idempotence, history, scope and index use.
// Runs against SQLite, and against PostgreSQL with CCN_TEST_BACKEND=postgres.
#include "compactjson.h"
#include "protocolversion.h"
#include "registrypull.h"
#include "registryrejections.h"
#include "registrystore.h"
#include "registrytestbackend.h"
#include "uuid7.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <QSemaphore>
#include <QThread>

#include <algorithm>
#include <functional>
#include <tuple>

namespace {
Principal device(const QString &name)
{
    Principal p;
    p.userId = QStringLiteral("u-") + name;
    p.username = name;
    p.role = QStringLiteral("supervisor");
    p.provinceId = QStringLiteral("p1");
    p.deviceId = QStringLiteral("device-") + name;
    return p;
}

Principal scoped(const QString &name, const char *role, const QStringList &clusters = {},
                 const char *province = "p1")
{
    Principal p = device(name);
    p.role = QString::fromLatin1(role);
    p.clusters = clusters;
    p.provinceId = QString::fromLatin1(province);
    return p;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

int count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.exec(sql);
    return q.next() ? q.value(0).toInt() : -1;
}

// A store of its own on the same database, on a thread (a second registry process, or a CLI
// command beside the server): opened before the caller begins the transaction it holds, then
// given its work while that transaction is open. waitUntilBlocked returns once the work waits
// for the caller's transaction: on PostgreSQL, once a session of this database waits for a lock;
// on SQLite, whose waiting cannot be seen, after 300 ms (a store's BEGIN IMMEDIATE waits up to
// its busy timeout there).
class Beside
{
public:
    Beside(const QString &dir, const QString &url)
    {
        m_thread.reset(QThread::create([this, dir, url] {
            RegistryStore store;
            m_result = store.open(dir, url);
            m_opened.release();
            m_go.acquire();
            if (m_result.ok() && m_work)
                m_result = m_work(store);
        }));
        m_thread->start();
        m_opened.acquire();
    }
    ~Beside()
    {
        if (!m_started)
            m_go.release();
        // A failed test may leave the work waiting for a transaction that cleanup() ends later:
        // the thread is then left to finish on its own rather than destroyed while it runs.
        if (!m_thread->wait(10000))
            m_thread.release();
    }
    CoreError opened() const { return m_result; }
    void run(std::function<CoreError(RegistryStore &)> work)
    {
        m_work = std::move(work);
        m_started = true;
        m_go.release();
    }
    bool waitUntilBlocked(RegistryStore &holder)
    {
        if (!holder.isPostgres()) {
            QThread::msleep(300);
            return !m_thread->isFinished();
        }
        for (int i = 0; i < 1000 && !m_thread->isFinished(); ++i) {
            // Inside the holder's transaction the view is a snapshot taken once, unless cleared.
            QSqlQuery q(holder.connection());
            if (q.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()")) &&
                q.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                                      "current_database() AND wait_event_type = 'Lock'")) &&
                q.next() && q.value(0).toInt() > 0)
                return true;
            QThread::msleep(10);
        }
        return false;
    }
    CoreError finish()
    {
        m_thread->wait();
        return m_result;
    }

private:
    std::unique_ptr<QThread> m_thread;
    QSemaphore m_opened, m_go;
    std::function<CoreError(RegistryStore &)> m_work;
    bool m_started = false;
    CoreError m_result;
};
} // namespace

class TestRegistryStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void merge_data();
    void merge();
    void historyAndIdempotenceAreAtomic();
    void pullScopeAndPaging();
    void pullLeavesOutWhatTheDeviceHolds();
    void aPullPageEndsAtItsByteCap();
    void aPullPageReadsAcrossChunks();
    void readScopeMatchesPull();
    void officerScopeFollowsLinksInTheBatch();
    void bigBatchIsWrittenWhole();
    void storedJsonIsTheCompactText();
    void rowInsertedThenChangedInOneBatch();
    void deviceIdWithHalfAPairReplayed();
    void storedRowWithHalfAPairIsStillFound();
    void indexesServePushAndPull();
    void migrationsAreIdempotent();
    void aWatermarkThatCannotBeWrittenIsSaidOnce();
    void aBatchIsNotRefusedByAnotherConnectionsCommit();
    void aPageThatCannotBeReadSaysWhy();
    void aRefusedWriteLeavesNoTransactionOpen();
    void anImportWaitsForAPushInFlight();
    void aConflictIsResolvedOnce();
    void aChoiceMadeOnAnOutdatedViewIsRefused();
    void aChoiceOnAFieldOfARowDeletedSinceIsRefused();
    void aRefusedChangeIsListedForSupervisorsUntilStored();
    void aRefusedNestedValueIsListedCut();
    void refusalsStoredBeforeSchema5AreListed();
    void revokesBeforeSchema11AreInTheHistory();
    void aDeviceListIsCutAndHoldsTheNewestTenEvents();
    void readsThatFailSaySo();
    void aPushThatCannotReadIsNotRefused();
    void communesThatCannotBeReadHideNothing();
    void aDiscardedRefusalLeavesTheListAndItsRowComesBack();
    void aDiscardAnswerTooLargeIsGivenInParts();
    void aConflictSaysWhoWroteEachValue();

private:
    // A user added with `role` in province p1, logged in on a device called `deviceName`.
    Principal loggedIn(const QString &name, const char *role, const QStringList &clusters,
                       const QString &deviceId, const QString &deviceName)
    {
        Principal p = scoped(name, role, clusters);
        QString userId;
        const CoreError added = m_store->addUser(p, "a-long-password", true, &userId);
        const CoreError in = signIn(&p, deviceId, deviceName);
        if (!added.ok() || !in.ok())
            qWarning("%s %s", qPrintable(added.message()), qPrintable(in.message()));
        return p;
    }
    // The registry opened again on the same data (its migrations run again).
    CoreError reopen()
    {
        delete m_store;
        m_store = new RegistryStore;
        return m_store->open(m_dir->path(), m_url);
    }
    // Commune u1 of province p1, linked to cluster c1 (cluster_units cu1): the registry's sequence
    // after the link, 0 if a write failed.
    qint64 linkCommune()
    {
        const QJsonObject commune{{"code", "u1"},       {"name", "Gia Sinh"},
                                  {"level", "commune"}, {"level_label", "Xã"},
                                  {"parent_id", "p1"},  {"valid_from", "2025-07-01"},
                                  {"created_at", 1},    {"updated_at", 1}};
        const QJsonObject link{{"cluster_id", "c1"},
                               {"unit_id", "u1"},
                               {"is_lead", 1},
                               {"created_at", 1},
                               {"updated_at", 1}};
        if (m_store->writeRow("admin_units", "u1", commune, "test", QString()).failed() ||
            m_store->writeRow("cluster_units", "cu1", link, "test", QString()).failed())
            return 0;
        return m_store->serverSeq();
    }
    static Principal officerOfCommune()
    {
        Principal officer = scoped("officer", "local_officer");
        officer.communes = {QStringLiteral("u1")};
        return officer;
    }
    // `*p`, a user added with the password "a-long-password", signs in on device `deviceId`:
    // *p becomes the registry's principal for it.
    CoreError signIn(Principal *p, const QString &deviceId, const QString &deviceName)
    {
        QString token;
        qint64 expires = 0;
        const CoreError e =
            m_store->login(p->username, "a-long-password", deviceId, "key-" + deviceId, deviceName,
                           3600000, p, &token, &expires);
        p->deviceId = deviceId;
        return e;
    }
    // `a` inserts an inspection (`insert`, stored at `base`) and sets its kind; `b` sets it from
    // `base` too: a field conflict, with a's value current.
    void conflictOnKind(const Principal &a, const Principal &b, PushChange *insert, qint64 *base)
    {
        *insert = inspectionIn("c1", 7);
        QList<ChangeResult> results;
        QVERIFY(m_store->push(a, {*insert}, &results).ok());
        *base = results.value(0).seq;
        PushChange edit = inspectionUpdate(insert->rowId, {{"kind", "follow_up"}});
        edit.baseSeq = *base;
        QVERIFY(m_store->push(a, {edit}, &results).ok());
        edit = inspectionUpdate(insert->rowId, {{"kind", "unscheduled"}});
        edit.baseSeq = *base;
        QVERIFY(m_store->push(b, {edit}, &results).ok());
        QCOMPARE(results.value(0).status, QStringLiteral("conflict"));
    }
    // conflictOnKind of devices A and B, listed for `boss`: the one open conflict.
    QJsonObject openConflictOnKind(const Principal &boss, PushChange *insert)
    {
        qint64 base = 0;
        conflictOnKind(device("A"), device("B"), insert, &base);
        const QJsonArray open = m_store->conflicts(boss, false);
        if (open.size() != 1)
            QTest::qFail("not one open conflict", __FILE__, __LINE__);
        return open.at(0).toObject();
    }
    Principal admin()
    {
        Principal boss = device("boss");
        boss.role = "admin";
        return boss;
    }
    QTemporaryDir *m_dir = nullptr;
    RegistryTestBackend m_backend;
    QString m_url;
    RegistryStore *m_store = nullptr;
    qint64 m_changeSeq = 0;
    // Change numbers rise through the test, as a device's outbox seqs do; a fixed one (a fixture's
    // replay) moves the count past it.
    qint64 nextChangeSeq(qint64 fixed = 0)
    {
        m_changeSeq = qMax(m_changeSeq, fixed);
        return fixed > 0 ? fixed : ++m_changeSeq;
    }
    // A new inspection in a cluster.
    PushChange inspectionIn(const char *cluster, int startedAt)
    {
        PushChange c;
        c.seq = nextChangeSeq();
        c.entity = "inspections";
        c.rowId = Uuid7::generate();
        c.op = "insert";
        c.fields = QJsonObject{{"cluster_id", QString::fromLatin1(cluster)},
                               {"template_id", "t"},
                               {"kind", "periodic"},
                               {"started_at", startedAt},
                               {"created_at", 1},
                               {"updated_at", 1}};
        return c;
    }
    // An update of these fields of an inspection.
    PushChange inspectionUpdate(const QString &rowId, const QJsonObject &fields)
    {
        PushChange c;
        c.seq = nextChangeSeq();
        c.entity = "inspections";
        c.rowId = rowId;
        c.op = "update";
        c.fields = fields;
        return c;
    }
};

void TestRegistryStore::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(m_backend.setUp(&m_url, &error), qPrintable(error));
    m_store = new RegistryStore;
    const CoreError e = m_store->open(m_dir->path(), m_url);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QCOMPARE(m_store->isPostgres(), RegistryTestBackend::wantsPostgres());
    const QJsonObject province{
        {"code", "37"},          {"name", "Ninh Bình"},        {"level", "province"},
        {"level_label", "Tỉnh"}, {"valid_from", "2025-07-01"}, {"created_at", 1},
        {"updated_at", 1}};
    QVERIFY(m_store->writeRow("admin_units", "p1", province, "test", QString()).ok());
    for (const char *c : {"c1", "c2"}) {
        const QJsonObject cluster{
            {"code", QString::fromLatin1(c)}, {"name", "CCN Gia Sinh"}, {"province_id", "p1"},
            {"status", "operating"},          {"created_at", 1},        {"updated_at", 1}};
        const CoreError ce =
            m_store->writeRow("clusters", QString::fromLatin1(c), cluster, "test", QString());
        QVERIFY2(ce.ok(), qPrintable(ce.message()));
    }
}

void TestRegistryStore::cleanup()
{
    delete m_store;
    m_store = nullptr;
    m_backend.tearDown();
    delete m_dir;
    m_dir = nullptr;
}

void TestRegistryStore::merge_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(CCN_FIXTURES_DIR "/sync/merge"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestRegistryStore::merge()
{
    QFETCH(QString, file);
    const QJsonObject fx = readJson(file);
    QVERIFY2(!fx.isEmpty(), qPrintable(file));
    const QString entity = fx.value("base_entity").toString();
    const QString rowId = Uuid7::generate();
    QList<qint64> seqs;
    // Step @0: the base row, inserted by device A.
    PushChange base;
    base.seq = nextChangeSeq();
    base.entity = entity;
    base.rowId = rowId;
    base.op = "insert";
    base.fields = fx.value("base").toObject();
    const ChangeResult r0 = m_store->push(device("A"), base);
    QVERIFY2(r0.status == "applied", qPrintable(r0.code + ": " + r0.message));
    QVERIFY(r0.asSent); // a new row is the inserting device's row
    seqs << r0.seq;
    int stored = 1;
    const QJsonArray steps = fx.value("steps").toArray();
    for (int i = 0; i < steps.size(); ++i) {
        const QJsonObject s = steps.at(i).toObject();
        PushChange c;
        c.seq = s.contains("change_seq") ? nextChangeSeq(qint64(s.value("change_seq").toDouble()))
                                         : nextChangeSeq();
        c.entity = s.contains("entity") ? s.value("entity").toString() : entity;
        c.rowId = s.contains("row_id") ? s.value("row_id").toString() : rowId;
        c.op = s.value("op").toString();
        const QString b = s.value("base").toString();
        c.baseSeq =
            b.startsWith('@') ? seqs.value(b.mid(1).toInt()) : qint64(s.value("base").toDouble());
        c.fields = s.value("fields").toObject();
        for (auto f = c.fields.begin(); f != c.fields.end(); ++f)
            if (f.value() == QJsonValue("@row")) // a row under the fixture's row names it
                f.value() = rowId;
        Principal who = device(s.value("device").toString());
        if (s.contains("role")) // province-wide in p1 (no clusters assigned)
            who.role = s.value("role").toString();
        const ChangeResult r = m_store->push(who, c);
        const QString step = QStringLiteral("step %1: %2 %3").arg(i + 1).arg(r.code, r.message);
        QCOMPARE(r.status, s.value("expect").toString());
        if (s.contains("code"))
            QVERIFY2(r.code == s.value("code").toString(), qPrintable(step));
        // Stored exactly as the device sent it: the device holds the registry's row (PROTOCOL.md,
        // Push, `own`); a duplicate says so with the version's seq while it is still the row's.
        if (s.contains("as_sent"))
            QVERIFY2(r.asSent == s.value("as_sent").toBool(), qPrintable(step));
        if (s.contains("expect_seq"))
            QVERIFY2(r.seq == seqs.value(s.value("expect_seq").toString().mid(1).toInt()),
                     qPrintable(step));
        if (r.status == "applied" || r.status == "conflict") {
            stored += c.rowId == rowId ? 1 : 0;
            // A change stored now, conflicts included, is the row's newest version: devices
            // pull a conflict's winning values from it (PushBatch keeps the pull cursor before
            // it). A replayed conflict answers its first seq again; no fixture replays one.
            QVERIFY2(r.seq > *std::max_element(seqs.cbegin(), seqs.cend()), qPrintable(step));
        }
        seqs << r.seq;
    }
    const auto row = m_store->row(entity, rowId);
    QVERIFY(row);
    const QJsonObject expected = fx.value("expect_row").toObject();
    for (auto it = expected.begin(); it != expected.end(); ++it)
        QVERIFY2((row->contains(it.key()) ? row->value(it.key()) : QJsonValue(QJsonValue::Null)) ==
                     it.value(),
                 qPrintable(QStringLiteral("%1: got %2")
                                .arg(it.key(), QString::fromUtf8(QJsonDocument(*row).toJson(
                                                   QJsonDocument::Compact)))));
    const bool deleted = !row->value("deleted_at").isNull() && row->contains("deleted_at");
    QCOMPARE(deleted, fx.value("expect_deleted").toBool());
    if (fx.contains("expect_held_by")) {
        QSqlQuery q(m_store->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT clean_device FROM records WHERE row_id = '%1'")
                           .arg(rowId)) &&
                q.next());
        const QJsonValue held = fx.value("expect_held_by");
        QCOMPARE(q.value(0).toString(),
                 held.isNull() ? QString() : device(held.toString()).deviceId);
    }

    Principal admin = device("admin");
    admin.role = "admin";
    QJsonArray conflicts;
    for (const QJsonValue &v : m_store->conflicts(admin, true))
        if (v.toObject().value("row_id").toString() == rowId)
            conflicts.append(v);
    const QJsonArray want = fx.value("expect_conflicts").toArray();
    QCOMPARE(conflicts.size(), want.size());
    for (int i = 0; i < want.size(); ++i) {
        const QJsonObject w = want.at(i).toObject();
        const QJsonObject got = conflicts.at(i).toObject();
        for (auto it = w.begin(); it != w.end(); ++it) {
            const QString k =
                it.key() == "current" || it.key() == "incoming" ? it.key() + "_value" : it.key();
            QVERIFY2(got.value(k) == it.value(), qPrintable(k));
        }
    }
    // Every stored change has exactly one history row.
    QCOMPARE(count(m_store->connection(),
                   QStringLiteral("SELECT COUNT(*) FROM history WHERE row_id = '%1'").arg(rowId)),
             stored);
}

void TestRegistryStore::historyAndIdempotenceAreAtomic()
{
    const QSqlDatabase db = m_store->connection();
    const int history = count(db, "SELECT COUNT(*) FROM history");
    const int outcomes = count(db, "SELECT COUNT(*) FROM push_outcomes");
    PushChange c;
    c.seq = nextChangeSeq();
    c.entity = "inspections";
    c.rowId = Uuid7::generate();
    c.op = "insert";
    c.fields = QJsonObject{{"cluster_id", "c1"}, {"template_id", "t"}, {"kind", "periodic"},
                           {"started_at", 1},    {"created_at", 1},    {"updated_at", 1},
                           {"lat", 200.0}};
    QCOMPARE(m_store->push(device("A"), c).status, QStringLiteral("rejected"));
    QCOMPARE(count(db, "SELECT COUNT(*) FROM history"), history);
    // The rejection is remembered (a replay is looked at again), nothing else.
    QCOMPARE(count(db, "SELECT COUNT(*) FROM push_outcomes"), outcomes + 1);
    QVERIFY(!m_store->row("inspections", c.rowId));
    c.fields.insert("lat", 20.5);
    const qint64 before = m_store->serverSeq();
    const ChangeResult r = m_store->push(device("A"), c);
    QCOMPARE(r.status, QStringLiteral("applied"));
    QCOMPARE(r.seq, before + 1);
    const ChangeResult again = m_store->push(device("A"), c);
    QCOMPARE(again.status, QStringLiteral("duplicate"));
    QCOMPARE(m_store->serverSeq(), r.seq);
    QCOMPARE(count(db, "SELECT COUNT(*) FROM history"), history + 1);
    QCOMPARE(count(db, "SELECT COUNT(*) FROM push_outcomes"), outcomes);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM history WHERE change_id = '%1'")
                           .arg(PushChange::changeId(device("A").deviceId, c.seq))),
             1);
}

// A device that keeps the seqs its push replies name is not sent those versions back; the page
// still moves its cursor past them (up to ten times its limit), even when it holds nothing else.
// Other devices get them.
void TestRegistryStore::pullLeavesOutWhatTheDeviceHolds()
{
    const qint64 before = m_store->serverSeq();
    QList<qint64> seqs;
    QStringList rows;
    for (int i = 0; i < 12; ++i) {
        const PushChange c = inspectionIn("c1", i);
        const ChangeResult r = m_store->push(device("A"), c);
        QVERIFY(r.status == "applied" && r.asSent);
        seqs << r.seq;
        rows << c.rowId;
    }
    PushChange edit; // B edits A's second inspection, having seen it: B holds that version
    edit.seq = nextChangeSeq();
    edit.entity = "inspections";
    edit.rowId = rows.at(1);
    edit.op = "update";
    edit.baseSeq = seqs.at(1);
    edit.fields = QJsonObject{{"findings", "B"}};
    const ChangeResult byB = m_store->push(device("B"), edit);
    QVERIFY(byB.status == "applied" && byB.asSent);

    const auto ids = [](const PullPage &p) {
        QStringList out;
        for (const PulledRow &r : p.rows())
            out << r.rowId + "@" + QString::number(r.seq);
        return out;
    };
    const QString second = edit.rowId + "@" + QString::number(byB.seq);
    // A, one row a page: ten of its own rows are passed over (the second row is now at B's
    // version, further on), the page is empty yet moves on; then the last of its own and B's
    // version of the second row.
    PullPage p = m_store->pull(device("A"), before, 1, true);
    QCOMPARE(p.runs.size(), 0);
    QVERIFY(p.more);
    QCOMPARE(p.next, seqs.at(10));
    p = m_store->pull(device("A"), p.next, 1, true);
    QCOMPARE(ids(p), QStringList{second});
    QVERIFY(!p.more);
    QCOMPARE(p.next, byB.seq);
    // B holds its version: it gets A's other eleven rows. Without the flag, everything.
    QCOMPARE(m_store->pull(device("B"), before, 100, true).rows().size(), 11);
    QCOMPARE(m_store->pull(device("A"), before, 100).rows().size(), 12);
}

// Rows with long notes: a page ends at the row that brings its text to
// ProtocolVersion::maxPullPageRowBytes, whatever the limit, and the next page goes on from there.
void TestRegistryStore::aPullPageEndsAtItsByteCap()
{
    const qint64 before = m_store->serverSeq();
    QStringList pushed;
    for (int i = 0; i < 12; ++i) {
        PushChange c = inspectionIn("c1", i);
        c.fields.insert("findings", QString(900000, QLatin1Char('a' + i)));
        QCOMPARE(m_store->push(device("A"), c).status, QStringLiteral("applied"));
        pushed << c.rowId;
    }
    const Principal admin = scoped("adm", "admin");
    const PullPage first = m_store->pull(admin, before, ProtocolVersion::maxPullLimit);
    // 900,000 characters and the other fields: the tenth row passes 8 MiB.
    QCOMPARE(first.rowCount(), 10);
    QVERIFY(first.more);
    const PullPage second = m_store->pull(admin, first.next, ProtocolVersion::maxPullLimit);
    QCOMPARE(second.rowCount(), 2);
    QVERIFY(!second.more);
    QStringList pulled;
    for (const PullPage *p : {&first, &second})
        for (const PulledRow &r : p->rows()) {
            pulled << r.rowId;
            QCOMPARE(r.row.value("findings").toString().size(), 900000);
        }
    QCOMPARE(pulled, pushed);
}

// On PostgreSQL a page's rows are read RegistryPull::postgresChunkRows at a time: pages that span
// chunks, with and without the device's own rows passed over, hold every row once, in order.
void TestRegistryStore::aPullPageReadsAcrossChunks()
{
    const qint64 before = m_store->serverSeq();
    QList<PushChange> batch;
    QStringList pushed;
    for (int i = 0; i < 2 * RegistryPull::postgresChunkRows + 500; ++i) {
        batch << inspectionIn("c1", i);
        pushed << batch.constLast().rowId;
    }
    QList<ChangeResult> results;
    QVERIFY(m_store->push(device("A"), batch, &results).ok());
    QCOMPARE(results.size(), batch.size());
    for (const ChangeResult &r : results)
        QCOMPARE(r.status, QStringLiteral("applied"));
    QStringList byB;
    for (int i = 0; i < 3; ++i) {
        const PushChange c = inspectionIn("c1", i);
        QCOMPARE(m_store->push(device("B"), c).status, QStringLiteral("applied"));
        byB << c.rowId;
    }
    const Principal admin = scoped("adm", "admin");
    const auto rowIds = [](const PullPage &p) {
        QStringList out;
        for (const PulledRow &r : p.rows())
            out << r.rowId;
        return out;
    };
    const PullPage whole = m_store->pull(admin, before, ProtocolVersion::maxPullLimit);
    QCOMPARE(rowIds(whole), pushed + byB);
    QVERIFY(!whole.more);

    QStringList paged;
    qint64 next = before;
    int pages = 0;
    for (bool more = true; more; ++pages) {
        const PullPage p = m_store->pull(admin, next, 1200);
        paged << rowIds(p);
        more = p.more;
        next = p.next;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(paged, pushed + byB);

    // A holds its 2,500 rows as it sent them: its page passes over them to B's three.
    const PullPage own = m_store->pull(device("A"), before, 300, true);
    QCOMPARE(rowIds(own), byB);
    QVERIFY(!own.more);
    QCOMPARE(own.next, m_store->serverSeq());
}

void TestRegistryStore::pullScopeAndPaging()
{
    // Inspections in c1 and c2; an inspector assigned to c1 sees only c1's and the reference rows.
    for (int i = 0; i < 5; ++i) {
        for (const char *cl : {"c1", "c2"}) {
            QCOMPARE(m_store->push(device("A"), inspectionIn(cl, i)).status,
                     QStringLiteral("applied"));
        }
    }
    const Principal inspector = scoped("insp", "inspector", {"c1"});
    const Principal other = scoped("other", "supervisor", {}, "p2");
    const Principal admin = scoped("adm", "admin");
    const auto all = [&](const Principal &who, int limit) {
        QList<PulledRow> rows;
        qint64 since = 0;
        int pages = 0;
        for (;;) {
            const PullPage p = m_store->pull(who, since, limit);
            rows << p.rows();
            since = p.next;
            ++pages;
            if (!p.more || pages > 100)
                break;
        }
        return rows;
    };
    const QList<PulledRow> forAdmin = all(admin, 3);
    QCOMPARE(forAdmin.size(), 1 + 2 + 10);
    for (int i = 1; i < forAdmin.size(); ++i)
        QVERIFY(forAdmin.at(i).seq > forAdmin.at(i - 1).seq);
    const QList<PulledRow> forInspector = all(inspector, 2);
    QCOMPARE(forInspector.size(), 1 + 1 + 5); // province row, c1, c1's inspections
    for (const PulledRow &r : forInspector)
        QVERIFY(r.entity != "inspections" || r.row.value("cluster_id").toString() == "c1");
    QCOMPARE(all(other, 50).size(), 1); // only the reference row (admin_units)
    // A row appears once, at its latest sequence.
    PushChange upd;
    upd.seq = nextChangeSeq();
    upd.entity = "clusters";
    upd.rowId = "c1";
    upd.op = "update";
    upd.baseSeq = 0;
    upd.fields = QJsonObject{{"notes", "cập nhật"}};
    const ChangeResult r = m_store->push(admin, upd);
    QCOMPARE(r.status, QStringLiteral("applied"));
    const QList<PulledRow> again = all(admin, 1000);
    QCOMPARE(again.size(), forAdmin.size());
    QCOMPARE(again.last().rowId, QStringLiteral("c1"));
    QCOMPARE(again.last().seq, r.seq);
}

void TestRegistryStore::readScopeMatchesPull()
{
    // canRead (photos) and pull must agree for every scope shape, including a row that has a
    // province but no cluster (no entity makes one today; the rule must not depend on that).
    QCOMPARE(m_store->push(device("A"), inspectionIn("c2", 1)).status, QStringLiteral("applied"));
    QSqlQuery q(m_store->connection());
    QVERIFY(q.exec("INSERT INTO records (entity, row_id, seq, row_json, field_meta, province_id) "
                   "VALUES ('clusters', 'province-only', 900000, '{}', '{}', 'p1')"));
    for (const Principal &who :
         {scoped("assigned", "inspector", {"c1"}), scoped("wide", "inspector"),
          scoped("officer", "local_officer", {"c2"}), scoped("sup", "supervisor"),
          scoped("elsewhere", "supervisor", {}, "p2"), scoped("adm", "admin")}) {
        QSet<qint64> pulled;
        for (const PulledRow &r : m_store->pull(who, 0, 100000).rows())
            pulled.insert(r.seq);
        QVERIFY(q.exec("SELECT seq, province_id, cluster_id FROM records"));
        int rows = 0;
        while (q.next()) {
            ++rows;
            const bool readable =
                m_store->canRead(who, q.value(1).toString(), q.value(2).toString());
            QVERIFY2(readable == pulled.contains(q.value(0).toLongLong()),
                     qPrintable(QStringLiteral("%1: row %2 (%3/%4) canRead %5")
                                    .arg(who.username, q.value(0).toString(), q.value(1).toString(),
                                         q.value(2).toString())
                                    .arg(readable)));
        }
        QCOMPARE(rows, 5); // the province, two clusters, the inspection, the province-only row
    }
}

void TestRegistryStore::officerScopeFollowsLinksInTheBatch()
{
    // A local officer's clusters are those linked to their communes. A batch that removes a link
    // takes the cluster out of their hands for the rest of that batch, as a later batch would.
    const qint64 linkSeq = linkCommune();
    QVERIFY(linkSeq > 0);
    const Principal officer = officerOfCommune();
    QVERIFY(m_store->canWrite(officer, "clusters", "p1", "c1"));
    QVERIFY(!m_store->canWrite(officer, "clusters", "p1", "c2"));
    const auto notes = [&](const char *cluster, const char *text) {
        PushChange c;
        c.seq = nextChangeSeq();
        c.entity = "clusters";
        c.rowId = QString::fromLatin1(cluster);
        c.op = "update";
        c.fields = QJsonObject{{"notes", QString::fromUtf8(text)}};
        return c;
    };
    PushChange unlink;
    unlink.seq = nextChangeSeq();
    unlink.entity = "cluster_units";
    unlink.rowId = "cu1";
    unlink.op = "delete";
    unlink.baseSeq = linkSeq; // the officer has seen the link
    unlink.fields = QJsonObject{{"deleted_at", 5}, {"updated_at", 5}};
    const QList<PushChange> batch{notes("c1", "trước"), notes("c2", "không phải của tôi"), unlink,
                                  notes("c1", "sau")};
    QList<ChangeResult> results;
    const CoreError e = m_store->push(officer, batch, &results);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0).status, QStringLiteral("applied"));
    QCOMPARE(results.at(1).code, QStringLiteral("forbidden"));
    QCOMPARE(results.at(2).status, QStringLiteral("applied"));
    QCOMPARE(results.at(3).code, QStringLiteral("forbidden"));
    QCOMPARE(m_store->row("clusters", "c1")->value("notes").toString(), QStringLiteral("trước"));
    QVERIFY(!m_store->canWrite(officer, "clusters", "p1", "c1"));
}

void TestRegistryStore::bigBatchIsWrittenWhole()
{
    // A batch's records and history are written at its end, many rows per statement: 301
    // inspections (a full chunk and a rest of several sizes), one of them edited again later in
    // the same batch, and a participant whose inspection is in the same batch.
    QList<PushChange> batch;
    QStringList ids;
    for (int i = 0; i < 301; ++i) {
        PushChange c;
        c.seq = nextChangeSeq();
        c.entity = "inspections";
        c.rowId = Uuid7::generate();
        c.op = "insert";
        c.fields = QJsonObject{{"cluster_id", i % 2 ? "c1" : "c2"},
                               {"template_id", "t"},
                               {"kind", "periodic"},
                               {"started_at", i},
                               {"created_at", 1},
                               {"updated_at", 1}};
        batch << c;
        ids << c.rowId;
    }
    PushChange edit;
    edit.seq = nextChangeSeq();
    edit.entity = "inspections";
    edit.rowId = ids.at(7);
    edit.op = "update";
    edit.baseSeq = 0;
    edit.fields = QJsonObject{{"findings", "Sửa lại trong cùng lô"}, {"updated_at", 2}};
    batch << edit;
    // Its scope comes from its inspection only, which is stored in this same batch.
    PushChange participant;
    participant.seq = nextChangeSeq();
    participant.entity = "inspection_participants";
    participant.rowId = Uuid7::generate();
    participant.op = "insert";
    participant.fields = QJsonObject{{"inspection_id", ids.at(8)},
                                     {"name", "Lê Văn Minh"},
                                     {"agency", "UBND xã"},
                                     {"created_at", 1},
                                     {"updated_at", 1}};
    batch << participant;
    QList<ChangeResult> results;
    const CoreError e = m_store->push(device("A"), batch, &results);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QVERIFY(results.size() == batch.size());
    for (const ChangeResult &r : results)
        QVERIFY2(r.status == QStringLiteral("applied"),
                 qPrintable(QStringLiteral("%1: %2 %3").arg(r.change).arg(r.status, r.message)));
    const QSqlDatabase db = m_store->connection();
    QCOMPARE(count(db, "SELECT count(*) FROM records WHERE entity = 'inspections'"), 301);
    QCOMPARE(count(db, "SELECT count(*) FROM records WHERE entity = 'inspection_participants' "
                       "AND cluster_id = 'c2'"),
             1);
    QCOMPARE(count(db, "SELECT count(*) FROM history WHERE entity IN ('inspections', "
                       "'inspection_participants')"),
             303);
    // The twice-changed row is stored once, in its final state, at its last sequence.
    const std::optional<QJsonObject> edited = m_store->row("inspections", ids.at(7));
    QVERIFY(edited);
    QCOMPARE(edited->value("findings").toString(), QStringLiteral("Sửa lại trong cùng lô"));
    QCOMPARE(edited->value("started_at").toInt(), 7);
    QSqlQuery q(db);
    q.prepare(
        "SELECT r.seq, (SELECT max(h.seq) FROM history h WHERE h.entity = r.entity AND "
        "h.row_id = r.row_id) FROM records r WHERE r.entity = 'inspections' AND r.row_id = ?");
    q.addBindValue(ids.at(7));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toLongLong(), results.at(301).seq);
    QCOMPARE(q.value(1).toLongLong(), results.at(301).seq);
    // Every stored sequence is distinct and the counter is past the last.
    QCOMPARE(count(db, "SELECT count(DISTINCT seq) FROM history"),
             count(db, "SELECT count(*) FROM history"));
    QCOMPARE(m_store->serverSeq(), results.constLast().seq);
}

void TestRegistryStore::storedJsonIsTheCompactText()
{
    // A pushed row's row_json, field_meta and history fields are text, each the compact JSON of
    // the row, its field meta (a new row's: the change's stamp once, for every field) and the
    // change's fields, byte for byte (on SQLite they are bound as
    // their UTF-8 bytes): Vietnamese text, quotes, control characters and a character outside
    // the BMP (a UTF-16 pair, four UTF-8 bytes) come back as they went in, and a user id that is
    // not there stays NULL.
    PushChange c = inspectionIn("c1", 5);
    c.fields.insert("findings", QStringLiteral("Tường nứt \"nặng\"\n\t\U0001F600"));
    Principal who = device("A");
    who.userId.clear();
    const ChangeResult r = m_store->push(who, c);
    QCOMPARE(r.status, QStringLiteral("applied"));
    const auto text = [](const QJsonObject &o) {
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    QJsonObject row = c.fields;
    row.insert("id", c.rowId);
    const QJsonObject meta{{"*", QJsonArray{double(r.seq), who.deviceId}}};
    const bool pg = m_store->isPostgres();
    QSqlQuery q(m_store->connection());
    q.prepare(pg ? "SELECT row_json, field_meta, 'text', 'text' FROM records WHERE row_id = ?"
                 : "SELECT row_json, field_meta, typeof(row_json), typeof(field_meta) FROM "
                   "records WHERE row_id = ?");
    q.addBindValue(c.rowId);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), text(row));
    QCOMPARE(q.value(1).toString(), text(meta));
    QCOMPARE(q.value(2).toString(), QStringLiteral("text"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("text"));
    q.prepare(pg ? "SELECT fields, 'text', user_id IS NULL FROM history WHERE row_id = ?"
                 : "SELECT fields, typeof(fields), user_id IS NULL FROM history WHERE row_id = ?");
    q.addBindValue(c.rowId);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), text(c.fields));
    QCOMPARE(q.value(1).toString(), QStringLiteral("text"));
    QVERIFY(q.value(2).toBool());
}

void TestRegistryStore::storedRowWithHalfAPairIsStillFound()
{
    // JSON text in an SQLite registry that is not valid UTF-8 (half of a UTF-16 pair, encoded as
    // an old registry could store it) is read as QtSql reads it: the row is found, the half
    // becomes U+FFFD, it is pulled so, and a change merges against the whole row instead of no
    // row or an empty one. PostgreSQL cannot hold such text: it refuses to store it.
    const Principal who = device("A");
    const PushChange insert = inspectionIn("c1", 5);
    QCOMPARE(m_store->push(who, insert).status, QStringLiteral("applied"));
    QJsonObject row = insert.fields;
    row.insert("id", insert.rowId);
    const QByteArray text = QJsonDocument(row).toJson(QJsonDocument::Compact);
    QVERIFY(text.contains("\"template_id\":\"t\""));
    const QByteArray broken =
        QByteArray(text).replace("\"template_id\":\"t\"", "\"template_id\":\"t\xed\xa0\x80\"");
    QSqlQuery q(m_store->connection());
    if (m_store->isPostgres()) {
        q.prepare("UPDATE records SET row_json = convert_from(?, 'UTF8') WHERE row_id = ?");
        q.addBindValue(broken);
        q.addBindValue(insert.rowId);
        QVERIFY(!q.exec());
        QVERIFY2(q.lastError().text().contains(QStringLiteral("UTF8")),
                 qPrintable(q.lastError().text()));
        return;
    }
    q.prepare("UPDATE records SET row_json = CAST(? AS TEXT) WHERE row_id = ?");
    q.addBindValue(broken);
    q.addBindValue(insert.rowId);
    QVERIFY(q.exec());
    QJsonObject pulled;
    for (const PulledRow &r : m_store->pull(device("admin"), 0, 1000).rows())
        if (r.rowId == insert.rowId)
            pulled = r.row;
    QCOMPARE(pulled.value("template_id").toString(), QStringLiteral("t") + QChar(0xfffd));
    QCOMPARE(pulled.value("kind").toString(), QStringLiteral("periodic"));
    const PushChange update = inspectionUpdate(insert.rowId, {{"findings", "Nứt tường"}});
    QList<ChangeResult> results;
    const CoreError e = m_store->push(who, {update}, &results);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].status, QStringLiteral("applied"));
    const auto stored = m_store->row("inspections", insert.rowId);
    QVERIFY(stored);
    QCOMPARE(stored->value("findings").toString(), QStringLiteral("Nứt tường"));
    QCOMPARE(stored->value("template_id").toString(), QStringLiteral("t") + QChar(0xfffd));
    QCOMPARE(stored->value("kind").toString(), QStringLiteral("periodic"));
}

void TestRegistryStore::rowInsertedThenChangedInOneBatch()
{
    // A new row's field meta is not built field by field in a batch: a later change of the same
    // batch still merges against it, and the stored meta (text as QJsonDocument writes it) holds
    // the insert's stamp on each field but the one the second change wrote. A new row no change
    // of the batch touched again holds the insert's stamp once ("*").
    const Principal who = device("A");
    const PushChange insert = inspectionIn("c1", 5);
    const PushChange update = inspectionUpdate(insert.rowId, {{"findings", "Nứt tường"}});
    const PushChange other = inspectionIn("c2", 6);
    QList<ChangeResult> results;
    QVERIFY(m_store->push(who, {insert, update, other}, &results).ok());
    QCOMPARE(results.size(), 3);
    for (const ChangeResult &r : results)
        QCOMPARE(r.status, QStringLiteral("applied"));
    const auto text = [](const QJsonObject &o) {
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    const auto stamps = [&](const PushChange &c, qint64 seq) {
        QJsonObject meta;
        for (auto it = c.fields.begin(); it != c.fields.end(); ++it)
            meta.insert(it.key(), QJsonArray{double(seq), who.deviceId});
        return meta;
    };
    QJsonObject row = insert.fields;
    row.insert("id", insert.rowId);
    row.insert("findings", "Nứt tường");
    QJsonObject meta = stamps(insert, results[0].seq);
    meta.insert("findings", QJsonArray{double(results[1].seq), who.deviceId});
    QJsonObject otherRow = other.fields;
    otherRow.insert("id", other.rowId);
    QSqlQuery q(m_store->connection());
    q.prepare("SELECT row_json, field_meta FROM records WHERE row_id = ?");
    for (const auto &[id, r, m] :
         {std::tuple{insert.rowId, row, meta},
          std::tuple{other.rowId, otherRow,
                     QJsonObject{{"*", QJsonArray{double(results[2].seq), who.deviceId}}}}}) {
        q.bindValue(0, id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), text(r));
        QCOMPARE(q.value(1).toString(), text(m));
    }
}

void TestRegistryStore::deviceIdWithHalfAPairReplayed()
{
    // The batch binds its texts as UTF-8, but one with half of a UTF-16 pair still as UTF-16
    // (QString::toUtf8 would make the half a '?'): a change of a device whose id holds one is
    // stored in the history under the change id that a replay binds and looks for.
    Principal who = device("A");
    who.deviceId = QStringLiteral("device-") + QChar(0xd800);
    const PushChange c = inspectionIn("c1", 5);
    QCOMPARE(m_store->push(who, c).status, QStringLiteral("applied"));
    QCOMPARE(m_store->push(who, c).status, QStringLiteral("duplicate"));
}

void TestRegistryStore::indexesServePushAndPull()
{
    if (!m_store->isPostgres()) {
        // Pages outside SQLite's cache are read through a memory map (registrystore.cpp).
        QSqlQuery mm(m_store->connection());
        QVERIFY(mm.exec("PRAGMA mmap_size") && mm.next());
        QVERIFY2(mm.value(0).toLongLong() >= (qint64(1) << 30), qPrintable(mm.value(0).toString()));
    }
    QSqlQuery q(m_store->connection());
    QString plan;
    if (m_store->isPostgres()) {
        q.exec("SET enable_seqscan = off");
        QVERIFY(q.exec("EXPLAIN SELECT seq, entity, row_id, deleted, row_json FROM records WHERE "
                       "seq > 5 ORDER BY seq LIMIT 100"));
        while (q.next())
            plan += q.value(0).toString() + '\n';
        QVERIFY2(plan.contains("records_seq"), qPrintable(plan));
        plan.clear();
        QVERIFY(q.exec("EXPLAIN SELECT row_json FROM records WHERE entity = 'x' AND row_id = 'y'"));
        while (q.next())
            plan += q.value(0).toString() + '\n';
        QVERIFY2(plan.contains("Index"), qPrintable(plan));
        q.exec("SET enable_seqscan = on");
        // Kept statements are planned with their values: a generic plan made while the table
        // was small would otherwise stay as it grows (the batch look-up read whole entities).
        QVERIFY(q.exec("SHOW plan_cache_mode") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("force_custom_plan"));
    } else {
        QVERIFY(q.exec("EXPLAIN QUERY PLAN SELECT seq, entity, row_id, deleted, row_json FROM "
                       "records WHERE seq > 5 ORDER BY seq LIMIT 100"));
        while (q.next())
            plan += q.value(3).toString() + '\n';
        QVERIFY2(plan.contains("records_seq") && !plan.contains("TEMP B-TREE"), qPrintable(plan));
        plan.clear();
        QVERIFY(q.exec("EXPLAIN QUERY PLAN SELECT change_seq, status, result FROM push_outcomes "
                       "WHERE device_id = 'd' AND change_seq BETWEEN 1 AND 9"));
        while (q.next())
            plan += q.value(3).toString() + '\n';
        QVERIFY2(plan.contains("INDEX"), qPrintable(plan));
    }
}

void TestRegistryStore::migrationsAreIdempotent()
{
    const int v = m_store->schemaVersion();
    QVERIFY(v >= 1);
    QVERIFY(reopen().ok());
    QCOMPARE(m_store->schemaVersion(), v);
    QVERIFY(m_store->row("clusters", "c1"));
}

// The data directory's watermark (SeqWatermark) cannot be read or written (here a directory
// stands in its place): the store opens all the same, says so once for the read and once for the
// writes, not after every commit.
void TestRegistryStore::aWatermarkThatCannotBeWrittenIsSaidOnce()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("registry-watermark.json")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("registry-watermark.*A "
                                                                         "new one is written")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("registry-watermark.*until it can be "
                                                           "written")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("registry-watermark")));
    RegistryStore store;
    const CoreError e = store.open(dir.path(), m_url);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    const QJsonObject cluster{{"code", "W1"},          {"name", "CCN Thử"}, {"province_id", "p1"},
                              {"status", "operating"}, {"created_at", 1},   {"updated_at", 1}};
    for (int i = 0; i < 3; ++i) {
        QTest::qWait(550); // past the half second between attempts
        QVERIFY(store.writeRow("clusters", QStringLiteral("w%1").arg(i), cluster, "test", QString())
                    .ok());
    }
    store.close();
}

void TestRegistryStore::aBatchIsNotRefusedByAnotherConnectionsCommit()
{
    // The server stores from one connection; its commands (add-user, import-clusters, new-epoch)
    // run beside it as other processes on the same database. One of them tries to commit between
    // a batch's first read and its first write: the batch's writes still go through, and the
    // command waits for the batch (SQLite: up to its busy timeout, 50 ms here; PostgreSQL: the
    // counter's lock, until the batch ends).
    const QJsonObject cluster{{"code", "c3"},        {"name", "CCN Khánh Phú"},
                              {"province_id", "p1"}, {"status", "operating"},
                              {"created_at", 1},     {"updated_at", 1}};
    const Principal who = device("A");
    const PushChange inspection = inspectionIn("c1", 7);
    Beside command(m_dir->path(), m_url);
    QVERIFY2(command.opened().ok(), qPrintable(command.opened().message()));
    QVERIFY(m_store->beginBatch().ok());
    QVERIFY(m_store->pull(device("admin"), 0, 10).rowCount() > 0); // read inside the batch
    command.run([cluster](RegistryStore &cli) {
        if (!cli.isPostgres()) {
            QSqlQuery q(cli.connection());
            if (!q.exec(QStringLiteral("PRAGMA busy_timeout = 50")))
                return CoreError(CoreError::Code::Sql, q.lastError().text());
        }
        return cli.writeRow("clusters", "c3", cluster, "cli", QString());
    });
    CoreError meanwhile;
    if (m_store->isPostgres())
        QVERIFY(command.waitUntilBlocked(*m_store));
    else
        meanwhile = command.finish();
    QList<ChangeResult> results;
    // With a deferred BEGIN this fails on SQLite with "database is locked" (SQLITE_BUSY_SNAPSHOT).
    const CoreError pushed = m_store->push(who, {inspection}, &results);
    QVERIFY2(pushed.ok(), qPrintable(pushed.message()));
    QCOMPARE(results.value(0).status, QStringLiteral("applied"));
    QVERIFY(m_store->commitBatch().ok());
    if (m_store->isPostgres())
        meanwhile = command.finish();
    QCOMPARE(meanwhile.ok(), m_store->isPostgres());
    if (meanwhile.failed())
        QVERIFY(m_store->writeRow("clusters", "c3", cluster, "cli", QString()).ok());
    QStringList ids;
    for (const PulledRow &r : m_store->pull(device("admin"), 0, 100).rows())
        ids << r.rowId;
    QVERIFY(ids.contains(QStringLiteral("c3")));
    QVERIFY(ids.contains(inspection.rowId));
}

void TestRegistryStore::aPageThatCannotBeReadSaysWhy()
{
    // A page read after the table went away (a broken restore, a disk fault) is empty, says why,
    // and does not move the cursor; it used to come back as "nothing more" with no error.
    QString why;
    const PullPage before = m_store->pull(device("admin"), 0, 10, false, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(before.rowCount() > 0);
    QSqlQuery q(m_store->connection());
    QVERIFY(q.exec(QStringLiteral("ALTER TABLE records RENAME TO records_away")));
    const PullPage page = m_store->pull(device("admin"), 0, 10, false, &why);
    QVERIFY(!why.isEmpty());
    QCOMPARE(page.rowCount(), 0);
    QCOMPARE(page.next, qint64(0));
    QVERIFY(!page.more);
    QVERIFY(q.exec(QStringLiteral("ALTER TABLE records_away RENAME TO records")));
    why.clear();
    QCOMPARE(m_store->pull(device("admin"), 0, 10, false, &why).rowCount(), before.rowCount());
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestRegistryStore::aRefusedWriteLeavesNoTransactionOpen()
{
    // writeRow reads the stored row inside its own transaction; a row it refuses (a new cluster
    // without its name) ends that transaction: the next write begins its own and is stored.
    QJsonObject cluster{{"code", "c4"},
                        {"province_id", "p1"},
                        {"status", "operating"},
                        {"created_at", 1},
                        {"updated_at", 1}};
    const CoreError refused = m_store->writeRow("clusters", "c4", cluster, "cli", QString());
    QCOMPARE(refused.code(), CoreError::Code::InvalidInput);
    QVERIFY2(refused.message().contains("name"), qPrintable(refused.message()));
    cluster.insert("name", "CCN Yên Lâm");
    const CoreError stored = m_store->writeRow("clusters", "c4", cluster, "cli", QString());
    QVERIFY2(stored.ok(), qPrintable(stored.message()));
    const auto row = m_store->row("clusters", "c4");
    QVERIFY(row);
    QCOMPARE(row->value("name").toString(), QStringLiteral("CCN Yên Lâm"));
}

void TestRegistryStore::anImportWaitsForAPushInFlight()
{
    // A CLI command (an import) changes an inspection's start while the server stores a device's
    // new kind for it. The command must read the row after the push commits: on PostgreSQL it
    // read the committed row first and wrote it back with its own field, so the pushed kind was
    // overwritten with the old one (READ COMMITTED; the counter lock it then waited for came
    // after the read).
    const Principal a = device("A");
    const PushChange insert = inspectionIn("c1", 7);
    QList<ChangeResult> results;
    QVERIFY(m_store->push(a, {insert}, &results).ok());
    PushChange edit = inspectionUpdate(insert.rowId, {{"kind", "follow_up"}});
    edit.baseSeq = results.value(0).seq;
    Beside command(m_dir->path(), m_url);
    QVERIFY2(command.opened().ok(), qPrintable(command.opened().message()));
    QVERIFY(m_store->beginBatch().ok());
    QVERIFY(m_store->push(a, {edit}, &results).ok());
    QCOMPARE(results.value(0).status, QStringLiteral("applied"));
    const QString rowId = insert.rowId;
    command.run([rowId](RegistryStore &cli) {
        return cli.writeRow("inspections", rowId, QJsonObject{{"started_at", 9}}, "cli", QString());
    });
    QVERIFY(command.waitUntilBlocked(*m_store));
    QVERIFY(m_store->commitBatch().ok());
    const CoreError written = command.finish();
    QVERIFY2(written.ok(), qPrintable(written.message()));
    const auto row = m_store->row("inspections", rowId);
    QVERIFY(row);
    QCOMPARE(row->value("started_at").toInt(), 9);
    QCOMPARE(row->value("kind").toString(), QStringLiteral("follow_up"));
}

void TestRegistryStore::aConflictIsResolvedOnce()
{
    // Two supervisors resolve one conflict at once (two registry processes on one database):
    // the second finds it resolved and says so. It used to read the conflict before its
    // transaction, find it open, and write its own choice over the first one's.
    PushChange insert;
    const Principal boss = admin();
    const QString id = openConflictOnKind(boss, &insert).value("id").toString();
    if (QTest::currentTestFailed())
        return;

    // The first supervisor keeps the current value; its transaction is still open.
    Beside second(m_dir->path(), m_url);
    QVERIFY2(second.opened().ok(), qPrintable(second.opened().message()));
    QVERIFY(m_store->beginBatch().ok());
    QSqlQuery q(m_store->connection());
    q.prepare(QStringLiteral("UPDATE conflicts SET resolved_at = 1, resolved_by = 'u-first', "
                             "resolution = 'current' WHERE id = ?"));
    q.addBindValue(id);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    q.finish();
    second.run([id, boss](RegistryStore &other) {
        QJsonObject out;
        return other.resolveConflict(boss, id, "incoming", QJsonValue(), false, -1, &out);
    });
    QVERIFY(second.waitUntilBlocked(*m_store));
    QVERIFY(m_store->commitBatch().ok());
    const CoreError resolved = second.finish();
    QCOMPARE(resolved.code(), CoreError::Code::NotEditable);
    QVERIFY2(resolved.message().contains(QStringLiteral("đã được xử lý")),
             qPrintable(resolved.message()));
    const auto row = m_store->row("inspections", insert.rowId);
    QVERIFY(row);
    QCOMPARE(row->value("kind").toString(), QStringLiteral("follow_up"));
    const QJsonArray all = m_store->conflicts(boss, true);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).toObject().value("resolution").toString(), QStringLiteral("current"));
}

void TestRegistryStore::aChoiceMadeOnAnOutdatedViewIsRefused()
{
    // The list says what the row holds now (live_value, live_seq), beside the value the record
    // kept as current. A tablet writes the field again after the supervisor looked: their choice
    // of the lost value would replace a value they never saw, and is refused with what the row
    // holds now; made again on that view, it is taken.
    PushChange insert;
    const Principal a = device("A");
    const Principal boss = admin();
    QJsonObject seen = openConflictOnKind(boss, &insert);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(seen.value("live_value").toString(), QStringLiteral("follow_up"));
    QCOMPARE(seen.value("live_seq").toDouble(), seen.value("current_seq").toDouble());
    const QString id = seen.value("id").toString();

    QList<ChangeResult> results;
    PushChange later = inspectionUpdate(insert.rowId, {{"kind", "periodic"}});
    later.baseSeq = qint64(seen.value("current_seq").toDouble());
    QVERIFY(m_store->push(a, {later}, &results).ok());
    QCOMPARE(results.value(0).status, QStringLiteral("applied"));

    QJsonObject out;
    const qint64 oldView = qint64(seen.value("live_seq").toDouble());
    CoreError e =
        m_store->resolveConflict(boss, id, "incoming", QJsonValue(), false, oldView, &out);
    QCOMPARE(e.code(), CoreError::Code::Outdated);
    QCOMPARE(out.value("live_value").toString(), QStringLiteral("periodic"));
    QCOMPARE(m_store->row("inspections", insert.rowId)->value("kind").toString(),
             QStringLiteral("periodic"));
    QVERIFY(!m_store->conflicts(boss, true).at(0).toObject().value("resolved").toBool());
    // The list read again shows the tablet's write; the choice made on it is taken.
    seen = m_store->conflicts(boss, false).at(0).toObject();
    QCOMPARE(seen.value("live_value").toString(), QStringLiteral("periodic"));
    e = m_store->resolveConflict(boss, id, "incoming", QJsonValue(), false,
                                 qint64(seen.value("live_seq").toDouble()), &out);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QCOMPARE(m_store->row("inspections", insert.rowId)->value("kind").toString(),
             QStringLiteral("unscheduled"));
}

void TestRegistryStore::aChoiceOnAFieldOfARowDeletedSinceIsRefused()
{
    // A delete writes only deleted_at: the field's live_seq stays where the supervisor saw it.
    // The list says the row is deleted (live_deleted, for field conflicts too), and a choice of
    // the lost value is refused rather than written into a tombstone no tablet shows; keeping the
    // value in use is still taken. Restored, the row takes the choice again.
    PushChange insert;
    const Principal boss = admin();
    const QJsonObject before = openConflictOnKind(boss, &insert);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(before.value("live_deleted"), QJsonValue(false));
    const QString id = before.value("id").toString();
    PushChange del;
    del.seq = nextChangeSeq();
    del.entity = "inspections";
    del.rowId = insert.rowId;
    del.op = "delete";
    del.baseSeq = m_store->serverSeq();
    del.fields = QJsonObject{{"deleted_at", 9000}};
    QCOMPARE(m_store->push(device("A"), del).status, QStringLiteral("applied"));

    const QJsonObject listed = m_store->conflicts(boss, false).at(0).toObject();
    QCOMPARE(listed.value("live_deleted"), QJsonValue(true));
    QCOMPARE(listed.value("live_seq"), before.value("live_seq"));
    const qint64 seen = qint64(listed.value("live_seq").toDouble());
    QJsonObject out;
    CoreError e = m_store->resolveConflict(boss, id, "incoming", QJsonValue(), false, seen, &out);
    QCOMPARE(e.code(), CoreError::Code::Outdated);
    QCOMPARE(out.value("live_deleted"), QJsonValue(true));
    e = m_store->resolveConflict(boss, id, "value", QJsonValue("periodic"), true, seen, &out);
    QCOMPARE(e.code(), CoreError::Code::Outdated);
    QCOMPARE(m_store->row("inspections", insert.rowId)->value("kind").toString(),
             QStringLiteral("follow_up"));
    QVERIFY(!m_store->conflicts(boss, true).at(0).toObject().value("resolved").toBool());

    // Brought back (an edit_vs_delete resolved, an admin's write): the row shows the choice.
    QVERIFY(m_store
                ->writeRow("inspections", insert.rowId, {{"deleted_at", QJsonValue::Null}}, "test",
                           QString())
                .ok());
    e = m_store->resolveConflict(boss, id, "incoming", QJsonValue(), false, seen, &out);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QCOMPARE(m_store->row("inspections", insert.rowId)->value("kind").toString(),
             QStringLiteral("unscheduled"));
}

QTEST_GUILESS_MAIN(TestRegistryStore)
#include "tst_registrystore.moc"

// A change refused for want of another row waits on its device; the device's user is told, after
// a week, to ask a supervisor. The supervisor reads here who waits, for which row, since when and
// how many times it was tried; a change stored at last leaves the list.
void TestRegistryStore::aRefusedChangeIsListedForSupervisorsUntilStored()
{
    Principal inspector = scoped("insp", "inspector", {"c1", "c9"});
    QString userId;
    QVERIFY(m_store->addUser(inspector, "a-long-password", true, &userId).ok());
    const CoreError in = signIn(&inspector, "tablet-7", "Máy tính bảng 7");
    QVERIFY2(in.ok(), qPrintable(in.message()));
    const Principal supervisor = scoped("sup", "supervisor");
    const Principal elsewhere = scoped("sup2", "supervisor", {}, "p2");
    const Principal admin = scoped("adm", "admin");

    // An inspection of a cluster the registry does not have yet, and one of a kind it refuses.
    const PushChange waiting = inspectionIn("c9", 5);
    PushChange invalid = inspectionIn("c1", 6);
    invalid.fields.insert("kind", "bogus");
    // Findings longer than the list shows, a character of two UTF-16 units across the cut.
    invalid.fields.insert("findings", QString(999, 'a') + QStringLiteral("\U0001F600 and more"));
    QList<ChangeResult> results;
    QVERIFY(m_store->push(inspector, {waiting, invalid}, &results).ok());
    QCOMPARE(results.value(0).code, QStringLiteral("unknown_parent"));
    QCOMPARE(results.value(1).code, QStringLiteral("invalid_value"));

    int total = 0;
    QJsonArray listed = m_store->rejections(supervisor, &total);
    QCOMPARE(listed.size(), 2);
    QCOMPARE(total, 2);
    // Cut at its limit, the list says how many there are: the first refused first.
    QCOMPARE(m_store->rejections(supervisor, &total, 1).size(), 1);
    QCOMPARE(total, 2);
    QCOMPARE(m_store->rejections(supervisor, &total, 1).at(0).toObject().value("change_seq"),
             QJsonValue(double(waiting.seq)));
    // And at its size in bytes: the first always, the next only if it fits.
    const qsizetype bothBytes = CompactJson::object(listed.at(0).toObject()).size() +
                                CompactJson::object(listed.at(1).toObject()).size();
    QCOMPARE(m_store->rejections(supervisor, &total, RegistryStore::listLimit, 1).size(), 1);
    QCOMPARE(total, 2);
    QCOMPARE(
        m_store->rejections(supervisor, &total, RegistryStore::listLimit, bothBytes - 1).size(), 1);
    QCOMPARE(m_store->rejections(supervisor, &total, RegistryStore::listLimit, bothBytes).size(),
             2);
    QJsonObject w = listed.at(0).toObject();
    QCOMPARE(w.value("change_seq").toInteger(), waiting.seq);
    QCOMPARE(w.value("entity").toString(), QStringLiteral("inspections"));
    QCOMPARE(w.value("row_id").toString(), waiting.rowId);
    QCOMPARE(w.value("op").toString(), QStringLiteral("insert"));
    QCOMPARE(w.value("code").toString(), QStringLiteral("unknown_parent"));
    QVERIFY(w.value("waits_for_another_row").toBool());
    QVERIFY(!w.value("message").toString().isEmpty());
    QCOMPARE(w.value("username").toString(), QStringLiteral("insp"));
    QCOMPARE(w.value("device_name").toString(), QStringLiteral("Máy tính bảng 7"));
    QCOMPARE(w.value("attempts").toInt(), 1);
    const qint64 first = w.value("first_at").toInteger();
    QVERIFY(first > 0);
    QCOMPARE(w.value("last_at").toInteger(), first);
    // The values each change carried are kept with its refusal; a long text is listed cut.
    QCOMPARE(w.value("fields").toObject(), waiting.fields);
    QCOMPARE(w.value("fields_cut").toBool(), false);
    const QJsonObject v = listed.at(1).toObject();
    QCOMPARE(v.value("code").toString(), QStringLiteral("invalid_value"));
    QVERIFY(!v.value("waits_for_another_row").toBool());
    QCOMPARE(v.value("fields").toObject().value("kind").toString(), QStringLiteral("bogus"));
    QCOMPARE(v.value("fields").toObject().value("findings").toString(),
             QString(999, 'a') + QChar(0x2026));
    QCOMPARE(v.value("fields_cut").toBool(), true);
    QJsonObject uncut = v.value("fields").toObject();
    uncut.insert("findings", invalid.fields.value("findings"));
    QCOMPARE(uncut, invalid.fields);
    QCOMPARE(RegistryRejections::shownTextLength, 1000);

    // Only the supervisors of the user's province and admins see them.
    QCOMPARE(m_store->rejections(admin).size(), 2);
    QCOMPARE(m_store->rejections(elsewhere).size(), 0);
    QCOMPARE(m_store->rejections(inspector).size(), 0);

    // Sent again and refused again: counted, first time kept.
    QTest::qWait(5);
    QVERIFY(m_store->push(inspector, {waiting}, &results).ok());
    QCOMPARE(results.value(0).code, QStringLiteral("unknown_parent"));
    w = m_store->rejections(supervisor).at(0).toObject();
    QCOMPARE(w.value("attempts").toInt(), 2);
    QCOMPARE(w.value("first_at").toInteger(), first);
    QVERIFY(w.value("last_at").toInteger() > first);

    // The cluster arrives; the change goes again and is stored: it leaves the list.
    const QJsonObject cluster{{"code", "c9"},        {"name", "CCN Khánh Phú"},
                              {"province_id", "p1"}, {"status", "operating"},
                              {"created_at", 1},     {"updated_at", 1}};
    QVERIFY(m_store->writeRow("clusters", "c9", cluster, "test", QString()).ok());
    QVERIFY(m_store->push(inspector, {waiting}, &results).ok());
    QCOMPARE(results.value(0).status, QStringLiteral("applied"));
    listed = m_store->rejections(supervisor);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value("code").toString(), QStringLiteral("invalid_value"));
}

// A refused change may carry arrays and objects (columns the registry does not know): one whose
// JSON is longer than the list shows is listed as that JSON, cut; a short one as it came.
void TestRegistryStore::aRefusedNestedValueIsListedCut()
{
    const Principal inspector =
        loggedIn("insp", "inspector", {"c1"}, "tablet-7", "Máy tính bảng 7");
    PushChange odd = inspectionIn("c1", 5);
    QJsonArray longList;
    for (int i = 0; i < 400; ++i)
        longList.append(QStringLiteral("mục %1").arg(i));
    const QJsonObject longObject{{"ghi_chú", QString(2000, 'b')}};
    const QJsonArray shortList{1, 2, 3};
    odd.fields.insert("extra_list", longList);
    odd.fields.insert("extra_object", longObject);
    odd.fields.insert("extra_short", shortList);
    QList<ChangeResult> results;
    QVERIFY(m_store->push(inspector, {odd}, &results).ok());
    QCOMPARE(results.value(0).code, QStringLiteral("unknown_field"));

    const QJsonObject listed = m_store->rejections(scoped("sup", "supervisor")).at(0).toObject();
    QVERIFY(listed.value("fields_cut").toBool());
    const QJsonObject fields = listed.value("fields").toObject();
    const int n = RegistryRejections::shownTextLength;
    const QString listText =
        QString::fromUtf8(QJsonDocument(longList).toJson(QJsonDocument::Compact));
    QCOMPARE(fields.value("extra_list").toString(), listText.left(n) + QChar(0x2026));
    const QString objectText =
        QString::fromUtf8(QJsonDocument(longObject).toJson(QJsonDocument::Compact));
    QCOMPARE(fields.value("extra_object").toString(), objectText.left(n) + QChar(0x2026));
    QCOMPARE(fields.value("extra_short").toArray(), shortList);
    QCOMPARE(fields.value("kind"), odd.fields.value("kind"));
}

// A device gives up changes the registry refused (POST /api/v1/discards): they leave the
// supervisors' list (kept, with when), and the device gets the registry's version of their rows,
// those its user may read; a row the registry does not hold is not in the answer. Another device
// cannot take this one's refusals off the list; a late copy of a change given up is refused from
// the record, never stored, and stays off the list.
// The answer to a discard request stops before the row that would take it past its size
// (one row at least) and says how many of the changes sent it covers ("handled"): those leave the
// supervisors' list, the rest stay on it until the device sends them again.
void TestRegistryStore::aDiscardAnswerTooLargeIsGivenInParts()
{
    const Principal inspector =
        loggedIn("insp", "inspector", {"c1"}, "tablet-7", "Máy tính bảng 7");
    const Principal supervisor = scoped("sup", "supervisor");
    QList<ChangeResult> results;
    QList<DiscardRequest::Change> sent;
    for (int i = 0; i < 3; ++i) {
        const PushChange insert = inspectionIn("c1", 5 + i);
        QVERIFY(m_store->push(inspector, {insert}, &results).ok());
        PushChange bogus = inspectionUpdate(insert.rowId, {{"kind", "bogus"}});
        bogus.baseSeq = results.value(0).seq;
        QVERIFY(m_store->push(inspector, {bogus}, &results).ok());
        QCOMPARE(results.value(0).code, QStringLiteral("invalid_value"));
        sent.append({bogus.seq, "inspections", insert.rowId});
    }
    int total = -1;
    QCOMPARE(m_store->rejections(supervisor, &total).size(), 3);
    QString error;
    // Room for one row only: the first change is answered.
    PullPage page = m_store->discard(inspector, sent, &error, 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(page.handled, 1);
    QCOMPARE(page.rows().size(), 1);
    QCOMPARE(page.rows().at(0).rowId, sent.at(0).rowId);
    QVERIFY(page.toJson().contains(",\"handled\":1,"));
    QString unread;
    QCOMPARE(PullPage::fromJson(page.toJson(), &unread).handled, 1);
    QVERIFY(unread.isEmpty());
    QCOMPARE(m_store->rejections(supervisor, &total).size(), 2);
    // With the usual room (8 MiB) the other two go together, all answered ("handled" not sent).
    page = m_store->discard(inspector, sent.mid(1), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(page.handled, -1);
    QVERIFY(!page.toJson().contains("handled"));
    QCOMPARE(page.rows().size(), 2);
    QCOMPARE(m_store->rejections(supervisor, &total).size(), 0);
}

void TestRegistryStore::aDiscardedRefusalLeavesTheListAndItsRowComesBack()
{
    const Principal inspector =
        loggedIn("insp", "inspector", {"c1", "c9"}, "tablet-7", "Máy tính bảng 7");
    Principal sameUserElsewhere = inspector;
    QVERIFY(signIn(&sameUserElsewhere, "tablet-8", "Máy tính bảng 8").ok());
    const Principal supervisor = scoped("sup", "supervisor");
    const Principal admin = scoped("adm", "admin");

    const PushChange insert = inspectionIn("c1", 5);
    QList<ChangeResult> results;
    QVERIFY(m_store->push(inspector, {insert}, &results).ok());
    QCOMPARE(results.value(0).status, QStringLiteral("applied"));
    PushChange bogus = inspectionUpdate(insert.rowId, {{"kind", "bogus"}});
    bogus.baseSeq = results.value(0).seq;
    const PushChange orphan = inspectionIn("c9", 6); // a cluster the registry does not have yet
    QVERIFY(m_store->push(inspector, {bogus, orphan}, &results).ok());
    QCOMPARE(results.value(0).code, QStringLiteral("invalid_value"));
    QCOMPARE(results.value(1).code, QStringLiteral("unknown_parent"));
    // The row moves on meanwhile: the device gets its latest version.
    PushChange note = inspectionUpdate(insert.rowId, {{"findings", "Bể lắng đầy bùn"}});
    note.baseSeq = m_store->serverSeq();
    QVERIFY(m_store->push(supervisor, {note}, &results).ok());
    const qint64 latest = results.value(0).seq;
    QVERIFY(latest > 0);
    // A row of a cluster the inspector may not read.
    const PushChange hidden = inspectionIn("c2", 7);
    QVERIFY(m_store->push(admin, {hidden}, &results).ok());
    int total = -1;
    QCOMPARE(m_store->rejections(supervisor, &total).size(), 2);

    const QList<DiscardRequest::Change> both = {{bogus.seq, "inspections", insert.rowId},
                                                {orphan.seq, "inspections", orphan.rowId}};
    // Another device of the same user: its own refusals only (it has none).
    QString error;
    PullPage page = m_store->discard(sameUserElsewhere, both, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_store->rejections(supervisor, &total).size(), 2);

    for (int time = 0; time < 2; ++time) { // the same list again changes nothing more
        page = m_store->discard(
            inspector,
            both + QList<DiscardRequest::Change>{{9999, "inspections", hidden.rowId},
                                                 {bogus.seq, "inspections", insert.rowId}},
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(page.protocol, 2);
        QVERIFY(!page.more);
        const QList<PulledRow> rows = page.rows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).rowId, insert.rowId);
        QCOMPARE(rows.at(0).seq, latest);
        QCOMPARE(page.next, latest);
        QCOMPARE(rows.at(0).row.value("kind").toString(), QStringLiteral("periodic"));
        QCOMPARE(rows.at(0).row.value("findings").toString(), QStringLiteral("Bể lắng đầy bùn"));
        QCOMPARE(m_store->rejections(supervisor, &total).size(), 0);
        QCOMPARE(total, 0);
        QCOMPARE(m_store->rejections(admin).size(), 0);
    }
    // Kept, with when it was given up.
    QCOMPARE(count(m_store->connection(),
                   QStringLiteral("SELECT count(*) FROM push_outcomes WHERE device_id = "
                                  "'tablet-7' AND discarded_at IS NOT NULL")),
             2);

    // A late copy of the request that carried them (the device never sends a change it gave up
    // again): the same refusals, still off the list, and never stored, even when the reason is
    // gone (the cluster the orphan names arrives meanwhile).
    PushChange cluster;
    cluster.seq = nextChangeSeq();
    cluster.entity = "clusters";
    cluster.rowId = "c9";
    cluster.op = "insert";
    cluster.fields = QJsonObject{{"code", "CCN-09"},    {"name", "CCN 9"}, {"province_id", "p1"},
                                 {"status", "planned"}, {"created_at", 1}, {"updated_at", 1}};
    QCOMPARE(m_store->push(admin, cluster).status, QStringLiteral("applied"));
    const qint64 before = m_store->serverSeq();
    QVERIFY(m_store->push(inspector, {bogus, orphan}, &results).ok());
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.value(0).code, QStringLiteral("invalid_value"));
    QCOMPARE(results.value(1).code, QStringLiteral("unknown_parent"));
    QCOMPARE(m_store->serverSeq(), before);
    QCOMPARE(m_store->rejections(supervisor, &total).size(), 0);
    QCOMPARE(count(m_store->connection(),
                   QStringLiteral("SELECT count(*) FROM push_outcomes WHERE device_id = "
                                  "'tablet-7' AND discarded_at IS NOT NULL")),
             2);
    // The orphan itself, as a new change of the device, is stored now.
    PushChange again = orphan;
    again.seq = nextChangeSeq();
    QCOMPARE(m_store->push(inspector, again).status, QStringLiteral("applied"));
}

// A registry of schema 10 with two revoked devices (one revoked by a user, one before schema 10,
// by nobody known) and one in use: migrated to 11, each revoke is the first event of its device's
// history; the device in use has none. A reinstatement after it is the newest.
void TestRegistryStore::revokesBeforeSchema11AreInTheHistory()
{
    Principal inspector = scoped("insp11", "inspector");
    QString userId;
    QVERIFY(m_store->addUser(inspector, "a-long-password", true, &userId).ok());
    for (const char *device : {"tablet-a", "tablet-b", "tablet-c"})
        QVERIFY(signIn(&inspector, device, "Máy").ok());
    Principal admin = scoped("adm11", "admin");
    QVERIFY(m_store->revokeDevice(admin, "tablet-a").ok());
    QVERIFY(m_store->revokeDevice(admin, "tablet-b").ok());
    {
        QSqlQuery q(m_store->connection());
        QVERIFY(q.exec("UPDATE devices SET revoked_by = NULL WHERE device_id = 'tablet-b'"));
        QVERIFY2(q.exec("DROP TABLE device_events"), qPrintable(q.lastError().text()));
        QVERIFY2(q.exec("DROP TABLE device_keys"), qPrintable(q.lastError().text()));
        QVERIFY(q.exec("DELETE FROM registry_migrations WHERE version >= 11"));
    }
    const CoreError e = reopen();
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QVERIFY(m_store->schemaVersion() >= 11);

    QVERIFY(m_store->reinstateDevice(scoped("sup11", "supervisor"), "tablet-a").ok());
    QHash<QString, QJsonArray> history;
    for (const QJsonValue &v : m_store->devices(admin))
        if (v.toObject().value("username") == QLatin1String("insp11"))
            history.insert(v.toObject().value("id").toString(),
                           v.toObject().value("history").toArray());
    QCOMPARE(history.size(), 3);
    const QJsonArray a = history.value("tablet-a");
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.at(0).toObject().value("action").toString(), QStringLiteral("reinstated"));
    QCOMPARE(a.at(0).toObject().value("by").toString(), QStringLiteral("sup11"));
    QCOMPARE(a.at(1).toObject().value("action").toString(), QStringLiteral("revoked"));
    QCOMPARE(a.at(1).toObject().value("by").toString(), QStringLiteral("adm11"));
    const QJsonArray b = history.value("tablet-b");
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.at(0).toObject().value("action").toString(), QStringLiteral("revoked"));
    QVERIFY(b.at(0).toObject().value("by").isNull());
    QVERIFY(b.at(0).toObject().value("at").toDouble() > 0);
    QVERIFY(history.value("tablet-c").isEmpty());
}

// A device's history in the list is its newest ten events, newest first; an admin's long list
// stops at its byte cap (one device at least) and says how many there are.
void TestRegistryStore::aDeviceListIsCutAndHoldsTheNewestTenEvents()
{
    Principal inspector = loggedIn("insp", "inspector", {"c1"}, "tablet-1", "Máy 1");
    for (const char *device : {"tablet-2", "tablet-3"})
        QVERIFY(signIn(&inspector, device, "Máy").ok());
    const Principal admin = scoped("adm", "admin");
    for (int i = 0; i < 6; ++i) {
        QVERIFY(m_store->revokeDevice(admin, "tablet-2").ok());
        QVERIFY(m_store->reinstateDevice(scoped("sup", "supervisor"), "tablet-2").ok());
    }
    QVERIFY(m_store->revokeDevice(admin, "tablet-3").ok());
    CoreError read;
    int total = 0;
    const QJsonArray all = m_store->devices(admin, &read, &total);
    QVERIFY2(read.ok(), qPrintable(read.message()));
    QCOMPARE(all.size(), 3);
    QCOMPARE(total, 3);
    const QJsonArray twelve = all.at(1).toObject().value("history").toArray();
    QCOMPARE(all.at(1).toObject().value("id").toString(), QStringLiteral("tablet-2"));
    QCOMPARE(twelve.size(), 10);
    for (int i = 0; i < twelve.size(); ++i) {
        const QJsonObject e = twelve.at(i).toObject();
        QCOMPARE(e.value("action").toString(),
                 QLatin1String(i % 2 == 0 ? "reinstated" : "revoked"));
        QCOMPARE(e.value("by").toString(), QLatin1String(i % 2 == 0 ? "sup" : "adm"));
        if (i > 0)
            QVERIFY(e.value("at").toDouble() <= twelve.at(i - 1).toObject().value("at").toDouble());
    }
    QCOMPARE(all.at(2).toObject().value("history").toArray().size(), 1);
    QVERIFY(all.at(0).toObject().value("history").toArray().isEmpty());

    const qsizetype first =
        QJsonDocument(all.at(0).toObject()).toJson(QJsonDocument::Compact).size();
    const QJsonArray cut = m_store->devices(admin, &read, &total, first + 10);
    QCOMPARE(cut.size(), 1);
    QCOMPARE(total, 3);
    QCOMPARE(cut.at(0).toObject().value("id").toString(), QStringLiteral("tablet-1"));
    QCOMPARE(m_store->devices(admin, &read, &total, 1).size(), 1);
    QCOMPARE(m_store->devices(inspector, &read, &total).size(), 3);
    QCOMPARE(total, 3);
}

// A database that cannot answer a read (a table gone after a broken restore or a disk fault; on
// PostgreSQL, a lost connection) is said to be that: a sign-in is not "wrong password" (nor a
// failed attempt), a good token not "expired" (the tablet would sign its user out), a list not
// empty, a device or a conflict not "not found".
void TestRegistryStore::readsThatFailSaySo()
{
    Principal inspector = scoped("insp", "inspector", {"c1"});
    QString userId, token;
    qint64 expires = 0;
    QVERIFY(m_store->addUser(inspector, "a-long-password", true, &userId).ok());
    QVERIFY(m_store
                ->login("insp", "a-long-password", "tablet-7", "key-tablet-7", "Máy 7", 3600000,
                        &inspector, &token, &expires)
                .ok());
    const Principal sup = scoped("sup", "supervisor");
    QSqlQuery q(m_store->connection());
    const auto away = [&](const char *table, bool gone) {
        const QString from = QString::fromLatin1(table) + (gone ? "" : "_away");
        const QString to = QString::fromLatin1(table) + (gone ? "_away" : "");
        return q.exec(QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(from, to));
    };
    const auto isReadFailure = [](const CoreError &e) {
        return e.code() == CoreError::Code::Sql && e.message().contains("cơ sở dữ liệu");
    };
    CoreError read;

    QVERIFY(away("tokens", true));
    QVERIFY(!m_store->authenticate(token, &read));
    QVERIFY2(isReadFailure(read), qPrintable(read.message()));
    QVERIFY(away("tokens", false));
    read = {};
    QVERIFY(m_store->authenticate(token, &read));
    QVERIFY(read.ok());

    QVERIFY(away("users", true));
    Principal who;
    CoreError e = m_store->login("insp", "a-long-password", "tablet-7", "key-tablet-7", "Máy 7",
                                 3600000, &who, &token, &expires);
    QVERIFY2(isReadFailure(e), qPrintable(e.message()));
    QVERIFY(m_store->users(&read).isEmpty());
    QVERIFY2(isReadFailure(read), qPrintable(read.message()));
    e = m_store->addUser(scoped("insp2", "inspector"), "a-long-password", true, nullptr);
    QVERIFY2(isReadFailure(e), qPrintable(e.message()));
    QVERIFY(away("users", false));
    read = {};
    QCOMPARE(m_store->users(&read).size(), 1);
    QVERIFY(read.ok());

    QVERIFY(away("device_events", true));
    QVERIFY(m_store->devices(sup, &read).isEmpty());
    QVERIFY2(isReadFailure(read), qPrintable(read.message()));
    QVERIFY(away("device_events", false));
    QVERIFY(away("devices", true));
    e = m_store->revokeDevice(sup, "tablet-7");
    QVERIFY2(isReadFailure(e), qPrintable(e.message()));
    QVERIFY(away("devices", false));
    read = {};
    QCOMPARE(m_store->devices(sup, &read).size(), 1);
    QVERIFY(read.ok());

    QVERIFY(away("conflicts", true));
    QVERIFY(m_store->conflicts(sup, true, nullptr, 10, RegistryStore::listBytes, &read).isEmpty());
    QVERIFY2(isReadFailure(read), qPrintable(read.message()));
    QJsonObject out;
    e = m_store->resolveConflict(sup, "no-such-conflict", "current", QJsonValue(), false, -1, &out);
    QVERIFY2(isReadFailure(e), qPrintable(e.message()));
    QVERIFY(away("conflicts", false));
    QVERIFY(away("push_outcomes", true));
    read = {};
    int total = -1;
    QVERIFY(m_store->rejections(sup, &total, 10, RegistryStore::listBytes, &read).isEmpty());
    QVERIFY2(isReadFailure(read), qPrintable(read.message()));
    QVERIFY(away("push_outcomes", false));
    read = {};
    QVERIFY(m_store->rejections(sup, &total, 10, RegistryStore::listBytes, &read).isEmpty());
    QVERIFY(read.ok());
    QCOMPARE(total, 0);
    e = m_store->resolveConflict(sup, "no-such-conflict", "current", QJsonValue(), false, -1, &out);
    QCOMPARE(e.code(), CoreError::Code::NotFound);
}

// A push whose stored row or parent cannot be read fails as a whole (the device sends it again)
// instead of refusing the change as made on a row the registry does not have (unknown_row,
// unknown_parent): such a refusal would be listed for supervisors and held on the tablet.
void TestRegistryStore::aPushThatCannotReadIsNotRefused()
{
    const Principal inspector = loggedIn("insp", "inspector", {"c1"}, "tablet-7", "Máy 7");
    QList<ChangeResult> results;
    const PushChange inserted = inspectionIn("c1", 5);
    QVERIFY(m_store->push(inspector, {inserted}, &results).ok());
    QCOMPARE(results.value(0).status, QStringLiteral("applied"));
    const PushChange update = inspectionUpdate(inserted.rowId, {{"kind", "follow_up"}});
    const PushChange another = inspectionIn("c1", 6);
    QSqlQuery q(m_store->connection());
    for (const PushChange &c : {update, another}) {
        QVERIFY(q.exec("ALTER TABLE records RENAME TO records_away"));
        results.clear();
        const CoreError e = m_store->push(inspector, {c}, &results);
        QVERIFY(q.exec("ALTER TABLE records_away RENAME TO records"));
        QVERIFY2(e.code() == CoreError::Code::Sql,
                 qPrintable(results.isEmpty() ? e.message() : results.value(0).code));
    }
    // An authoritative write (an import, a resolution) is not told its cluster is missing.
    const QJsonObject marker{{"cluster_id", "c1"}, {"code", "M1"},    {"lat", 20.05},
                             {"lon", 106.05},      {"created_at", 1}, {"updated_at", 1}};
    QVERIFY(q.exec("ALTER TABLE records RENAME TO records_away"));
    const CoreError written = m_store->writeRow("boundary_markers", "m1", marker, "cli", QString());
    QVERIFY(q.exec("ALTER TABLE records_away RENAME TO records"));
    QVERIFY2(written.code() == CoreError::Code::Sql, qPrintable(written.message()));
    QVERIFY(m_store->writeRow("boundary_markers", "m1", marker, "cli", QString()).ok());

    CoreError read;
    QVERIFY(
        m_store->rejections(scoped("adm", "admin"), nullptr, 10, RegistryStore::listBytes, &read)
            .isEmpty());
    QVERIFY(read.ok());
    results.clear();
    QVERIFY(m_store->push(inspector, {update, another}, &results).ok());
    QCOMPARE(results.size(), 2);
    QVERIFY2(results.value(0).status == QLatin1String("applied"),
             qPrintable(results.value(0).message));
    QCOMPARE(results.value(1).status, QStringLiteral("applied"));
    QCOMPARE(m_store->row("inspections", inserted.rowId)->value("kind").toString(),
             QStringLiteral("follow_up"));
}

// A local officer's clusters come from their communes' links: when those cannot be read, a pull
// page fails (the cursor stays; the rows of those clusters would otherwise be passed over for
// good) and a push fails whole (instead of refusing the officer's changes as forbidden).
void TestRegistryStore::communesThatCannotBeReadHideNothing()
{
    QVERIFY(linkCommune() > 0);
    const Principal officer = officerOfCommune();
    QString why;
    const PullPage whole = m_store->pull(officer, 0, 100, false, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(whole.rowCount() > 0);

    PushChange notes;
    notes.seq = nextChangeSeq();
    notes.entity = "clusters";
    notes.rowId = "c1";
    notes.op = "update";
    notes.fields = QJsonObject{{"notes", "Đã kiểm tra"}};
    QSqlQuery q(m_store->connection());
    QVERIFY(q.exec("ALTER TABLE cluster_communes RENAME TO cluster_communes_away"));
    const PullPage page = m_store->pull(officer, 0, 100, false, &why);
    QList<ChangeResult> results;
    const CoreError pushed = m_store->push(officer, {notes}, &results);
    QVERIFY(q.exec("ALTER TABLE cluster_communes_away RENAME TO cluster_communes"));
    QVERIFY(!why.isEmpty());
    QCOMPARE(page.rowCount(), 0);
    QCOMPARE(page.next, qint64(0));
    QVERIFY2(pushed.code() == CoreError::Code::Sql,
             qPrintable(results.isEmpty() ? pushed.message() : results.value(0).code));

    why.clear();
    QCOMPARE(m_store->pull(officer, 0, 100, false, &why).rowCount(), whole.rowCount());
    results.clear();
    QVERIFY(m_store->push(officer, {notes}, &results).ok());
    QCOMPARE(results.value(0).status, QStringLiteral("applied"));
}

// Refusals stored by a registry at schema 4 carry only device, seq, status and result: migration 5
// gives them the device's user and that user's province, so that supervisors see them too.
void TestRegistryStore::refusalsStoredBeforeSchema5AreListed()
{
    Principal inspector = scoped("insp", "inspector", {"c1"});
    QString userId;
    QVERIFY(m_store->addUser(inspector, "a-long-password", true, &userId).ok());
    QVERIFY(signIn(&inspector, "tablet-7", "Máy tính bảng 7").ok());
    QList<ChangeResult> results;
    QVERIFY(m_store->push(inspector, {inspectionIn("c9", 5)}, &results).ok());
    QCOMPARE(results.value(0).code, QStringLiteral("unknown_parent"));

    // Back to schema 4: the columns, index and tables of migrations 5, 6, 9-12 gone, as a registry
    // of last month had it.
    {
        QSqlQuery q(m_store->connection());
        QVERIFY(q.exec("DROP INDEX push_outcomes_rejected"));
        for (const char *column : {"entity", "row_id", "op", "code", "user_id", "province_id",
                                   "first_at", "last_at", "attempts", "discarded_at", "fields"})
            QVERIFY2(q.exec(QStringLiteral("ALTER TABLE push_outcomes DROP COLUMN %1")
                                .arg(QLatin1String(column))),
                     qPrintable(q.lastError().text()));
        QVERIFY2(q.exec("ALTER TABLE devices DROP COLUMN revoked_by"),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec("DROP TABLE device_events"), qPrintable(q.lastError().text()));
        QVERIFY2(q.exec("DROP TABLE device_keys"), qPrintable(q.lastError().text()));
        QVERIFY(q.exec("DELETE FROM registry_migrations WHERE version >= 5"));
    }
    const CoreError e = reopen();
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QVERIFY(m_store->schemaVersion() >= 5);

    const QJsonArray listed = m_store->rejections(scoped("sup", "supervisor"));
    QCOMPARE(listed.size(), 1);
    const QJsonObject w = listed.at(0).toObject();
    QCOMPARE(w.value("username").toString(), QStringLiteral("insp"));
    QCOMPARE(w.value("device_name").toString(), QStringLiteral("Máy tính bảng 7"));
    QCOMPARE(w.value("code").toString(), QStringLiteral("unknown_parent"));
    QVERIFY(w.value("waits_for_another_row").toBool());
    QVERIFY(w.value("first_at").isNull());
    QVERIFY(w.value("fields").isNull()); // not recorded before schema 9
    QCOMPARE(m_store->rejections(scoped("sup2", "supervisor", {}, "p2")).size(), 0);
}

// The supervisor choosing between a conflict's two values reads who saved each, on which tablet,
// and when the registry stored it; a value the registry wrote itself (an import) has no one.
void TestRegistryStore::aConflictSaysWhoWroteEachValue()
{
    const Principal first = loggedIn("insp", "inspector", {"c1"}, "tablet-7", "Máy tính bảng 7");
    const Principal second = loggedIn("insp2", "inspector", {"c1"}, "tablet-8", "Máy tính bảng 8");
    QVERIFY(!first.userId.isEmpty() && !second.userId.isEmpty());
    const Principal supervisor = scoped("sup", "supervisor");

    PushChange insert;
    qint64 base = 0;
    conflictOnKind(first, second, &insert, &base);
    if (QTest::currentTestFailed())
        return;
    QList<ChangeResult> results;
    PushChange edit;

    QJsonArray listed = m_store->conflicts(supervisor, false);
    QCOMPARE(listed.size(), 1);
    QJsonObject c = listed.at(0).toObject();
    QCOMPARE(c.value("current_value").toString(), QStringLiteral("follow_up"));
    QCOMPARE(c.value("current_username").toString(), QStringLiteral("insp"));
    QCOMPARE(c.value("current_device_name").toString(), QStringLiteral("Máy tính bảng 7"));
    QCOMPARE(c.value("incoming_value").toString(), QStringLiteral("unscheduled"));
    QCOMPARE(c.value("incoming_username").toString(), QStringLiteral("insp2"));
    QCOMPARE(c.value("incoming_device_name").toString(), QStringLiteral("Máy tính bảng 8"));
    const qint64 currentAt = c.value("current_at").toInteger();
    QVERIFY(currentAt > 0);
    QVERIFY(c.value("incoming_at").toInteger() >= currentAt);
    QVERIFY(c.value("created_at").toInteger() >= currentAt);

    // The registry writes the findings itself (a CLI import); the tablet's edit from before
    // that conflicts with a value no one saved on a device.
    QVERIFY(
        m_store
            ->writeRow("inspections", insert.rowId, {{"findings", "Nhập từ tệp"}}, "cli", QString())
            .ok());
    edit = inspectionUpdate(insert.rowId, {{"findings", "Nứt tường"}});
    edit.baseSeq = base;
    QVERIFY(m_store->push(second, {edit}, &results).ok());
    QCOMPARE(results.value(0).status, QStringLiteral("conflict"));
    int total = 0;
    listed = m_store->conflicts(supervisor, false, &total);
    QCOMPARE(listed.size(), 2);
    QCOMPARE(total, 2);
    // A list cut at its limit says how many there are: the oldest first.
    QCOMPARE(m_store->conflicts(supervisor, false, &total, 1).size(), 1);
    QCOMPARE(total, 2);
    QCOMPARE(m_store->conflicts(supervisor, false, &total, 1).at(0).toObject().value("field"),
             QJsonValue("kind"));
    // And one cut at its size in bytes: the first always, the next only if it fits.
    const qsizetype firstBytes = CompactJson::object(listed.at(0).toObject()).size();
    const qsizetype both = firstBytes + CompactJson::object(listed.at(1).toObject()).size();
    QCOMPARE(m_store->conflicts(supervisor, false, &total, RegistryStore::listLimit, 1).size(), 1);
    QCOMPARE(total, 2);
    QCOMPARE(
        m_store->conflicts(supervisor, false, &total, RegistryStore::listLimit, both - 1).size(),
        1);
    QCOMPARE(m_store->conflicts(supervisor, false, &total, RegistryStore::listLimit, both).size(),
             2);
    QVERIFY(m_store->conflicts(scoped("sup2", "supervisor", {}, "p2"), false, &total).isEmpty());
    QCOMPARE(total, 0);
    c = listed.at(1).toObject();
    QCOMPARE(c.value("field").toString(), QStringLiteral("findings"));
    QVERIFY(c.value("current_username").isNull());
    QVERIFY(c.value("current_device_name").isNull());
    QVERIFY(c.value("current_at").toInteger() > 0);
    QCOMPARE(c.value("incoming_username").toString(), QStringLiteral("insp2"));
}
