#pragma once

#include <QSqlDatabase>

// Watches a device connection for a write that starts while one of its own reads is still open
// (a SELECT stepped but neither run to its end nor finished) outside an explicit transaction. In
// WAL mode that read holds the connection's snapshot: if another connection (the sync worker's
// pulled pages, outcomes and search chunks) committed since it began, the write fails at once
// with "database is locked" (SQLITE_BUSY_SNAPSHOT), whatever the busy timeout. So an answer or a
// violation saved just after a round could fail now and then. Such a write is reported with both
// statements' SQL: a warning in the app, and the end of the process when CCN_SQLITE_AUDIT=fatal
// (every test runs so, which makes the mistake fail deterministically rather than by timing);
// CCN_SQLITE_AUDIT=off leaves it out.
class OpenReadAudit
{
public:
    // Installs the watch on `db`, an open QSQLITE connection (SQLite's statement trace).
    static void install(const QSqlDatabase &db);
};
