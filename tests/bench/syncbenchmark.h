#pragma once

#include "coreerror.h"

#include <QJsonObject>
#include <QString>

// `ccn-bench sync`: the real ccn-registry on 127.0.0.1 and the real sync client, against the
// PouchDB peer (../shared/peers/pouchdb/bench.js) on the same data shape.
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
        int photos = 50;
        int photoBytes = 204800;
        int changed = 10;
        quint64 seed = 1;
    };

    explicit SyncBenchmark(Options options);

    CoreError run(QJsonObject *result);

private:
    Options m_options;
};
