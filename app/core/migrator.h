#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QStringList>

// Applies the numbered migrations in :/schema/app in order, each in its own transaction, and
// records each in schema_migrations (and PRAGMA user_version).
class Migrator
{
public:
    static int latestVersion();
    static int currentVersion(const QSqlDatabase &db);
    // Refuses a database whose schema is newer than this app knows.
    static CoreError checkVersion(const QSqlDatabase &db);
    // Migrates up to `target` (default: the newest).
    static CoreError migrate(QSqlDatabase &db, int target = -1);
    static QStringList migrationFiles();
};
