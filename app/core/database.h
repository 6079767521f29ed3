#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QString>

// The device's local store: one SQLite file in WAL mode with foreign keys on, migrated to the
// newest schema when opened. A database written by a newer app is refused, never opened.
class Database
{
public:
    // The page size of a database file this app creates (bytes).
    static constexpr int pageSize = 8192;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) and migrates. On failure the file is left as it was.
    CoreError open(const QString &path);
    // Opens another connection to a database that a connection of this app has opened (and so
    // migrated): the same settings, no migration. Refused unless it is at this app's version.
    CoreError openMigrated(const QString &path);
    void close();

    bool isOpen() const;
    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const;

private:
    // Opens the connection with the device's settings; `migrated` asks for this app's version.
    CoreError connect(const QString &path, bool migrated);

    QString m_connectionName;
    QString m_path;
};
