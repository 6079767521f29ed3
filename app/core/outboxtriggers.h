#pragma once

#include "coreerror.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

// Installs, for every synced table, the triggers that copy each local insert, update and soft
// delete into the outbox in the same transaction, and that forbid hard deletes. They are rebuilt
// from the table's columns after every migration, so a column added later travels too.
// While sync_flags.applying = 1 (a pulled page being written) nothing is copied.
class OutboxTriggers
{
public:
    // The triggers' own version: raised when their text changes (2: a delete's base is the pull
    // cursor when that is further than the row's version), so that an app update replaces them in
    // a database whose schema did not change. Kept with SQLite's schema cookie once checked, as
    // "<schema_version>/t<version>".
    static constexpr int kVersion = 2;
    static CoreError install(QSqlDatabase &db);
    // Tables that carry the sync columns (id, updated_at, deleted_at, sync_seq).
    static QStringList syncedTables(const QSqlDatabase &db);
    // Columns that travel: all but the local-only ones (sync_seq, search_text).
    static QStringList syncedColumns(const QSqlDatabase &db, const QString &table);
    // Every synced table with its travelling columns, read with one statement (a PRAGMA
    // table_info per table cost most of a sync round's set-up on the device).
    static QHash<QString, QStringList> syncedColumns(const QSqlDatabase &db);
    // SQL for a JSON object of `cols` of the row named `row` ("NEW", a table alias): the form of
    // an outbox entry's new_json and old_json.
    static QString rowJson(const QStringList &cols, const QString &row);
};
