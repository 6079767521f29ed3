#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QString>
#include <QVariantMap>

#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

// The reference for save_vs_raw: writes the same rows as InspectionManager::saveBundle, with the
// same INSERT statements (RecordWriter's: columns in its order, one prepared statement per shape),
// on the same schema and triggers, with the same pragmas (WAL, synchronous=FULL, foreign keys,
// temp_store=MEMORY), in one transaction, through the sqlite3 C API on its own connection.
// prepare() turns a bundle into bound values (UTF-8) outside the timing; write() generates the ids
// and timestamps (Uuid7::generate, as the app does), binds, steps and commits.
class RawBundleWriter
{
public:
    struct Value {
        enum Kind { Null, Int, Real, Text, NewId, Now, ParentId } kind = Null;
        qint64 i = 0;
        double d = 0;
        QByteArray text;
    };
    struct Row {
        sqlite3_stmt *stmt = nullptr;
        std::vector<Value> values;
    };
    using Prepared = std::vector<Row>;

    RawBundleWriter() = default;
    ~RawBundleWriter();
    RawBundleWriter(const RawBundleWriter &) = delete;
    RawBundleWriter &operator=(const RawBundleWriter &) = delete;

    CoreError open(const QString &path);
    CoreError prepare(const QVariantMap &bundle, Prepared *out);
    CoreError write(const Prepared &rows);

private:
    CoreError addRow(const QString &table, QVariantMap row, bool child, Prepared *out);
    CoreError error(const QString &what) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    sqlite3_stmt *m_rollback = nullptr;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
};
