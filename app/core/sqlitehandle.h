#pragma once

#include <QSqlDatabase>

struct sqlite3;

// The sqlite3 connection under a QSQLITE QSqlDatabase, for code that prepares and binds
// statements through SQLite's own API (pulled pages, the registry's batch writes, the scratch
// validation copy). Null when the database is not an open QSQLITE connection.
class SqliteHandle
{
public:
    static sqlite3 *of(const QSqlDatabase &db);
};
