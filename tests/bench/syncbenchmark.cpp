#include "syncbenchmark.h"

SyncBenchmark::SyncBenchmark(Options options) : m_options(std::move(options)) {}

CoreError SyncBenchmark::run(QJsonObject *result)
{
    result->insert(QStringLiteral("bench"), QStringLiteral("sync"));
    return {};
}
