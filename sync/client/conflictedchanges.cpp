#include "conflictedchanges.h"

#include "outboxtriggers.h"
#include "pushbatch.h"
#include "syncmanager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {
QJsonObject objectOf(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

// The device's row as it is now (the value that won, pulled after the conflict), or an empty
// record when the table is not synced or the row is gone.
QSqlRecord currentRow(const QSqlDatabase &db, const QStringList &synced, const QString &entity,
                      const QString &rowId)
{
    if (!synced.contains(entity)) // a name from the outbox, never put in SQL unchecked
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT * FROM \"%1\" WHERE id = ?").arg(entity));
    q.addBindValue(rowId);
    return q.exec() && q.next() ? q.record() : QSqlRecord();
}
} // namespace

bool ConflictedChanges::keep(QSqlDatabase db, qint64 outboxSeq, const QStringList &conflictIds,
                             qint64 now, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO conflicted_changes(seq, entity, row_id, op, old_json, new_json, "
        "author, created_at, conflict_ids, answered_at) SELECT seq, entity, row_id, op, "
        "old_json, new_json, author, created_at, ?, ? FROM outbox WHERE seq = ?"));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(conflictIds)).toJson(QJsonDocument::Compact)));
    q.addBindValue(now);
    q.addBindValue(outboxSeq);
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

int ConflictedChanges::unreadCount() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT count(*) FROM conflicted_changes WHERE seen_at IS NULL AND %1")
               .arg(QLatin1String(SyncManager::ownEntries)));
    return q.next() ? q.value(0).toInt() : 0;
}

QVariantList ConflictedChanges::unread(int limit) const
{
    QSqlQuery q(m_db);
    QVariantList out;
    q.prepare(QStringLiteral("SELECT seq, entity, row_id, op, old_json, new_json, created_at, "
                             "answered_at FROM conflicted_changes WHERE seen_at IS NULL AND %1 "
                             "ORDER BY seq DESC LIMIT ?")
                  .arg(QLatin1String(SyncManager::ownEntries)));
    q.addBindValue(limit);
    q.exec();
    QStringList synced;
    while (q.next()) {
        const QString entity = q.value(1).toString();
        const QString rowId = q.value(2).toString();
        const QString op = q.value(3).toString();
        // An edit's fields, each with the user's value and the one this device shows now; a new
        // row or a delete is named by what it did (QML: changeOp).
        if (synced.isEmpty())
            synced = OutboxTriggers::syncedTables(m_db);
        const QSqlRecord now = currentRow(m_db, synced, entity, rowId);
        QStringList fields;
        QVariantList values;
        if (op == QLatin1String("update")) {
            const QJsonObject mine =
                PushBatch::fieldsFor(op, objectOf(q.value(4)), objectOf(q.value(5)));
            fields = mine.keys();
            for (const char *clock : {"id", "created_at", "updated_at"})
                fields.removeAll(QLatin1String(clock));
            for (const QString &field : std::as_const(fields))
                values << QVariantMap{{QStringLiteral("field"), field},
                                      {QStringLiteral("mine"), mine.value(field).toVariant()},
                                      {QStringLiteral("current"),
                                       now.contains(field) ? now.value(field) : QVariant()}};
        }
        out << QVariantMap{
            {QStringLiteral("seq"), q.value(0)},
            {QStringLiteral("entity"), entity},
            {QStringLiteral("rowId"), rowId},
            {QStringLiteral("op"), op},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("values"), values},
            {QStringLiteral("deleted"), !now.value(QStringLiteral("deleted_at")).isNull()},
            {QStringLiteral("createdAt"), q.value(6)},
            {QStringLiteral("answeredAt"), q.value(7)}};
    }
    return out;
}

CoreError ConflictedChanges::markRead(qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE conflicted_changes SET seen_at = ? WHERE seen_at IS NULL "
                             "AND %1")
                  .arg(QLatin1String(SyncManager::ownEntries)));
    q.addBindValue(now);
    if (!q.exec())
        return {CoreError::Code::Sql, q.lastError().text()};
    return {};
}
