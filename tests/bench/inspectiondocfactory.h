#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariantMap>

// The sync benchmark's records, mirroring makeDoc() in ../shared/peers/pouchdb/bench.js (same
// mulberry32 generator and seed, same draws in the same order): an inspection with 20 checklist
// answers and 2 violations with Vietnamese text, about 1.2 kB as one JSON document. Here the same
// content is the app's rows: one inspections row, 20 answers rows, 2 violations rows, written
// through RecordWriter (so the outbox triggers record them) in transactions of 500 inspections.
class InspectionDocFactory
{
public:
    // clusterIds: the registry's clusters that "cluster-0000".."cluster-0199" map onto;
    // questionIds: the first 20 questions of the template ("Q01".."Q20").
    InspectionDocFactory(quint32 seed, QStringList clusterIds, QString templateId,
                         QStringList questionIds);

    // The next document as makeDoc() draws it, in the app's shape (saveBundle's bundle).
    QVariantMap next();
    // Writes `count` documents into `db` (RecordWriter, outbox triggers on). Returns their ids.
    CoreError write(QSqlDatabase db, int count, QStringList *inspectionIds = nullptr);

private:
    double rnd();

    quint32 m_state;
    int m_index = 0;
    QStringList m_clusterIds;
    QString m_templateId;
    QStringList m_questionIds;
};
