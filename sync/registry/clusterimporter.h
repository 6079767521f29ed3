#pragma once

#include <QStringList>

class RegistryStore;

// Imports clusters from a CSV file (read by CsvReader; UTF-8, header row of clusters column names;
// code, name, province_id and status required; id optional, else a new UUIDv7). All or nothing:
// every line is checked first, and any error (reported with its line number) imports nothing.
class ClusterImporter
{
public:
    explicit ClusterImporter(RegistryStore *store) : m_store(store) {}
    // Returns the number of clusters imported, or -1 with *errors filled.
    int importFile(const QString &path, QStringList *errors);
    int importData(const QByteArray &csv, QStringList *errors);

private:
    RegistryStore *m_store;
};
