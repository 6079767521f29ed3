#pragma once

#include "coreerror.h"

#include <QString>
#include <QUrl>

// A backup of a PostgreSQL registry: PostgreSQL's own pg_dump (Debian's postgresql-client) in its
// custom format, which pg_restore reads back. The password goes through the environment
// (PGPASSWORD), never on a command line that other users could list.
class PostgresDump
{
public:
    // pg_dump of the same major version as the client libraries, or empty when none is installed.
    static QString program(const char *name = "pg_dump");
    // Writes `database` (postgresql://user:password@host:port/name) to `outFile`.
    static CoreError write(const QUrl &database, const QString &outFile);
};
