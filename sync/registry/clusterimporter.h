#pragma once

#include "coreerror.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

class RegistryStore;

// Imports clusters from a CSV file (read by CsvReader; UTF-8, header row of clusters column names;
// code, name, province_id and status required; id optional). All or nothing: every line is
// checked first, and any error (reported with its line number) imports nothing. A line's
// province_id must be a province the registry stores (its id, not its code). A line is the
// update of the stored cluster with its id, or without one of the live cluster of its province
// with its code (else a new cluster, a new UUIDv7): importing a file again updates, never
// duplicates, and a stored cluster keeps its created_at. One code twice for one province is
// refused.
class ClusterImporter
{
public:
    explicit ClusterImporter(RegistryStore *store) : m_store(store) {}
    // Returns the number of clusters imported (*updated of them were stored already), or -1
    // with *errors filled.
    int importFile(const QString &path, QStringList *errors, int *updated = nullptr);
    int importData(const QByteArray &csv, QStringList *errors, int *updated = nullptr);

private:
    // A valid line's row checked against the file's other lines and what is stored: its id set
    // to the stored cluster's it updates (*stored), its created_at to that cluster's.
    CoreError matchStored(QJsonObject *row, bool idGiven, int line, bool *stored);

    RegistryStore *m_store;
    QHash<QString, CoreError> m_provinces;                  // province id -> checkProvince
    QHash<QString, QHash<QString, QJsonObject>> m_clusters; // province id -> code -> cluster
    QHash<QString, int> m_codeLines; // province id, NUL, code -> the line that names it
    QHash<QString, int> m_idLines;   // cluster id -> the line that writes it
};
