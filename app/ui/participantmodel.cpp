#include "participantmodel.h"

#include "inspectionmanager.h"

ParticipantModel::ParticipantModel(InspectionManager *inspections, QObject *parent)
    : VariantListModel({"id", "name", "positionTitle", "agency", "agencyLabel"}, parent),
      m_inspections(inspections)
{
}

void ParticipantModel::load(const QString &inspectionId)
{
    m_inspectionId = inspectionId;
    reload();
}

void ParticipantModel::reload()
{
    QVariantList rows;
    if (!m_inspectionId.isEmpty()) {
        for (const QVariant &v : m_inspections->participants(m_inspectionId)) {
            const QVariantMap r = v.toMap();
            const QString agency = r.value(QStringLiteral("agency")).toString();
            rows << QVariantMap{
                {QStringLiteral("id"), r.value(QStringLiteral("id"))},
                {QStringLiteral("name"), r.value(QStringLiteral("name"))},
                {QStringLiteral("positionTitle"), r.value(QStringLiteral("position_title"))},
                {QStringLiteral("agency"), agency},
                {QStringLiteral("agencyLabel"), agency.isEmpty() ? tr("Chưa ghi cơ quan") : agency},
            };
        }
    }
    setRows(rows);
}
