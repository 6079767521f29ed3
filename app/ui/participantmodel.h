#pragma once

#include "variantlistmodel.h"

class InspectionManager;

// The participants of one inspection, grouped by agency as the minutes list them (section I of
// the biên bản): id, name, positionTitle, agency, and agencyLabel for the section heading.
class ParticipantModel : public VariantListModel
{
    Q_OBJECT
public:
    explicit ParticipantModel(InspectionManager *inspections, QObject *parent = nullptr);

    void load(const QString &inspectionId);
    Q_INVOKABLE void reload();

private:
    InspectionManager *m_inspections;
    QString m_inspectionId;
};
