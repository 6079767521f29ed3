#include "clustercontroller.h"

#include "checklistmanager.h"
#include "clustermanager.h"
#include "domainlabels.h"
#include "formreply.h"
#include "inspectionmanager.h"
#include "violationworkflow.h"

#include <QDate>
#include <QLocale>
#include <cmath>

namespace {
QVariantMap figure(const QString &label, const QString &value)
{
    return {{QStringLiteral("label"), label}, {QStringLiteral("value"), value}};
}
} // namespace

ClusterController::ClusterController(ClusterManager *clusters, InspectionManager *inspections,
                                     DomainLabels *labels, QObject *parent)
    : QObject(parent), m_clusters(clusters), m_inspectionManager(inspections), m_labels(labels)
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
                                     : tr(" (%1 m³/ngày)")
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
            QVariantList next;
            for (const QString &status :
                 ViolationWorkflow::next(m.value(QStringLiteral("status")).toString()))
                next << QVariantMap{{QStringLiteral("value"), status},
                                    {QStringLiteral("label"), m_labels->violationStatus(status)}};
            m.insert(QStringLiteral("nextStatuses"), next);
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
            m.insert(QStringLiteral("latestText"),
                     m_labels->date(m.value(QStringLiteral("latest_observed_on")).toString()));
            m_infrastructure << m;
        }
    }
    emit loaded();
}

QString ClusterController::setViolationStatus(const QString &violationId, const QString &status)
{
    const CoreError e = m_inspectionManager->setViolationStatus(violationId, status);
    if (e.ok())
        reload();
    return e.message();
}

QVariantList ClusterController::progressHistory(const QString &itemId) const
{
    QVariantList out;
    for (const QVariant &v : m_inspectionManager->progressReadings(itemId)) {
        const QVariantMap r = v.toMap();
        out << QVariantMap{
            {QStringLiteral("id"), r.value(QStringLiteral("id"))},
            {QStringLiteral("percent"), r.value(QStringLiteral("percent")).toDouble()},
            {QStringLiteral("percentText"),
             m_labels->number(r.value(QStringLiteral("percent")), 1) + QStringLiteral(" %")},
            {QStringLiteral("dateText"),
             m_labels->date(r.value(QStringLiteral("observed_on")).toString())},
            {QStringLiteral("note"), r.value(QStringLiteral("note"))},
            {QStringLiteral("inInspection"), !r.value(QStringLiteral("inspection_id")).isNull()},
        };
    }
    return out;
}

QVariantMap ClusterController::recordProgress(const QString &itemId, const QString &percent,
                                              const QString &date, const QString &note,
                                              const QString &inspectionId)
{
    QVariantMap errors;
    QString p = percent.trimmed();
    if (p.endsWith(QLatin1Char('%')))
        p.chop(1);
    p = p.trimmed().replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = QLocale::c().toDouble(p, &ok);
    if (p.isEmpty())
        errors.insert(QStringLiteral("percent"), tr("Hãy nhập tỷ lệ hoàn thành (0–100)."));
    else if (!ok || !std::isfinite(value))
        errors.insert(QStringLiteral("percent"),
                      tr("“%1” không phải là số. Ví dụ: 62,5").arg(percent.left(40)));
    else if (value < 0 || value > 100)
        errors.insert(QStringLiteral("percent"), tr("Tỷ lệ hoàn thành phải từ 0 đến 100 %."));
    const QDate d = DomainLabels::parseDate(date);
    if (date.trimmed().isEmpty())
        errors.insert(QStringLiteral("date"), tr("Hãy nhập ngày ghi nhận."));
    else if (!d.isValid())
        errors.insert(QStringLiteral("date"),
                      tr("“%1” không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ "
                         "15/06/2026.")
                          .arg(date.left(40)));
    else if (d > QDate::currentDate())
        errors.insert(QStringLiteral("date"), tr("Ngày ghi nhận không được sau hôm nay."));
    else if (d.year() < 2000)
        errors.insert(QStringLiteral("date"), tr("Ngày ghi nhận phải từ năm 2000 trở đi."));
    if (note.size() > ChecklistManager::maxTextLength)
        errors.insert(QStringLiteral("note"), tr("Quá dài: %1 ký tự, tối đa %2.")
                                                  .arg(note.size())
                                                  .arg(ChecklistManager::maxTextLength));
    if (!errors.isEmpty())
        return FormReply::fieldsRefused(errors);
    QString id;
    const QString trimmedNote = note.trimmed();
    const CoreError e = m_inspectionManager->recordProgress(
        itemId, inspectionId, value, d.toString(Qt::ISODate),
        trimmedNote.isNull() ? QStringLiteral("") : trimmedNote, &id);
    if (e.failed())
        return FormReply::refused(e.message());
    reload();
    return FormReply::saved(id);
}
