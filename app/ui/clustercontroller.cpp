#include "clustercontroller.h"

#include "clustermanager.h"
#include "domainlabels.h"

namespace {
QVariantMap figure(const QString &label, const QString &value)
{
    return {{QStringLiteral("label"), label}, {QStringLiteral("value"), value}};
}
} // namespace

ClusterController::ClusterController(ClusterManager *clusters, DomainLabels *labels,
                                     QObject *parent)
    : QObject(parent), m_clusters(clusters), m_labels(labels)
{
}

double ClusterController::fillRate() const
{
    const QVariant f = m_cluster.value(QStringLiteral("fill_rate"));
    return f.isNull() || !f.isValid() ? -1.0 : f.toDouble();
}

void ClusterController::load(const QString &clusterId)
{
    m_id = clusterId;
    reload();
}

void ClusterController::reload()
{
    m_cluster = m_id.isEmpty() ? QVariantMap() : m_clusters->cluster(m_id);
    m_figures.clear();
    m_tenants.clear();
    m_inspections.clear();
    m_violations.clear();
    m_infrastructure.clear();
    if (!m_cluster.isEmpty()) {
        const auto &c = m_cluster;
        auto v = [&](const char *k) { return c.value(QLatin1String(k)); };
        auto ha = [&](const char *k) {
            const QString n = m_labels->number(v(k), 2);
            return n.isEmpty() ? QString() : n + QStringLiteral(" ha");
        };
        const QString fill = m_labels->number(v("fill_rate"), 1);
        // "QĐ 477/QĐ-UBND ngày 21/5/2015" already has its date.
        QString decision = v("establishment_decision").toString();
        const QString on = m_labels->date(v("established_on").toString());
        if (!on.isEmpty() && !decision.contains(QStringLiteral("ngày")))
            decision = decision.isEmpty() ? on : decision + QStringLiteral(" — ") + on;
        m_figures << figure(tr("Trạng thái"), m_labels->clusterStatus(v("status").toString()))
                  << figure(tr("Tỉnh"), v("province_name").toString())
                  << figure(tr("Diện tích quy hoạch"), ha("planned_area_ha"))
                  << figure(tr("Đất công nghiệp"), ha("industrial_land_ha"))
                  << figure(tr("Đã cho thuê"), ha("leased_land_ha"))
                  << figure(tr("Tỷ lệ lấp đầy"),
                            fill.isEmpty() ? tr("chưa rõ") : fill + QStringLiteral(" %"))
                  << figure(tr("Chủ đầu tư hạ tầng"), v("investor_name").toString())
                  << figure(tr("Vốn đầu tư"),
                            v("investment_capital_bn_vnd").isNull()
                                ? QString()
                                : tr("%1 tỷ đồng")
                                      .arg(m_labels->number(v("investment_capital_bn_vnd"), 2)))
                  << figure(tr("Quyết định thành lập"), decision)
                  << figure(tr("Quy hoạch chi tiết"), v("detailed_plan_approved").toInt()
                                                          ? tr("Đã phê duyệt")
                                                          : tr("Chưa phê duyệt"))
                  << figure(tr("Xử lý nước thải"),
                            m_labels->wwtpStatus(v("wwtp_status").toString()) +
                                (v("wwtp_capacity_m3_day").isNull()
                                     ? QString()
                                     : QStringLiteral(" (%1 m³/ngày)")
                                           .arg(m_labels->number(v("wwtp_capacity_m3_day"), 0))))
                  << figure(tr("Số lao động"), m_labels->number(v("workers"), 0))
                  << figure(tr("Số cơ sở sản xuất"), QString::number(v("tenant_count").toInt()));
        // Drop figures the data does not have.
        QVariantList shown;
        for (const QVariant &f : qAsConst(m_figures))
            if (!f.toMap().value(QStringLiteral("value")).toString().isEmpty())
                shown << f;
        m_figures = shown;

        for (const QVariant &t : m_clusters->tenants(m_id)) {
            QVariantMap m = t.toMap();
            m.insert(QStringLiteral("statusLabel"),
                     m_labels->tenantStatus(m.value(QStringLiteral("status")).toString()));
            const QString land = m_labels->number(m.value(QStringLiteral("leased_land_ha")), 2);
            m.insert(QStringLiteral("landText"),
                     land.isEmpty() ? QString() : land + QStringLiteral(" ha"));
            m_tenants << m;
        }
        for (const QVariant &i : m_clusters->inspections(m_id)) {
            QVariantMap m = i.toMap();
            m.insert(QStringLiteral("kindLabel"),
                     m_labels->inspectionKind(m.value(QStringLiteral("kind")).toString()));
            m.insert(QStringLiteral("statusLabel"),
                     m_labels->inspectionStatus(m.value(QStringLiteral("status")).toString()));
            m.insert(QStringLiteral("startedText"),
                     m_labels->dateTime(m.value(QStringLiteral("started_at"))));
            m_inspections << m;
        }
        for (const QVariant &x : m_clusters->openViolations(m_id)) {
            QVariantMap m = x.toMap();
            m.insert(QStringLiteral("severityLabel"),
                     m_labels->severity(m.value(QStringLiteral("severity")).toString()));
            m.insert(QStringLiteral("statusLabel"),
                     m_labels->violationStatus(m.value(QStringLiteral("status")).toString()));
            m.insert(QStringLiteral("deadlineText"),
                     m_labels->date(m.value(QStringLiteral("deadline_on")).toString()));
            m_violations << m;
        }
        for (const QVariant &x : m_clusters->infrastructure(m_id)) {
            QVariantMap m = x.toMap();
            m.insert(QStringLiteral("kindLabel"),
                     m_labels->infrastructureKind(m.value(QStringLiteral("kind")).toString()));
            const QVariant p = m.value(QStringLiteral("latest_percent"));
            m.insert(QStringLiteral("percent"), p.isNull() ? -1.0 : p.toDouble());
            m.insert(QStringLiteral("percentText"),
                     p.isNull() ? tr("chưa có số liệu")
                                : m_labels->number(p, 0) + QStringLiteral(" %"));
            m_infrastructure << m;
        }
    }
    emit loaded();
}
