// Deterministic sync simulation: 22 tablets, each with its own SQLite device database and a clock
// days away from the others, edit shared rows (the same tenants and violations, the same fields and
// different fields), record their own inspections with answers, violations and photos (real JPEGs
// from ../shared/data/photos), answer questions of teammates' inspections too (one answer given on
// two tablets is one row, AnswerId), and delete violations and photos, and supervisors settle the
// conflict records their rounds list (keep the value in use, take the losing one, or type their
// own; SyncClient::resolveConflict through the same faulty network), while the network between
// them and the real RegistryServer (in process on 127.0.0.1, SQLite in a QTemporaryDir, or a fresh
// PostgreSQL database per seed with CCN_TEST_BACKEND=postgres) drops requests and
// replies, duplicates, replays and delays requests, cuts bodies in half (FaultProxy), and the
// registry is killed and restarted on the same data directory (once while a request is in flight,
// once for a stretch of steps). Everything is driven by one seed per data row: seeds 1 to 20 in
// every run, or those CCN_SIM_SEEDS names ("40": 1 to 40; "101-300"; for a longer search).
// After the network heals and every device has synced until quiet:
// - no device has an outbox entry left (nothing rejected, nothing pending) or a photo to upload;
//   inspectors edit tenants now and then (officers' work): refused, and given up by the device at
//   random or when the network heals, the registry takes them off its list of refused changes;
// - every device's synced tables equal the registry's current rows, per table, row and travelling
//   column, and each row's sync_seq is the registry's version of it; PRAGMA integrity_check is
//   ok everywhere;
// - every value any device saved, and every value a supervisor typed to settle a conflict and the
//   registry took, reached the registry (a history entry from that device carries it; a choice
//   that writes is a history entry at the conflict's resolution_seq) and is current, or in a
//   conflict record, or was overwritten by a later change; or was
//   refused and given up, and is kept on its device (discarded_changes) and, when the registry
//   refused it, with that refusal on the registry (push_outcomes.fields); a new row given up so
//   (a teammate's answer to an inspection submitted meanwhile) stays a tombstone on its device
//   alone;
// - no change was stored twice (history has each change_id once; one row per created record);
// - every live photo's bytes are complete on the registry;
// - every kind of fault happened, the registry restarted, and concurrent edits made conflicts;
//   over ten seeds or more, supervisors settled conflicts each of the three ways.
#include "answerid.h"
#include "faultproxy.h"
#include "outboxtriggers.h"
#include "pushchange.h"
#include "registryphotostore.h"
#include "registryserver.h"
#include "registrystore.h"
#include "registrytestbackend.h"
#include "simdevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QtTest>

using namespace synctest;

namespace {
constexpr int kDevices = 22;
constexpr int kSupervisors = 6; // devices 0..5; the others are inspectors (whole province)
constexpr int kSteps = 150;
const QStringList kClusters = {QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3")};
const QStringList kQuestions = {QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q3"),
                                QStringLiteral("q4")};
const QStringList kViolationStatus = {
    QStringLiteral("open"), QStringLiteral("remedying"), QStringLiteral("fixed_reported"),
    QStringLiteral("verified_fixed"), QStringLiteral("escalated")};
const QStringList kTenantStatus = {QStringLiteral("operating"), QStringLiteral("slow"),
                                   QStringLiteral("not_started"),
                                   QStringLiteral("illegal_transfer")};
const QStringList kSeverity = {QStringLiteral("minor"), QStringLiteral("serious"),
                               QStringLiteral("very_serious")};

QString password(int i)
{
    return QStringLiteral("mật-khẩu-%1").arg(i);
}

// Canonical text of a value for comparison (SQLite integers and JSON doubles compare equal).
QString canon(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("<null>");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String:
        return QStringLiteral("s:") + v.toString();
    default:
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
    }
}

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}
} // namespace

class TestSyncSimulation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void simulate_data();
    void simulate();
    // Over ten seeds or more, some tablets answered one question of a teammate's inspection
    // (not every seed happens to).
    void cleanupTestCase()
    {
        if (m_seedsRun < 10)
            return;
        QVERIFY2(m_seedsWithTeamAnswers > 0, "no answer was given on two tablets");
        // Supervisors settled conflicts every way while the network failed.
        qInfo("resolutions taken: current %d, incoming %d, value %d",
              m_resolutions.value(QStringLiteral("current")),
              m_resolutions.value(QStringLiteral("incoming")),
              m_resolutions.value(QStringLiteral("value")));
        for (const char *choice : {"current", "incoming", "value"})
            QVERIFY2(m_resolutions.value(QLatin1String(choice)) > 0, choice);
    }

private:
    bool startRegistry();
    void stopRegistry();
    void seedRegistry();
    void randomEdit(SimDevice &d, QRandomGenerator &rng);
    void randomResolution(SimDevice &d, QRandomGenerator &rng);
    QString pick(const QStringList &list, QRandomGenerator &rng)
    {
        return list.isEmpty() ? QString() : list.at(int(rng.bounded(int(list.size()))));
    }
    QHash<QString, QHash<QString, QJsonObject>> registryRows(const QString &username);
    QString rowStory(const QString &entity, const QString &rowId);

    QString m_regDir;
    QString m_databaseUrl; // empty: SQLite in m_regDir; else PostgreSQL (CCN_TEST_BACKEND)
    std::unique_ptr<RegistryStore> m_store;
    RegistryServer *m_server = nullptr;
    FaultProxy *m_proxy = nullptr;
    int m_restarts = 0;
    int m_counter = 0;
    int m_seedsRun = 0;
    int m_seedsWithTeamAnswers = 0;
    QHash<QString, int> m_resolutions; // choice -> resolutions the registry took, over all seeds
    QStringList m_photos;
    QList<SimWrite> m_log;
};

bool TestSyncSimulation::startRegistry()
{
    m_store = std::make_unique<RegistryStore>();
    const CoreError e = m_store->open(m_regDir, m_databaseUrl);
    if (e.failed()) {
        qWarning("registry: %s", qPrintable(e.message()));
        return false;
    }
    m_server = new RegistryServer(m_store.get(), m_regDir);
    m_server->setFastPasswordHashing(true);
    QString error;
    const quint16 port =
        m_server->listenOn(QHostAddress::LocalHost, 0, QSslConfiguration(), &error);
    if (port == 0) {
        qWarning("registry: %s", qPrintable(error));
        return false;
    }
    m_proxy->setUpstreamPort(port);
    return true;
}

// The registry process dies: its sockets close, its storage is closed without a word.
void TestSyncSimulation::stopRegistry()
{
    delete m_server;
    m_server = nullptr;
    m_store.reset();
}

void TestSyncSimulation::seedRegistry()
{
    const auto write = [&](const char *entity, const QString &id, QJsonObject o) {
        o.insert("created_at", 1);
        o.insert("updated_at", 1);
        const CoreError e = m_store->writeRow(QString::fromLatin1(entity), id, o, "seed", {});
        if (e.failed())
            qFatal("seed %s/%s: %s", entity, qPrintable(id), qPrintable(e.message()));
    };
    write("admin_units", "p1",
          {{"code", "01"},
           {"name", "Tỉnh Một"},
           {"level", "province"},
           {"level_label", "Tỉnh"},
           {"parent_id", QJsonValue::Null},
           {"valid_from", "2025-07-01"},
           {"valid_to", QJsonValue::Null},
           {"deleted_at", QJsonValue::Null}});
    for (int c = 0; c < kClusters.size(); ++c) {
        write("clusters", kClusters[c],
              {{"code", kClusters[c]},
               {"name", QStringLiteral("Cụm công nghiệp %1").arg(c + 1)},
               {"province_id", "p1"},
               {"status", "operating"},
               {"detailed_plan_approved", 0},
               {"wwtp_status", "none"},
               {"wwtp_meets_standard", 0},
               {"wwtp_auto_monitoring", 0},
               {"is_demo", 0},
               {"deleted_at", QJsonValue::Null}});
        for (int t = 0; t < 4; ++t)
            write("tenants", QStringLiteral("%1-t%2").arg(kClusters[c]).arg(t),
                  {{"cluster_id", kClusters[c]},
                   {"name", QStringLiteral("Công ty %1-%2").arg(c).arg(t)},
                   {"status", "operating"},
                   {"foreign_invested", 0},
                   {"workers", 10 * t},
                   {"deleted_at", QJsonValue::Null}});
    }
    write("checklist_templates", "t1",
          {{"code", "KT"},
           {"version", 1},
           {"title", "Kiểm tra định kỳ"},
           {"deleted_at", QJsonValue::Null}});
    write("checklist_sections", "s1",
          {{"template_id", "t1"},
           {"position", 1},
           {"title", "Chung"},
           {"deleted_at", QJsonValue::Null}});
    for (int i = 0; i < kQuestions.size(); ++i)
        write("checklist_questions", kQuestions[i],
              {{"section_id", "s1"},
               {"position", i + 1},
               {"code", kQuestions[i]},
               {"text", QStringLiteral("Câu hỏi %1").arg(i + 1)},
               {"kind", "text"},
               {"required", 0},
               {"deleted_at", QJsonValue::Null}});
    for (int i = 0; i < kDevices; ++i) {
        Principal p;
        p.username = QStringLiteral("tb%1").arg(i);
        p.role = i < kSupervisors ? QStringLiteral("supervisor") : QStringLiteral("inspector");
        p.provinceId = QStringLiteral("p1");
        const CoreError e = m_store->addUser(p, password(i), true, nullptr);
        if (e.failed())
            qFatal("user: %s", qPrintable(e.message()));
    }
}

// One random edit as this device's user may make it.
void TestSyncSimulation::randomEdit(SimDevice &d, QRandomGenerator &rng)
{
    const QString tag = QStringLiteral("d%1-w%2").arg(d.index).arg(++m_counter);
    const int what = int(rng.bounded(100));
    bool ok = true;
    const auto liveViolations = [&]() {
        return d.ids("SELECT id FROM violations WHERE deleted_at IS NULL ORDER BY id");
    };
    const auto ownInspections = [&](bool draftOnly) {
        return d.ids(
            QStringLiteral("SELECT i.id FROM inspections i WHERE i.deleted_at IS NULL "
                           "AND i.inspector_name = '%1' %2 ORDER BY i.id")
                .arg(d.username, draftOnly ? QStringLiteral("AND status = 'draft'") : QString()));
    };
    if (d.isSupervisor()) {
        if (what < 40) { // shared tenants: same fields on several devices
            const QString t = pick(d.ids("SELECT id FROM tenants ORDER BY id"), rng);
            const int field = int(rng.bounded(4));
            QVariantMap v;
            if (field == 0)
                v.insert("name", QStringLiteral("Công ty %1").arg(tag));
            else if (field == 1)
                v.insert("workers", 1000 * d.index + m_counter);
            else if (field == 2)
                v.insert("status", pick(kTenantStatus, rng));
            else
                v.insert("industry", QStringLiteral("ngành %1").arg(tag));
            ok = d.update("tenants", t, v);
        } else if (what < 70) { // shared violations
            const QString v = pick(liveViolations(), rng);
            if (v.isEmpty())
                return;
            if (rng.bounded(2))
                ok = d.update("violations", v,
                              {{"remedy", QStringLiteral("khắc phục %1").arg(tag)}});
            else
                ok = d.update("violations", v, {{"status", pick(kViolationStatus, rng)}});
        } else if (what < 78) { // a supervisor deletes a violation (others may still edit it)
            const QString v = pick(liveViolations(), rng);
            if (!v.isEmpty())
                ok = d.softDelete("violations", v);
        } else { // anyone's inspection: the same field (conclusions) from several devices
            const QString i =
                pick(d.ids("SELECT id FROM inspections WHERE deleted_at IS NULL ORDER BY id"), rng);
            if (i.isEmpty())
                return;
            ok = d.update("inspections", i,
                          {{"conclusions", QStringLiteral("kết luận %1").arg(tag)}});
        }
        QVERIFY2(ok, qPrintable(d.lastError));
        return;
    }
    const QStringList drafts = ownInspections(true);
    if (what < 15 || drafts.isEmpty()) { // a new inspection of its own
        if (ownInspections(false).size() >= 3 && !drafts.isEmpty())
            return;
        QString id;
        const qint64 t = d.now();
        ok = d.insert("inspections",
                      {{"cluster_id", pick(kClusters, rng)},
                       {"template_id", "t1"},
                       {"kind", "periodic"},
                       {"status", "draft"},
                       {"inspector_name", d.username},
                       {"started_at", t},
                       {"findings", QStringLiteral("phát hiện %1").arg(tag)},
                       {"conclusions", ""},
                       {"lat", 21.0 + d.index / 100.0},
                       {"lon", 105.8}},
                      &id);
    } else if (what < 40) { // answers: of its own draft, or of a teammate's (any draft it holds)
        const QStringList team =
            d.ids("SELECT id FROM inspections WHERE deleted_at IS NULL AND status = 'draft' "
                  "ORDER BY id");
        const QString i = what < 28 || team.isEmpty() ? pick(drafts, rng) : pick(team, rng);
        const QString q = pick(kQuestions, rng);
        const QString existing = d.ids(QStringLiteral("SELECT id FROM answers WHERE inspection_id "
                                                      "= '%1' AND question_id = '%2'")
                                           .arg(i, q))
                                     .value(0);
        const QString value = QStringLiteral("trả lời %1").arg(tag);
        if (existing.isEmpty()) {
            QString id;
            // As the app does (InspectionManager::setAnswer): every tablet gives an inspection's
            // answer to a question the same id.
            ok = d.insert("answers",
                          {{"id", AnswerId::of(i, q)},
                           {"inspection_id", i},
                           {"question_id", q},
                           {"value", value}},
                          &id);
        } else {
            ok = d.update("answers", existing, {{"value", value}});
        }
    } else if (what < 52) { // a violation on its own inspection, about a tenant of that cluster
        const QString i = pick(drafts, rng);
        const QString cluster =
            d.scalar(QStringLiteral("SELECT cluster_id FROM inspections WHERE id = '%1'").arg(i))
                .toString();
        QString id;
        ok = d.insert("violations",
                      {{"inspection_id", i},
                       {"cluster_id", cluster},
                       {"tenant_id", QStringLiteral("%1-t%2").arg(cluster).arg(rng.bounded(4))},
                       {"category", "moi_truong"},
                       {"severity", pick(kSeverity, rng)},
                       {"observed", QStringLiteral("vi phạm %1").arg(tag)},
                       {"status", "open"}},
                      &id);
    } else if (what < 72) { // shared violations: status (state machine) or remedy
        const QString v = pick(liveViolations(), rng);
        if (v.isEmpty())
            return;
        if (rng.bounded(2))
            ok = d.update("violations", v, {{"status", pick(kViolationStatus, rng)}});
        else
            ok = d.update("violations", v, {{"remedy", QStringLiteral("khắc phục %1").arg(tag)}});
    } else if (what < 80) { // findings of its own draft
        ok = d.update("inspections", pick(drafts, rng),
                      {{"findings", QStringLiteral("phát hiện %1").arg(tag)}});
    } else if (what < 90) { // a photo of its own draft or of a violation on it
        const QString i = pick(drafts, rng);
        QString violation;
        if (rng.bounded(2))
            violation = pick(d.ids(QStringLiteral("SELECT id FROM violations WHERE inspection_id = "
                                                  "'%1' AND deleted_at IS NULL ORDER BY id")
                                       .arg(i)),
                             rng);
        QString id;
        ok = d.capturePhoto(pick(m_photos, rng), i, violation, QStringLiteral("ảnh %1").arg(tag),
                            &id);
    } else if (what < 94) { // deletes: a photo of its own, or one of its own violations
        const QString photo =
            pick(d.ids(QStringLiteral("SELECT p.id FROM photos p JOIN inspections i ON i.id = "
                                      "p.inspection_id WHERE p.deleted_at IS NULL AND "
                                      "i.inspector_name = '%1' ORDER BY p.id")
                           .arg(d.username)),
                 rng);
        if (!photo.isEmpty() && rng.bounded(2)) {
            ok = d.softDelete("photos", photo);
        } else {
            const QString v = pick(
                d.ids(QStringLiteral("SELECT v.id FROM violations v JOIN inspections i ON i.id = "
                                     "v.inspection_id WHERE v.deleted_at IS NULL AND "
                                     "i.inspector_name = '%1' ORDER BY v.id")
                          .arg(d.username)),
                rng);
            if (!v.isEmpty())
                ok = d.softDelete("violations", v);
        }
    } else if (what < 97) { // an edit its role may not make (a tenant): refused, given up later
        ok = d.update("tenants", pick(d.ids("SELECT id FROM tenants ORDER BY id"), rng),
                      {{"industry", QStringLiteral("ngành %1").arg(tag)}});
    } else { // submits its own draft
        ok = d.update("inspections", pick(drafts, rng),
                      {{"status", "submitted"}, {"submitted_at", d.now()}});
    }
    QVERIFY2(ok, qPrintable(d.lastError));
}

// A supervisor settles one of the conflicts its last round listed: keeps the value in use, takes
// the losing one, or types its own (text fields). Refused (settled meanwhile, written since the
// list was read, the network) is fine: the next round lists what is still open.
void TestSyncSimulation::randomResolution(SimDevice &d, QRandomGenerator &rng)
{
    const QVariantList open = d.client->conflicts();
    if (open.isEmpty())
        return;
    const QVariantMap c = open.at(int(rng.bounded(int(open.size())))).toMap();
    const QString field = c.value(QStringLiteral("field")).toString();
    static const QStringList typed = {QStringLiteral("name"),     QStringLiteral("industry"),
                                      QStringLiteral("remedy"),   QStringLiteral("conclusions"),
                                      QStringLiteral("findings"), QStringLiteral("value")};
    const int pickChoice = int(rng.bounded(3));
    QString choice = pickChoice == 0 ? QStringLiteral("current") : QStringLiteral("incoming");
    QJsonValue value;
    if (pickChoice == 2 && typed.contains(field)) {
        choice = QStringLiteral("value");
        value = QStringLiteral("giám sát %1 chọn %2").arg(d.index).arg(++m_counter);
    }
    if (d.resolve(c, choice, value))
        ++m_resolutions[choice];
}

// The registry's current rows that this user may see (the pull feed from 0): entity -> id -> row.
QHash<QString, QHash<QString, QJsonObject>>
TestSyncSimulation::registryRows(const QString &username)
{
    Principal who;
    for (const Principal &p : m_store->users())
        if (p.username == username)
            who = p;
    QHash<QString, QHash<QString, QJsonObject>> out;
    qint64 since = 0;
    for (;;) {
        const PullPage page = m_store->pull(who, since, 1000);
        for (const PulledRow &r : page.rows()) {
            QJsonObject row = r.row;
            row.insert(QStringLiteral("sync_seq"), double(r.seq)); // the version's sequence
            out[r.entity].insert(r.rowId, row);
        }
        since = page.next;
        if (!page.more)
            break;
    }
    return out;
}

// Everything the registry and the devices know about one row, for a failure message.
QString TestSyncSimulation::rowStory(const QString &entity, const QString &rowId)
{
    QHash<QString, int> index;
    for (const SimWrite &w : std::as_const(m_log))
        index.insert(w.deviceId, w.device);
    const auto who = [&](const QString &id) {
        return index.contains(id) ? QStringLiteral("d%1").arg(index.value(id)) : id;
    };
    QString out = QStringLiteral("--- %1/%2\n").arg(entity, rowId);
    QSqlQuery q(m_store->connection());
    q.prepare("SELECT seq, row_json, field_meta, clean_device FROM records WHERE entity = ? AND "
              "row_id = ?");
    q.addBindValue(entity);
    q.addBindValue(rowId);
    if (q.exec() && q.next())
        out += QStringLiteral("record seq %1 (held as stored by %4): %2\n  meta %3\n")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        who(q.value(3).toString()));
    q.prepare("SELECT seq, change_id, op, device_id, base_seq, fields, status FROM history WHERE "
              "entity = ? AND row_id = ? ORDER BY seq");
    q.addBindValue(entity);
    q.addBindValue(rowId);
    if (q.exec())
        while (q.next())
            out += QStringLiteral("history %1 %2 %3 by %4 base %5: %6 -> %7\n")
                       .arg(q.value(0).toString(), q.value(1).toString().left(8),
                            q.value(2).toString(), who(q.value(3).toString()),
                            q.value(4).toString(), q.value(5).toString(), q.value(6).toString());
    q.prepare("SELECT kind, field, current_value, incoming_value, current_seq, current_device, "
              "incoming_seq, incoming_device, base_seq FROM conflicts WHERE entity = ? AND row_id "
              "= ? ORDER BY incoming_seq");
    q.addBindValue(entity);
    q.addBindValue(rowId);
    if (q.exec())
        while (q.next())
            out +=
                QStringLiteral("conflict %1 %2: current %3 (seq %4 by %5), incoming %6 (seq %7 "
                               "by %8, base %9)\n")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(4).toString(), who(q.value(5).toString()), q.value(3).toString(),
                         q.value(6).toString(), who(q.value(7).toString()), q.value(8).toString());
    for (const SimWrite &w : std::as_const(m_log))
        if (w.entity == entity && w.rowId == rowId)
            out += QStringLiteral("write by d%1: %2 = %3\n")
                       .arg(w.device)
                       .arg(w.field, canon(w.value));
    return out;
}

void TestSyncSimulation::simulate_data()
{
    QTest::addColumn<quint32>("seed");
    quint32 first = 1;
    quint32 last = 20;
    const QString wanted = qEnvironmentVariable("CCN_SIM_SEEDS");
    if (!wanted.isEmpty()) {
        const QStringList range = wanted.split(QLatin1Char('-'));
        bool ok = range.size() <= 2;
        last = ok ? range.last().toUInt(&ok) : 0;
        bool okFirst = true;
        first = range.size() == 2 ? range.first().toUInt(&okFirst) : 1;
        if (!ok || !okFirst || first < 1 || last < first)
            qFatal("CCN_SIM_SEEDS: \"%s\" is neither a count (\"40\") nor a range (\"101-300\")",
                   qPrintable(wanted));
    }
    for (quint32 seed = first; seed <= last; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

void TestSyncSimulation::simulate()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_regDir = dir.filePath("registry");
    QDir().mkpath(m_regDir);
    // A fresh registry database per seed (PostgreSQL: one created for it, dropped at the end).
    RegistryTestBackend backend;
    QString why;
    QVERIFY2(backend.setUp(&m_databaseUrl, &why), qPrintable(why));
    const auto dropRegistry = qScopeGuard([&] {
        stopRegistry();
        backend.tearDown();
    });
    m_log.clear();
    m_counter = 0;
    m_restarts = 0;
    const QString shared = QStringLiteral(CCN_SHARED_DIR "/data/photos/");
    m_photos.clear();
    for (const QString &sub : {QStringLiteral("invalid"), QStringLiteral("gps")})
        for (const QString &f : QDir(shared + sub).entryList({"*.jpg"}, QDir::Files, QDir::Name))
            m_photos << shared + sub + QLatin1Char('/') + f;
    QVERIFY(m_photos.size() >= 6);

    FaultProxy proxy(seed * 7919u + 1u);
    m_proxy = &proxy;
    QVERIFY(startRegistry());
    seedRegistry();
    // The registry is killed while a request is in flight, and comes back on the same data dir.
    proxy.onCrash = [this]() {
        stopRegistry();
        ++m_restarts;
        if (!startRegistry())
            qFatal("registry did not restart");
    };

    std::vector<std::unique_ptr<SimDevice>> devices;
    for (int i = 0; i < kDevices; ++i) {
        // Clocks days apart: -21 .. +21 days, plus up to an hour.
        const qint64 offset = qint64(i - kDevices / 2) * 2 * 86400000 + rng.bounded(3600000);
        devices.push_back(std::make_unique<SimDevice>(
            i, dir.filePath(QStringLiteral("device%1").arg(i)), QStringLiteral("tb%1").arg(i),
            i < kSupervisors ? QStringLiteral("supervisor") : QStringLiteral("inspector"), offset,
            &m_log));
        SimDevice &d = *devices.back();
        d.client->setServerUrl(QUrl(proxy.url()));
        QVERIFY2(d.login(password(i)), qPrintable(d.lastError));
        QVERIFY2(d.round(), qPrintable(d.lastError));
        QCOMPARE(d.scalar("SELECT count(*) FROM tenants").toInt(), 12);
    }

    // The faulty phase; the registry crashes once on a request somewhere in it.
    proxy.setFaultRate(0.3);
    proxy.setCrashFrom(proxy.requests() + 40 + int(rng.bounded(160)));
    const int downAt = kSteps / 2 + int(rng.bounded(kSteps / 4));
    int roundsOk = 0, roundsFailed = 0, givenUp = 0;
    for (int step = 0; step < kSteps; ++step) {
        if (step == downAt) { // down for a stretch of steps, then back on the same data
            stopRegistry();
            proxy.setUpstreamPort(1); // nothing listens there: connection refused
        }
        if (step == downAt + 8) {
            QVERIFY(startRegistry());
            ++m_restarts;
        }
        SimDevice &d = *devices[rng.bounded(kDevices)];
        const int edits = 1 + int(rng.bounded(3));
        for (int e = 0; e < edits; ++e) {
            randomEdit(d, rng);
            if (QTest::currentTestFailed())
                return;
        }
        if (rng.bounded(100) < 60)
            (d.round() ? roundsOk : roundsFailed)++;
        if (rng.bounded(100) < 30)
            givenUp += d.discardRefused();
        if (d.isSupervisor() && rng.bounded(100) < 40)
            randomResolution(d, rng);
    }

    // The network heals: late requests arrive, every device syncs until nothing moves.
    proxy.setFaultRate(0);
    proxy.flushLate();
    QTRY_COMPARE_WITH_TIMEOUT(proxy.inFlight(), 0, 10000);
    // One refused change at least, whatever the seed: an inspector edits a tenant once more.
    {
        SimDevice &inspector = *devices[kSupervisors];
        QVERIFY2(inspector.update("tenants",
                                  inspector.ids("SELECT id FROM tenants ORDER BY id").value(0),
                                  {{"industry", QStringLiteral("ngành sau cùng")}}),
                 qPrintable(inspector.lastError));
    }
    int passes = 0;
    QStringList holding; // what kept devices busy in the last pass: the message if it was the 8th
    for (;; ++passes) {
        QVERIFY2(passes < 8, qPrintable(QStringLiteral("devices did not become quiet: ") +
                                        holding.join(QStringLiteral("; "))));
        holding.clear();
        const qint64 before = m_store->serverSeq();
        for (auto &d : devices) {
            givenUp += d->discardRefused();
            const bool ok = d->round();
            QVERIFY2(ok,
                     qPrintable(QStringLiteral("device %1: %2").arg(d->index).arg(d->lastError)));
            const int refetch = d->scalar("SELECT count(*) FROM refetch_rows").toInt();
            if (d->client->pendingRecords() > 0 || d->client->rejectedRecords() > 0 ||
                d->client->pendingPhotos() > 0 || refetch > 0) {
                QString refused;
                for (const QVariant &v : d->client->rejectedChanges())
                    refused += QString::fromUtf8(
                        QJsonDocument::fromVariant(v).toJson(QJsonDocument::Compact));
                holding << QStringLiteral("device %1: %2 waiting, %3 photos, %4 to fetch, "
                                          "refused %5")
                               .arg(d->index)
                               .arg(d->client->pendingRecords())
                               .arg(d->client->pendingPhotos())
                               .arg(refetch)
                               .arg(refused);
            }
        }
        if (holding.isEmpty() && m_store->serverSeq() == before)
            break;
    }

    // Every kind of fault happened; the registry restarted (in flight, and after a stretch down).
    QString faults;
    for (int f = 0; f < FaultProxy::FateCount; ++f)
        faults += QStringLiteral("%1=%2 ")
                      .arg(FaultProxy::fateName(f))
                      .arg(proxy.count(FaultProxy::Fate(f)));
    qInfo("seed %u: %d writes, %d rounds ok, %d failed, %d quiet passes, %d requests: %s"
          "crashes=%d restarts=%d client_resends=%d",
          seed, int(m_log.size()), roundsOk, roundsFailed, passes + 1, proxy.requests(),
          qPrintable(faults), proxy.crashes(), m_restarts, proxy.clientResends());
    for (int f = 1; f < FaultProxy::FateCount; ++f)
        QVERIFY2(proxy.count(FaultProxy::Fate(f)) > 0, FaultProxy::fateName(f));
    QCOMPARE(proxy.crashes(), 1);
    QCOMPARE(m_restarts, 2);
    QVERIFY(roundsFailed > 0);
    QVERIFY(roundsOk > 0);

    QSqlDatabase reg = m_store->connection();
    const auto regScalar = [&](const QString &sql) {
        QSqlQuery q(reg);
        if (!q.exec(sql) || !q.next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q.value(0);
    };
    const int conflicts = regScalar("SELECT count(*) FROM conflicts").toInt();
    QVERIFY2(conflicts > 0, "concurrent edits of the same fields made no conflict record");
    // A supervisor's choice that wrote (the losing value, or one typed) is a change in the
    // history at the sequence the conflict record names.
    QCOMPARE(regScalar("SELECT count(*) FROM conflicts c WHERE c.resolution IN ('incoming', "
                       "'value') AND NOT EXISTS (SELECT 1 FROM history h WHERE h.seq = "
                       "c.resolution_seq AND h.device_id LIKE 'registry:resolve:%')")
                 .toInt(),
             0);
    qInfo("seed %u: %d conflicts resolved by supervisors", seed,
          regScalar("SELECT count(*) FROM conflicts WHERE resolved_at IS NOT NULL").toInt());
    // Idempotence: each change stored once however often it arrived.
    QCOMPARE(regScalar("SELECT count(*) - count(DISTINCT change_id) FROM history").toInt(), 0);
    // No row created twice by one device (a re-sent insert must never make a second insert).
    // Two devices may each create one row: an answer's id is the same on every tablet
    // (AnswerId), and the second insert is merged as an edit.
    QCOMPARE(regScalar("SELECT count(*) FROM (SELECT entity, row_id FROM history WHERE op = "
                       "'insert' GROUP BY entity, row_id, device_id HAVING count(*) > 1) x")
                 .toInt(),
             0);
    const int teamAnswers =
        regScalar("SELECT count(*) FROM (SELECT row_id FROM history WHERE op = 'insert' AND "
                  "entity = 'answers' GROUP BY row_id HAVING count(*) > 1) x")
            .toInt();
    ++m_seedsRun;
    m_seedsWithTeamAnswers += teamAnswers > 0 ? 1 : 0;
    qInfo("seed %u: %d answers given on two tablets or more", seed, teamAnswers);

    // Each device: nothing left to send, integrity ok, tables equal to the registry's.
    const QStringList tables = OutboxTriggers::syncedTables(devices[0]->db.connection());
    QVERIFY(tables.contains("violations") && tables.contains("photos"));
    int givenUpRows = 0;
    for (auto &d : devices) {
        const QString who = QStringLiteral("device %1").arg(d->index);
        QCOMPARE(d->scalar("SELECT count(*) FROM outbox").toInt(), 0);
        QCOMPARE(d->scalar("PRAGMA integrity_check").toString(), QStringLiteral("ok"));
        QCOMPARE(d->scalar("PRAGMA foreign_key_check").toString(), QString());
        QVERIFY2(d->client->manager().pendingPhotos(d->root).isEmpty(), qPrintable(who));
        QSqlDatabase db = d->db.connection();
        const QHash<QString, QHash<QString, QJsonObject>> visible = registryRows(d->username);
        for (const QString &t : tables) {
            const QHash<QString, QJsonObject> server = visible.value(t);
            const QStringList cols = OutboxTriggers::syncedColumns(db, t);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT %1, sync_seq FROM %2").arg(cols.join(", "), t)));
            int n = 0;
            while (q.next()) {
                const QString id = q.value(0).toString();
                // A new row the registry refused (a teammate's answer to an inspection submitted
                // meanwhile) and its user gave up: a tombstone of this device's alone.
                if (!server.contains(id) &&
                    d->scalar(QStringLiteral("SELECT count(*) FROM discarded_changes WHERE "
                                             "entity = '%1' AND row_id = '%2' AND op = 'insert'")
                                  .arg(t, id))
                            .toInt() > 0 &&
                    !q.isNull(int(cols.indexOf(QStringLiteral("deleted_at"))))) {
                    ++givenUpRows;
                    continue;
                }
                ++n;
                QVERIFY2(
                    server.contains(id),
                    qPrintable(QStringLiteral("%1: %2/%3 is not on the registry").arg(who, t, id)));
                const QJsonObject row = server.value(id);
                for (int c = 0; c < cols.size(); ++c) {
                    const QString local = q.isNull(c) ? canon(QJsonValue::Null)
                                                      : canon(QJsonValue::fromVariant(q.value(c)));
                    const QString remote = canon(row.value(cols[c]));
                    if (local != remote)
                        QFAIL(qPrintable(
                            QStringLiteral("%1: %2/%3.%4 is %5 on the device (version %7, pull "
                                           "cursor %8), %6 on the registry\n%9")
                                .arg(who, t, id, cols[c], local, remote)
                                .arg(q.value(cols.size()).toLongLong())
                                .arg(d->scalar("SELECT value FROM sync_state WHERE key = "
                                               "'pull_cursor'")
                                         .toString(),
                                     rowStory(t, id))));
                }
                // The device knows which version it holds (pulled, or named by a push reply):
                // its next edit is based on it.
                const qint64 version = q.value(cols.size()).toLongLong();
                if (version != qint64(row.value(QStringLiteral("sync_seq")).toDouble()))
                    QFAIL(qPrintable(QStringLiteral("%1: %2/%3 is version %4 on the device, %5 on "
                                                    "the registry\n%6")
                                         .arg(who, t, id)
                                         .arg(version)
                                         .arg(row.value(QStringLiteral("sync_seq")).toDouble())
                                         .arg(rowStory(t, id))));
            }
            QVERIFY2(n == server.size(),
                     qPrintable(QStringLiteral("%1: %2 has %3 rows, the registry %4")
                                    .arg(who, t)
                                    .arg(n)
                                    .arg(server.size())));
        }
    }
    qInfo("seed %u: %d new rows refused and given up, kept on their devices alone", seed,
          givenUpRows);

    // Every row a device created is on the registry once; every value saved is accounted for.
    struct Stored {
        qint64 seq;
        QString device;
        QJsonObject fields;
    };
    QHash<QString, QList<Stored>> history;         // entity/row -> stored changes in seq order
    QHash<QString, QSet<QString>> historyByDevice; // entity/row/field/device -> vals
    {
        QSqlQuery q(reg);
        QVERIFY(q.exec("SELECT seq, entity, row_id, device_id, fields FROM history ORDER BY seq"));
        while (q.next()) {
            const QString key = q.value(1).toString() + '/' + q.value(2).toString();
            const QJsonObject f = parse(q.value(4).toString());
            history[key].append({q.value(0).toLongLong(), q.value(3).toString(), f});
            for (auto it = f.begin(); it != f.end(); ++it)
                historyByDevice[key + '/' + it.key() + '/' + q.value(3).toString()].insert(
                    canon(it.value()));
        }
    }
    QHash<QString, QSet<QString>> conflicted; // entity/row/field/device -> incoming values
    {
        QSqlQuery q(reg);
        QVERIFY(q.exec("SELECT entity, row_id, field, incoming_value, incoming_device, kind FROM "
                       "conflicts"));
        while (q.next()) {
            const QString key = q.value(0).toString() + '/' + q.value(1).toString();
            const QJsonValue incoming = parse(q.value(3).toString()).value("v");
            if (incoming.isObject()) { // edit_vs_delete / delete_vs_edit: the change's fields
                const QJsonObject o = incoming.toObject();
                for (auto it = o.begin(); it != o.end(); ++it)
                    conflicted[key + '/' + it.key() + '/' + q.value(4).toString()].insert(
                        canon(it.value()));
            } else {
                conflicted[key + '/' + q.value(2).toString() + '/' + q.value(4).toString()].insert(
                    canon(incoming));
            }
        }
    }
    // Values of refused changes their users gave up: kept on the device (discarded_changes), and
    // on the registry with the refusal of each change it refused (push_outcomes.fields; a new
    // row's children given up with it may never have been sent).
    QHash<QString, QJsonObject> refusedFields; // "<device>:<seq>" -> the values the change carried
    {
        QSqlQuery q(reg);
        QVERIFY(q.exec("SELECT device_id, change_seq, fields FROM push_outcomes WHERE status = "
                       "'rejected'"));
        while (q.next()) {
            QVERIFY2(!q.isNull(2), "a refusal without the values its change carried");
            refusedFields.insert(
                PushChange::changeId(q.value(0).toString(), q.value(1).toLongLong()),
                parse(q.value(2).toString()));
        }
    }
    QHash<QString, QSet<QString>> discarded; // entity/row/field/device -> values
    int givenUpOnRegistry = 0;               // of those values, kept with their refusal too
    for (auto &d : devices) {
        QSqlQuery q(d->db.connection());
        QVERIFY(q.exec("SELECT entity, row_id, old_json, new_json, seq FROM discarded_changes"));
        while (q.next()) {
            const QJsonObject before = parse(q.value(2).toString());
            const QJsonObject after = parse(q.value(3).toString());
            const auto sent =
                refusedFields.constFind(PushChange::changeId(d->deviceId, q.value(4).toLongLong()));
            for (auto it = after.begin(); it != after.end(); ++it) {
                if (before.value(it.key()) == it.value())
                    continue;
                const QString key = q.value(0).toString() + '/' + q.value(1).toString() + '/' +
                                    it.key() + '/' + d->deviceId;
                discarded[key].insert(canon(it.value()));
                if (sent == refusedFields.constEnd() || it.key() == QLatin1String("id"))
                    continue; // the id travels as the change's row_id
                QVERIFY2(
                    canon(sent->value(it.key())) == canon(it.value()),
                    qPrintable(key + QStringLiteral(": given up as %1, the registry's "
                                                    "refusal keeps %2")
                                         .arg(canon(it.value()), canon(sent->value(it.key())))));
                ++givenUpOnRegistry;
            }
        }
    }
    int current = 0, inConflict = 0, overwritten = 0, ontoTombstone = 0, keptGivenUp = 0;
    for (const SimWrite &w : m_log) {
        const QString key = w.entity + '/' + w.rowId;
        const QString value = canon(w.value);
        const QString where =
            QStringLiteral("%1.%2 = %3 from device %4").arg(key, w.field, value).arg(w.device);
        const QString byDevice = key + '/' + w.field + '/' + w.deviceId;
        if (!historyByDevice.value(byDevice).contains(value)) {
            QVERIFY2(discarded.value(byDevice).contains(value),
                     qPrintable(where + QStringLiteral(" never reached the registry, and was not "
                                                       "given up on its device")));
            ++keptGivenUp;
            continue;
        }
        const std::optional<QJsonObject> row = m_store->row(w.entity, w.rowId);
        QVERIFY2(row.has_value(), qPrintable(where + QStringLiteral(": no such row")));
        if (canon(row->value(w.field)) == value) {
            ++current;
            continue;
        }
        // The first stored change of this device that carries the value.
        const QList<Stored> changes = history.value(key);
        qint64 mine = -1;
        for (const Stored &h : changes) {
            if (h.device == w.deviceId && h.fields.contains(w.field) &&
                canon(h.fields.value(w.field)) == value) {
                mine = h.seq;
                break;
            }
        }
        // A delete of a row that another device had deleted before it arrived is stored and
        // changes nothing (PROTOCOL.md): the tombstone keeps the first delete's deleted_at. That
        // is this delete's outcome only if the row's current deleted_at was stored before it.
        if (w.field == QLatin1String("deleted_at") && !row->value(w.field).isNull() &&
            row->contains(w.field)) {
            const QString tomb = canon(row->value(w.field));
            bool before = false;
            for (const Stored &h : changes)
                before = before || (h.seq < mine && h.fields.contains(w.field) &&
                                    canon(h.fields.value(w.field)) == tomb);
            if (before) {
                ++ontoTombstone;
                continue;
            }
        }
        if (conflicted.value(key + '/' + w.field + '/' + w.deviceId).contains(value)) {
            ++inConflict;
            continue;
        }
        // Overwritten: a later stored change of this row carries the field.
        bool later = false;
        for (const Stored &h : changes)
            later = later || (h.seq > mine && h.fields.contains(w.field));
        if (!later)
            qWarning("%s", qPrintable(rowStory(w.entity, w.rowId)));
        QVERIFY2(later, qPrintable(where + QStringLiteral(" is lost: not current, not in a "
                                                          "conflict record, not overwritten")));
        ++overwritten;
    }
    qInfo("seed %u: values current %d, in conflict records %d (of %d conflicts), overwritten %d, "
          "deletes of a tombstone %d, refused and given up %d (%d changes; %d values also kept "
          "with their refusal on the registry)",
          seed, current, inConflict, conflicts, overwritten, ontoTombstone, keptGivenUp, givenUp,
          givenUpOnRegistry);
    // Refused changes were given up (inspectors edit tenants now and then), and each left the
    // supervisors' list of refused changes.
    QVERIFY(givenUp > 0);
    QVERIFY(givenUpOnRegistry > 0);
    QCOMPARE(regScalar("SELECT count(*) FROM push_outcomes WHERE status = 'rejected' AND "
                       "discarded_at IS NULL")
                 .toInt(),
             0);
    QVERIFY(inConflict > 0);

    // Photos: the bytes of every live photo row are complete on the registry.
    RegistryPhotoStore store(m_regDir);
    QSqlQuery q(reg);
    QVERIFY(q.exec("SELECT DISTINCT sha256 FROM records WHERE entity = 'photos' AND deleted = 0"));
    int photos = 0;
    while (q.next()) {
        qint64 received = 0;
        QVERIFY2(store.state(q.value(0).toString(), &received) ==
                     RegistryPhotoStore::State::Complete,
                 qPrintable(q.value(0).toString()));
        ++photos;
    }
    QVERIFY(photos > 0);

    q = QSqlQuery();
    reg = QSqlDatabase();
    devices.clear();
    stopRegistry();
    m_proxy = nullptr;
}

QTEST_MAIN(TestSyncSimulation)
#include "tst_syncsimulation.moc"
