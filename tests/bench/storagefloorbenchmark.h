#pragma once

#include "coreerror.h"

#include <QJsonObject>
#include <QString>

// `ccn-bench floor`: the least time the registry's storage needs for a full push, whatever the
// code around it does. A real registry database (RegistryStore::open: the registry's migrations
// and its connection settings, synchronous=FULL) gets the rows a push of N inspections stores —
// one `records` row and one `history` row per change, through SQLite's own prepared statements,
// 2,000 changes per transaction as the client's batches — in two shapes:
// - rows: protocol 2, each inspection 23 changes (the inspection, 20 answers, 2 violations);
// - documents: the protocol-3 plan (docs/sync-v3-plan.md), the answers inside the inspection
//   as flat fields answer/<question id>/…, so 3 changes per inspection.
// Nothing is parsed, checked or merged: the figures are lower bounds, not push times.
class StorageFloorBenchmark
{
public:
    struct Options {
        QString workDir;
        int records = 10000;
    };

    explicit StorageFloorBenchmark(Options options);

    CoreError run(QJsonObject *result);

private:
    enum class Shape { Rows, Documents };
    CoreError runShape(Shape shape, const QString &dir, QJsonObject *out);

    Options m_options;
};
