#pragma once

#include "variantlistmodel.h"

class DomainLabels;
class InspectionManager;

// The violations recorded in one inspection, with labels and the fine range ready to show.
class ViolationModel : public VariantListModel
{
    Q_OBJECT
public:
    ViolationModel(InspectionManager *inspections, DomainLabels *labels, QObject *parent = nullptr);

    void load(const QString &inspectionId);
    Q_INVOKABLE void reload();

private:
    InspectionManager *m_inspections;
    DomainLabels *m_labels;
    QString m_inspectionId;
};
