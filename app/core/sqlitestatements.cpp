#include "sqlitestatements.h"

#include <sqlite3.h>

SqliteStatements::~SqliteStatements()
{
    clear();
}

void SqliteStatements::setConnection(sqlite3 *db)
{
    if (db == m_db)
        return;
    clear();
    m_db = db;
}

sqlite3_stmt *SqliteStatements::prepare(const QString &key, const QByteArray &sql)
{
    if (sqlite3_stmt *st = m_statements.value(key))
        return st;
    if (!m_db)
        return nullptr;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &st,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(st);
        return nullptr;
    }
    m_statements.insert(key, st);
    return st;
}

QString SqliteStatements::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no SQLite connection");
}

void SqliteStatements::clear()
{
    for (sqlite3_stmt *st : std::as_const(m_statements))
        sqlite3_finalize(st);
    m_statements.clear();
}
