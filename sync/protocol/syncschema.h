#pragma once

#include "sqlitestatements.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

// The synced tables and their travelling columns, derived from the device schema itself: an
// in-memory SQLite database migrated with :/schema/app (ccncore's Migrator) and read with
// OutboxTriggers::syncedTables/syncedColumns, so a column added to the device schema travels and
// validates without a second list. Also validates a whole row against the device's constraints
// (types, NOT NULL, CHECK) by inserting it into the in-memory copy (without triggers or indexes),
// which is emptied every few hundred rows; only for tables where that insert can refuse something
// the checks before it have not (see needsScratchInsert).
// Not thread-safe: one instance per thread.
class SyncSchema
{
public:
    enum class Type { Text, Integer, Real };
    struct Column {
        QString name;
        Type type = Type::Text;
        bool notNull = false;
        bool hasDefault = false;
    };
    // A foreign key of a synced table to another synced table: `column` holds the id of a row of
    // `parent`.
    struct Reference {
        QString column;
        QString parent;
    };

    SyncSchema();
    ~SyncSchema();
    SyncSchema(const SyncSchema &) = delete;
    SyncSchema &operator=(const SyncSchema &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    int deviceSchemaVersion() const { return m_version; }

    QStringList tables() const { return m_tables; }
    bool hasTable(const QString &table) const { return m_columns.contains(table); }
    QList<Column> columns(const QString &table) const { return m_columns.value(table); }
    bool hasColumn(const QString &table, const QString &column) const;
    // The foreign keys of `table` to synced tables (PRAGMA foreign_key_list), and whether any
    // synced table refers to `table`.
    QList<Reference> references(const QString &table) const { return m_references.value(table); }
    bool isReferenced(const QString &table) const { return m_referenced.contains(table); }

    // One value against its column's type: text must be a string, integer an integral number
    // (or a boolean), real a number; null only where the column allows it. Empty = fine.
    QString checkValue(const QString &table, const QString &column, const QJsonValue &v) const;
    // A whole row (all columns it has) against the device schema's constraints. Empty = fine.
    QString validateRow(const QString &table, const QJsonObject &row) const;
    // validateRow for a row of a known table whose every value has passed checkValue already:
    // the required columns and the scratch insert only, refusing what validateRow would.
    QString validateCheckedRow(const QString &table, const QJsonObject &row) const;
    // Whether validateRow inserts the row into the scratch copy of `table`. It does not where the
    // insert could refuse nothing that checkValue and the required-column test have not refused
    // already: the table's SQL has no CHECK, it is not STRICT, and it has no generated column, no
    // INTEGER PRIMARY KEY, and no NOT NULL column whose default is NULL or that neither travels
    // nor has a default (foreign keys are off, triggers dropped, and OR REPLACE settles keys).
    bool needsScratchInsert(const QString &table) const { return m_scratchInsert.contains(table); }

private:
    // A failed CHECK in words: the columns it reads, quoted ('percent'), out of range.
    QString checkRefusal(const QString &table, const QString &sqliteError) const;

    QString m_connection;
    QString m_error;
    int m_version = 0;
    QStringList m_tables;
    QHash<QString, QList<Column>> m_columns;
    QHash<QString, QHash<QString, Column>> m_byName; // table -> column name -> column
    QSet<QString> m_scratchInsert;                   // tables validateRow inserts into
    QHash<QString, QList<Reference>> m_references;
    QSet<QString> m_referenced;
    // validateRow's INSERTs, prepared once per row shape (keyed by table and column list), and
    // its DELETEs, once per table (keyed by the table name), on the in-memory copy's connection:
    // bound and run through SQLite's own API (no QVariant per value, no QtSql bookkeeping per row).
    mutable SqliteStatements m_inserts;
    // Scratch rows validateRow left in each table since it last emptied it.
    static constexpr int kScratchRows = 256;
    mutable QHash<QString, int> m_scratchRows;
};
