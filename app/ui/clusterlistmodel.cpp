#include "clusterlistmodel.h"

#include "clustermanager.h"
#include "domainlabels.h"

ClusterListModel::ClusterListModel(ClusterManager *clusters, DomainLabels *labels, QObject *parent,
                                   Loading loading)
    : VariantListModel({"id", "name", "code", "status", "statusLabel", "province", "fillRate",
                        "fillRateText", "openViolations", "tenantCount", "wwtpStatus", "wwtpLabel",
                        "areaText", "isDemo"},
                       parent),
      m_clusters(clusters), m_labels(labels)
{
    if (loading == Loading::Now)
        reload();
}

void ClusterListModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    reload();
    emit searchTextChanged();
}

void ClusterListModel::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    reload();
    emit statusFilterChanged();
}

void ClusterListModel::setNoWastewaterPlant(bool on)
{
    if (on == m_noWwtp)
        return;
    m_noWwtp = on;
    reload();
    emit noWastewaterPlantChanged();
}

void ClusterListModel::setOpenViolationsOnly(bool on)
{
    if (on == m_openViolations)
        return;
    m_openViolations = on;
    reload();
    emit openViolationsOnlyChanged();
}

void ClusterListModel::clearFilters()
{
    setStatusFilter(QString());
    setNoWastewaterPlant(false);
    setOpenViolationsOnly(false);
}

void ClusterListModel::reload()
{
    ClusterManager::Filter f;
    f.text = m_searchText.left(200);
    f.status = m_status;
    f.noWastewaterPlant = m_noWwtp;
    f.openViolations = m_openViolations;
    const QVariantList clusters = m_clusters->clusters(f);
    QVariantList rows;
    rows.reserve(clusters.size());
    for (const QVariant &v : clusters) {
        const QVariantMap c = v.toMap();
        const QVariant fill = c.value(QStringLiteral("fill_rate"));
        const QString area = m_labels->number(c.value(QStringLiteral("planned_area_ha")), 2);
        rows << QVariantMap{
            {QStringLiteral("id"), c.value(QStringLiteral("id"))},
            {QStringLiteral("name"), c.value(QStringLiteral("name"))},
            {QStringLiteral("code"), c.value(QStringLiteral("code"))},
            {QStringLiteral("status"), c.value(QStringLiteral("status"))},
            {QStringLiteral("statusLabel"),
             m_labels->clusterStatus(c.value(QStringLiteral("status")).toString())},
            {QStringLiteral("province"), c.value(QStringLiteral("province_name"))},
            {QStringLiteral("fillRate"), fill.isNull() ? QVariant(-1.0) : fill},
            {QStringLiteral("fillRateText"),
             fill.isNull() ? QString() : m_labels->number(fill, 1) + QStringLiteral(" %")},
            {QStringLiteral("openViolations"), c.value(QStringLiteral("open_violations")).toInt()},
            {QStringLiteral("tenantCount"), c.value(QStringLiteral("tenant_count")).toInt()},
            {QStringLiteral("wwtpStatus"), c.value(QStringLiteral("wwtp_status"))},
            {QStringLiteral("wwtpLabel"),
             m_labels->wwtpStatus(c.value(QStringLiteral("wwtp_status")).toString())},
            {QStringLiteral("areaText"), area.isEmpty() ? QString() : area + QStringLiteral(" ha")},
            {QStringLiteral("isDemo"), c.value(QStringLiteral("is_demo")).toInt() != 0},
        };
    }
    setRows(rows);
    if (!m_loaded) {
        m_loaded = true;
        emit loadedChanged();
    }
}
