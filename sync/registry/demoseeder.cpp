#include "demoseeder.h"

#include "registrystore.h"
#include "syncschema.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace {
// Parents before children, so every row's scope can be found.
const QStringList order = {QStringLiteral("admin_units"),
                           QStringLiteral("admin_unit_mappings"),
                           QStringLiteral("clusters"),
                           QStringLiteral("cluster_units"),
                           QStringLiteral("boundary_markers"),
                           QStringLiteral("tenants"),
                           QStringLiteral("infrastructure_items"),
                           QStringLiteral("checklist_templates"),
                           QStringLiteral("checklist_sections"),
                           QStringLiteral("checklist_questions"),
                           QStringLiteral("inspections"),
                           QStringLiteral("inspection_participants"),
                           QStringLiteral("answers"),
                           QStringLiteral("violations"),
                           QStringLiteral("progress_readings"),
                           QStringLiteral("photos")};

struct Account {
    const char *name;
    const char *role;
};
const Account accounts[] = {{"inspector.demo", "inspector"},
                            {"officer.demo", "local_officer"},
                            {"supervisor.demo", "supervisor"},
                            {"admin.demo", "admin"}};

// Accepts {"tables": {name: [rows]}} or {name: [rows], ...} (other members ignored).
QJsonObject tablesOf(const QJsonObject &root)
{
    if (root.value(QLatin1String("tables")).isObject())
        return root.value(QLatin1String("tables")).toObject();
    return root;
}
} // namespace

QStringList DemoSeeder::accountNames()
{
    QStringList names;
    for (const Account &a : accounts)
        names << QLatin1String(a.name);
    return names;
}

CoreError DemoSeeder::seed(bool fastHash, QString *summary)
{
    QStringList done;
    QString province;
    QStringList communes;
    QHash<QString, int> clusterProvinces;
    QHash<QString, QString> provinceOf; // cluster -> province
    QMap<QString, QStringList> unitsOf; // cluster -> communes it lies in (cluster_units)
    QFile f(QStringLiteral(":/demo/demo-data.json"));
    if (f.open(QIODevice::ReadOnly)) {
        QJsonParseError pe;
        const QJsonObject tables = tablesOf(QJsonDocument::fromJson(f.readAll(), &pe).object());
        if (pe.error != QJsonParseError::NoError)
            return {
                CoreError::Code::InvalidInput,
                QObject::tr("Dữ liệu mẫu có sẵn không phải JSON hợp lệ: %1").arg(pe.errorString())};
        QStringList names = order;
        for (const QString &t : tables.keys())
            if (!names.contains(t) && m_store->schema().hasTable(t))
                names << t;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (CoreError e = m_store->beginBatch(); e.failed())
            return e;
        for (const QString &t : std::as_const(names)) {
            int n = 0;
            for (const QJsonValue &v : tables.value(t).toArray()) {
                QJsonObject row = v.toObject();
                const QString id = row.value(QLatin1String("id")).toString();
                if (id.isEmpty())
                    continue;
                if (t == QLatin1String("admin_units") && province.isEmpty() &&
                    row.value(QLatin1String("level")).toString() == QLatin1String("province"))
                    province = id;
                if (t == QLatin1String("clusters")) {
                    const QString p = row.value(QLatin1String("province_id")).toString();
                    ++clusterProvinces[p];
                    provinceOf.insert(id, p);
                }
                if (t == QLatin1String("cluster_units"))
                    unitsOf[row.value(QLatin1String("cluster_id")).toString()]
                        << row.value(QLatin1String("unit_id")).toString();
                if (m_store->row(t, id))
                    continue;
                if (!row.contains(QLatin1String("created_at")))
                    row.insert(QStringLiteral("created_at"), double(now));
                if (!row.contains(QLatin1String("updated_at")))
                    row.insert(QStringLiteral("updated_at"), double(now));
                const CoreError e =
                    m_store->writeRow(t, id, row, QStringLiteral("demo"), QString());
                if (e.failed()) {
                    m_store->rollbackBatch();
                    return {e.code(), QObject::tr("Dòng mẫu %1/%2: %3").arg(t, id, e.message())};
                }
                ++n;
            }
            if (n > 0)
                done << QStringLiteral("%1 %2").arg(n).arg(t);
        }
        if (CoreError e = m_store->commitBatch(); e.failed())
            return e;
    } else {
        done << QStringLiteral("no demo records (:/demo/demo-data.json is not built in yet)");
    }
    // The demo accounts work in the province that has the most demo clusters.
    int best = 0;
    for (auto it = clusterProvinces.begin(); it != clusterProvinces.end(); ++it)
        if (it.value() > best) {
            best = it.value();
            province = it.key();
        }
    if (province.isEmpty())
        province = QStringLiteral("demo-province");
    // The demo local officer works in up to three communes that hold clusters of that province
    // (with other communes, officer.demo would see no cluster at all).
    for (auto it = unitsOf.constBegin(); it != unitsOf.constEnd() && communes.size() < 3; ++it) {
        if (provinceOf.value(it.key()) != province)
            continue;
        for (const QString &unit : it.value())
            if (!communes.contains(unit) && communes.size() < 3)
                communes << unit;
    }
    QStringList existing;
    CoreError read;
    for (const Principal &p : m_store->users(&read))
        existing << p.username;
    if (read.failed())
        return read;
    int added = 0;
    for (const Account &a : accounts) {
        if (existing.contains(QLatin1String(a.name)))
            continue;
        Principal p;
        p.username = QLatin1String(a.name);
        p.role = QLatin1String(a.role);
        p.provinceId = province;
        if (p.role == QLatin1String("local_officer"))
            p.communes = communes;
        const CoreError e = m_store->addUser(p, QLatin1String(password), fastHash, nullptr);
        if (e.failed())
            return e;
        ++added;
    }
    done
        << QStringLiteral("%1 demo accounts (password %2)").arg(added).arg(QLatin1String(password));
    *summary = done.join(QStringLiteral(", "));
    return {};
}
