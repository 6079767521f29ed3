#include "outboxtriggers.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QStringList columnsOf(const QSqlDatabase &db, const QString &table)
{
    QStringList cols;
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (q.next())
        cols << q.value(1).toString();
    return cols;
}

// A table with these columns carries the sync columns.
bool isSynced(const QStringList &cols)
{
    return cols.contains(QLatin1String("id")) && cols.contains(QLatin1String("updated_at")) &&
           cols.contains(QLatin1String("deleted_at")) && cols.contains(QLatin1String("sync_seq"));
}

// The columns that travel: all but the local-only ones.
QStringList travelling(QStringList cols)
{
    cols.removeAll(QStringLiteral("sync_seq"));
    cols.removeAll(QStringLiteral("search_text"));
    return cols;
}

QString jsonObject(const QStringList &cols, const QString &row)
{
    QStringList parts;
    for (const QString &c : cols)
        parts << QStringLiteral("'%1', %2.%1").arg(c, row);
    return QStringLiteral("json_object(%1)").arg(parts.join(QStringLiteral(", ")));
}

// SQLite's schema cookie: it changes whenever any table, index or trigger is created, altered
// or dropped. sync_state keeps the cookie at which the triggers were last found complete.
const QString kCheckedCookieKey = QStringLiteral("outbox_triggers_schema_cookie");

// SQLite's schema cookie and the triggers' version, as stored once the triggers were checked.
QString schemaCookie(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA schema_version")) && q.next())
        return q.value(0).toString() + QStringLiteral("/t%1").arg(OutboxTriggers::kVersion);
    return {};
}

QString checkedCookie(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(kCheckedCookieKey);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

// The error's text, or an empty string when stored.
QString rememberCookie(const QSqlDatabase &db, const QString &cookie)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_state(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(kCheckedCookieKey);
    q.addBindValue(cookie);
    return q.exec() ? QString() : q.lastError().text();
}
} // namespace

QStringList OutboxTriggers::syncedTables(const QSqlDatabase &db)
{
    QStringList tables;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                          "'sqlite_%' ORDER BY name"));
    while (q.next())
        tables << q.value(0).toString();
    QStringList synced;
    for (const QString &t : tables) {
        if (isSynced(columnsOf(db, t)))
            synced << t;
    }
    return synced;
}

QStringList OutboxTriggers::syncedColumns(const QSqlDatabase &db, const QString &table)
{
    return travelling(columnsOf(db, table));
}

QHash<QString, QStringList> OutboxTriggers::syncedColumns(const QSqlDatabase &db)
{
    QHash<QString, QStringList> columns;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Only tables whose CREATE text names sync_seq (ALTER TABLE ADD COLUMN appends to it) are
    // read: the full-text tables' columns cost a connection of their module each.
    if (!q.exec(QStringLiteral(
            "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p WHERE "
            "m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND instr(m.sql, 'sync_seq') > 0 "
            "ORDER BY m.name, p.cid"))) {
        // A table whose columns cannot be read fails the whole statement: read them one by one.
        for (const QString &t : syncedTables(db))
            columns.insert(t, syncedColumns(db, t));
        return columns;
    }
    while (q.next())
        columns[q.value(0).toString()] << q.value(1).toString();
    QHash<QString, QStringList> synced;
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        if (isSynced(it.value()))
            synced.insert(it.key(), travelling(it.value()));
    }
    return synced;
}

QString OutboxTriggers::rowJson(const QStringList &cols, const QString &row)
{
    return jsonObject(cols, row);
}

CoreError OutboxTriggers::install(QSqlDatabase &db)
{
    // An unchanged schema since the last check: nothing to compare (reading every table's
    // columns costs milliseconds at each app start).
    const QString cookie = schemaCookie(db);
    if (!cookie.isEmpty() && cookie == checkedCookie(db))
        return {};

    // The wanted CREATE TRIGGER statements, by trigger name.
    QMap<QString, QString> wanted;
    const QString notApplying = QStringLiteral("(SELECT applying FROM sync_flags) = 0");
    // Each change names its author: who works on the tablet (schema 009).
    const QString insertOutbox =
        QStringLiteral("INSERT INTO outbox(change_id, entity, row_id, op, base_seq, old_json, "
                       "new_json, created_at, author) ");
    const QString author = QStringLiteral("(SELECT author FROM sync_flags)");
    // A delete's base is all the device had seen: its row's version, or its pull cursor when that
    // is further (every version up to it has been pulled). The registry keeps a row alive that
    // rows of others name, written after a delete's base (PROTOCOL.md, DependentRows).
    // An update that sets deleted_at is a delete (a soft delete, a tombstone).
    const QString isDelete =
        QStringLiteral("NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL");
    const QString deleteBase =
        QStringLiteral("CASE WHEN %1 THEN max(OLD.sync_seq, coalesce((SELECT CAST(value AS "
                       "INTEGER) FROM sync_state WHERE key = 'pull_cursor'), 0)) ELSE "
                       "OLD.sync_seq END")
            .arg(isDelete);
    for (const QString &t : syncedTables(db)) {
        const QStringList cols = syncedColumns(db, t);
        wanted.insert(
            t + QStringLiteral("_outbox_ai"),
            QStringLiteral("CREATE TRIGGER %1_outbox_ai AFTER INSERT ON %1 WHEN %2 BEGIN %3"
                           "VALUES (lower(hex(randomblob(16))), '%1', NEW.id, 'insert', "
                           "NEW.sync_seq, NULL, %4, NEW.updated_at, %5); END")
                .arg(t, notApplying, insertOutbox, jsonObject(cols, QStringLiteral("NEW")),
                     author));
        wanted.insert(
            t + QStringLiteral("_outbox_au"),
            QStringLiteral(
                "CREATE TRIGGER %1_outbox_au AFTER UPDATE ON %1 WHEN %2 AND %4 IS NOT %5 "
                "BEGIN %3"
                "VALUES (lower(hex(randomblob(16))), '%1', NEW.id, CASE WHEN %8 THEN 'delete' "
                "ELSE 'update' END, %7, %4, %5, NEW.updated_at, %6); END")
                .arg(t, notApplying, insertOutbox, jsonObject(cols, QStringLiteral("OLD")),
                     jsonObject(cols, QStringLiteral("NEW")), author, deleteBase, isDelete));
        wanted.insert(t + QStringLiteral("_no_hard_delete"),
                      QStringLiteral("CREATE TRIGGER %1_no_hard_delete BEFORE DELETE ON %1 WHEN "
                                     "%2 BEGIN SELECT RAISE(ABORT, 'rows are soft-deleted: set "
                                     "deleted_at'); END")
                          .arg(t, notApplying));
    }
    // Most opens find them all in place: compare with what the file holds and write nothing then
    // (a write would cost a commit, an fsync, at every start).
    QSqlQuery q(db);
    QMap<QString, QString> present;
    q.exec(
        QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name "
                       "LIKE '%\\_outbox\\_a_' ESCAPE '\\' OR name LIKE '%\\_no\\_hard\\_delete' "
                       "ESCAPE '\\')"));
    while (q.next())
        present.insert(q.value(0).toString(), q.value(1).toString());
    if (present == wanted) {
        // Only a cache: if it cannot be written, the next open compares again.
        rememberCookie(db, cookie);
        return {};
    }

    if (!db.transaction())
        return {CoreError::Code::MigrationFailed, db.lastError().text()};
    for (auto it = present.constBegin(); it != present.constEnd(); ++it) {
        if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(it.key()))) {
            const QString why = q.lastError().text();
            db.rollback();
            return {CoreError::Code::MigrationFailed, why};
        }
    }
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        if (!q.exec(it.value())) {
            const QString why = q.lastError().text();
            db.rollback();
            return {CoreError::Code::MigrationFailed,
                    QObject::tr("Không cài được trigger đồng bộ %1: %2").arg(it.key(), why)};
        }
    }
    if (const QString why = rememberCookie(db, schemaCookie(db)); !why.isEmpty()) {
        db.rollback();
        return {CoreError::Code::MigrationFailed, why};
    }
    if (!db.commit())
        return {CoreError::Code::MigrationFailed, db.lastError().text()};
    return {};
}
