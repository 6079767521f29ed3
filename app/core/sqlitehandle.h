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
    // Process-wide settings, made before the first connection opens (QtSql's driver uses the
    // same SQLite library): SQLite keeps no memory statistics, which otherwise cost a mutex on
    // every allocation (a few per cent of a pull or a push) and which nothing here reads. False
    // when SQLite has started already: its defaults then stay, which is only slower.
    static bool configureProcess();
};
