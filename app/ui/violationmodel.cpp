#include "violationmodel.h"

#include "domainlabels.h"
#include "inspectionmanager.h"
#include "violationcatalog.h"

ViolationModel::ViolationModel(InspectionManager *inspections, DomainLabels *labels,
                               QObject *parent)
    : VariantListModel({"id", "category", "categoryTitle", "legalBasis", "severity",
                        "severityLabel", "observed", "remedy", "deadlineOn", "deadlineText",
                        "responsibleParty", "fineMin", "fineMax", "fineText", "status",
                        "statusLabel", "photoCount"},
                       parent),
      m_inspections(inspections), m_labels(labels)
{
}

void ViolationModel::load(const QString &inspectionId)
{
    m_inspectionId = inspectionId;
    reload();
}

void ViolationModel::reload()
{
    QVariantList rows;
    if (!m_inspectionId.isEmpty()) {
        for (const QVariant &v : m_inspections->violations(m_inspectionId)) {
            const QVariantMap r = v.toMap();
            auto s = [&](const char *k) { return r.value(QLatin1String(k)); };
            const ViolationCatalog::Category c = ViolationCatalog::find(s("category").toString());
            rows << QVariantMap{
                {QStringLiteral("id"), s("id")},
                {QStringLiteral("category"), s("category")},
                {QStringLiteral("categoryTitle"), c.isValid() ? c.title : s("category").toString()},
                {QStringLiteral("legalBasis"), s("legal_basis")},
                {QStringLiteral("severity"), s("severity")},
                {QStringLiteral("severityLabel"), m_labels->severity(s("severity").toString())},
                {QStringLiteral("observed"), s("observed")},
                {QStringLiteral("remedy"), s("remedy")},
                {QStringLiteral("deadlineOn"), s("deadline_on").toString()},
                {QStringLiteral("deadlineText"), m_labels->date(s("deadline_on").toString())},
                {QStringLiteral("responsibleParty"), s("responsible_party")},
                {QStringLiteral("fineMin"), s("fine_min_vnd")},
                {QStringLiteral("fineMax"), s("fine_max_vnd")},
                {QStringLiteral("fineText"),
                 m_labels->fineRange(s("fine_min_vnd"), s("fine_max_vnd"))},
                {QStringLiteral("status"), s("status")},
                {QStringLiteral("statusLabel"), m_labels->violationStatus(s("status").toString())},
                {QStringLiteral("photoCount"), s("photo_count").toInt()},
            };
        }
    }
    setRows(rows);
}
