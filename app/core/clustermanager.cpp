#include "clustermanager.h"

#include "textfolder.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace {
QVariantList rows(QSqlQuery &q)
{
    // The column names once, not per row (the cluster list reads thousands of rows at start).
    const QSqlRecord r = q.record();
    QStringList names;
    names.reserve(r.count());
    for (int i = 0; i < r.count(); ++i)
        names << r.fieldName(i);
    QVariantList out;
    while (q.next()) {
        QVariantMap m;
        for (int i = 0; i < names.size(); ++i)
            m.insert(names.at(i), q.value(i));
        out << m;
    }
    return out;
}

QVariantMap withDerived(QVariantMap m)
{
    m.insert(QStringLiteral("fill_rate"),
             ClusterManager::fillRate(m.value(QStringLiteral("industrial_land_ha")),
                                      m.value(QStringLiteral("leased_land_ha"))));
    return m;
}

const char clusterColumns[] =
    "c.*, p.name AS province_name, "
    "(SELECT count(*) FROM violations v WHERE v.cluster_id = c.id AND v.deleted_at IS NULL AND "
    "v.status NOT IN ('verified_fixed')) AS open_violations, "
    "(SELECT count(*) FROM tenants t WHERE t.cluster_id = c.id AND t.deleted_at IS NULL) AS "
    "tenant_count, "
    "(SELECT max(started_at) FROM inspections i WHERE i.cluster_id = c.id AND i.deleted_at IS "
    "NULL) "
    "AS last_inspection_at";
} // namespace

ClusterManager::ClusterManager(QSqlDatabase db, QObject *parent)
    : QObject(parent), m_db(std::move(db))
{
}

QStringList ClusterManager::statuses()
{
    return {QStringLiteral("planned"),           QStringLiteral("under_appraisal"),
            QStringLiteral("established"),       QStringLiteral("plan_approved"),
            QStringLiteral("project_approved"),  QStringLiteral("under_construction"),
            QStringLiteral("operating"),         QStringLiteral("expanded"),
            QStringLiteral("adjusted"),          QStringLiteral("revoked"),
            QStringLiteral("removed_from_plan"), QStringLiteral("operating_unestablished")};
}

QVariant ClusterManager::fillRate(const QVariant &industrialLandHa, const QVariant &leasedLandHa)
{
    if (industrialLandHa.isNull() || leasedLandHa.isNull())
        return {};
    const double land = industrialLandHa.toDouble();
    if (land <= 0)
        return {};
    return qBound(0.0, leasedLandHa.toDouble() / land * 100.0, 100.0);
}

QVariantList ClusterManager::clusters(const Filter &filter) const
{
    QString sql =
        QStringLiteral("SELECT %1 FROM clusters c LEFT JOIN admin_units p ON p.id = c.province_id "
                       "WHERE c.deleted_at IS NULL")
            .arg(QLatin1String(clusterColumns));
    QVariantList binds;
    const QString folded = TextFolder::fold(filter.text);
    if (!folded.isEmpty()) {
        // Words may come in any order: every word must appear somewhere.
        const QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &w : words) {
            sql += QStringLiteral(" AND (c.search_text LIKE ? ESCAPE '\\')");
            QString escaped = w;
            escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"))
                .replace(QLatin1String("%"), QLatin1String("\\%"))
                .replace(QLatin1String("_"), QLatin1String("\\_"));
            binds << QStringLiteral("%%1%").arg(escaped);
        }
    }
    if (!filter.status.isEmpty()) {
        sql += QStringLiteral(" AND c.status = ?");
        binds << filter.status;
    }
    if (filter.noWastewaterPlant)
        sql += QStringLiteral(" AND c.wwtp_status <> 'operating'");
    if (filter.openViolations)
        sql +=
            QStringLiteral(" AND EXISTS (SELECT 1 FROM violations v WHERE v.cluster_id = c.id AND "
                           "v.deleted_at IS NULL AND v.status <> 'verified_fixed')");
    sql += QStringLiteral(" ORDER BY c.search_text, c.name");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.exec();
    QVariantList out;
    for (const QVariant &v : rows(q))
        out << withDerived(v.toMap());
    return out;
}

QVariantMap ClusterManager::cluster(const QString &id) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM clusters c LEFT JOIN admin_units p ON p.id = c.province_id "
                       "WHERE c.id = ?")
            .arg(QLatin1String(clusterColumns)));
    q.addBindValue(id);
    q.exec();
    const QVariantList r = rows(q);
    return r.isEmpty() ? QVariantMap() : withDerived(r.first().toMap());
}

QVariantList ClusterManager::tenants(const QString &clusterId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT * FROM tenants WHERE cluster_id = ? AND deleted_at IS NULL ORDER BY name"));
    q.addBindValue(clusterId);
    q.exec();
    return rows(q);
}

QVariantList ClusterManager::inspections(const QString &clusterId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT i.*, (SELECT count(*) FROM violations v WHERE v.inspection_id "
                             "= i.id AND v.deleted_at "
                             "IS NULL) AS violation_count FROM inspections i WHERE i.cluster_id = "
                             "? AND i.deleted_at IS NULL "
                             "ORDER BY i.started_at DESC"));
    q.addBindValue(clusterId);
    q.exec();
    return rows(q);
}

QVariantList ClusterManager::openViolations(const QString &clusterId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT v.*, t.name AS tenant_name FROM violations v LEFT JOIN tenants t ON "
        "t.id = v.tenant_id WHERE v.cluster_id = ? AND v.deleted_at IS NULL AND "
        "v.status <> 'verified_fixed' ORDER BY v.deadline_on IS NULL, v.deadline_on"));
    q.addBindValue(clusterId);
    q.exec();
    return rows(q);
}

QVariantList ClusterManager::infrastructure(const QString &clusterId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT it.*, (SELECT percent FROM progress_readings r WHERE r.item_id = it.id AND "
        "r.deleted_at "
        "IS NULL ORDER BY r.observed_on DESC, r.created_at DESC LIMIT 1) AS latest_percent, "
        "(SELECT observed_on FROM progress_readings r WHERE r.item_id = it.id AND r.deleted_at IS "
        "NULL "
        "ORDER BY r.observed_on DESC, r.created_at DESC LIMIT 1) AS latest_observed_on "
        "FROM infrastructure_items it WHERE it.cluster_id = ? AND it.deleted_at IS NULL ORDER BY "
        "it.kind"));
    q.addBindValue(clusterId);
    q.exec();
    return rows(q);
}

QVariantList ClusterManager::boundaryMarkers(const QString &clusterId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT * FROM boundary_markers WHERE cluster_id = ? AND deleted_at IS NULL "
                       "ORDER BY code"));
    q.addBindValue(clusterId);
    q.exec();
    return rows(q);
}
