#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

// Statements prepared once on an SQLite connection (SQLITE_PREPARE_PERSISTENT) and kept by a key
// until clear() or destruction, which finalizes them. For code that binds and steps through
// SQLite's own API; get the connection with SqliteHandle::of.
class SqliteStatements
{
public:
    SqliteStatements() = default;
    ~SqliteStatements();
    SqliteStatements(const SqliteStatements &) = delete;
    SqliteStatements &operator=(const SqliteStatements &) = delete;

    void setConnection(sqlite3 *db);
    sqlite3 *connection() const { return m_db; }
    // The statement kept under `key`, or null.
    sqlite3_stmt *find(const QString &key) const { return m_statements.value(key); }
    // The statement kept under `key`, prepared from `sql` the first time; null when it cannot be
    // prepared (sqlite3_errmsg of the connection says why) or there is no connection.
    sqlite3_stmt *prepare(const QString &key, const QByteArray &sql);
    // The same, keyed by its SQL text.
    sqlite3_stmt *prepare(const QString &sql) { return prepare(sql, sql.toUtf8()); }
    // The connection's last error message (for a failed prepare, bind or step).
    QString lastError() const;
    void clear();

private:
    sqlite3 *m_db = nullptr;
    QHash<QString, sqlite3_stmt *> m_statements;
};
