#include "conflictedchanges.h"

#include "pushbatch.h"
#include "syncmanager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QJsonObject objectOf(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
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
    while (q.next()) {
        const QString op = q.value(3).toString();
        // An edit's fields; a new row or a delete is named by what it did (QML: changeOp).
        QStringList fields;
        if (op == QLatin1String("update"))
            fields = PushBatch::fieldsFor(op, objectOf(q.value(4)), objectOf(q.value(5))).keys();
        for (const char *clock : {"id", "created_at", "updated_at"})
            fields.removeAll(QLatin1String(clock));
        out << QVariantMap{
            {QStringLiteral("seq"), q.value(0)},       {QStringLiteral("entity"), q.value(1)},
            {QStringLiteral("rowId"), q.value(2)},     {QStringLiteral("op"), op},
            {QStringLiteral("fields"), fields},        {QStringLiteral("createdAt"), q.value(6)},
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
