#pragma once

#include <QString>

// Time-ordered UUIDs (RFC 9562 version 7) as lower-case text: ids chosen on the device that
// append to the end of SQLite's primary-key index.
class Uuid7
{
public:
    static QString generate();
    static QString generate(qint64 msSinceEpoch);
    static bool isValid(const QString &text);
};
