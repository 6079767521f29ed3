#pragma once

#include "nationaldataset.h"
#include "vietnamesenames.h"

#include <QVariantMap>

// Complete inspections as InspectionManager::saveBundle takes them: the inspection row, 25 answers
// (the first 25 questions of the template), 3 violations and 5 photo records (2 on violations, 1 on
// the photo question, 2 on the inspection). Violation ids are chosen here so that photos can point
// at them; every other id is left to the writer.
class BundleFactory
{
public:
    BundleFactory(const NationalDataset &dataset, quint64 seed);

    QVariantMap make();

private:
    const NationalDataset &m_dataset;
    VietnameseNames m_names;
};
