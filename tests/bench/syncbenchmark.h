#pragma once

#include "coreerror.h"

#include <QJsonObject>
#include <QString>

class CountingProxy;
class SyncDevice;

// `ccn-bench sync`: the real ccn-registry on 127.0.0.1 (QProcess, SQLite, then PostgreSQL for
// the load phase) and the real SyncClient through a counting proxy, against the PouchDB peer
// (../shared/peers/pouchdb/bench.js) on the same records (InspectionDocFactory mirrors makeDoc).
// Phases: push of 10,000 inspections, pull into a fresh device, incremental push of 10 changed
// inspections, photo push and pull (50 x 200 kB), the incremental push again with 100,000
// inspections on the registry, then 200 devices pushing at once (LoadSimulator).
class SyncBenchmark
{
public:
    struct Options {
        QString workDir;
        QString registryProgram;
        bool runPouchDb = true;
        bool runPostgres = true;
        int devices = 200;
        int records = 10000;
        int serverRecords = 100000;
        int photos = 50;
        int photoBytes = 204800;
        int changed = 10;
    };

    explicit SyncBenchmark(Options options);

    CoreError run(QJsonObject *result);

private:
    CoreError runRecords(const QString &dir, QJsonObject *out);
    CoreError runLoad(const QString &dir, const QString &databaseUrl, const QString &prefix,
                      QJsonObject *out);
    CoreError editInspections(SyncDevice &device, const QStringList &ids, int first);

    Options m_options;
};
