#include "discardcascade.h"

#include "outboxtriggers.h"
#include "rejecteddiscard.h"
#include "syncmanager.h"

#include <QObject>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace {
CoreError sqlError(const QSqlQuery &q)
{
    return {CoreError::Code::Sql,
            QObject::tr("Không bỏ được các bản ghi mới thuộc về bản ghi bị bỏ: %1")
                .arg(q.lastError().text())};
}
} // namespace

QHash<QString, QList<std::pair<QString, QString>>> DiscardCascade::owners(const QSqlDatabase &db,
                                                                          CoreError *error)
{
    QHash<QString, QList<std::pair<QString, QString>>> owned;
    QSqlQuery q(db);
    for (const QString &child : OutboxTriggers::syncedTables(db)) {
        QSet<QString> required;
        if (!q.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') WHERE \"notnull\"")
                        .arg(child))) {
            *error = sqlError(q);
            return {};
        }
        while (q.next())
            required.insert(q.value(0).toString());
        if (!q.exec(QStringLiteral("SELECT \"table\", \"from\" FROM "
                                   "pragma_foreign_key_list('%1') ORDER BY id, seq")
                        .arg(child))) {
            *error = sqlError(q);
            return {};
        }
        while (q.next())
            if (required.contains(q.value(1).toString()))
                owned[q.value(0).toString()].append({child, q.value(1).toString()});
    }
    return owned;
}

QList<std::pair<QString, QString>> DiscardCascade::rowsOf(const QSqlDatabase &db,
                                                          const QString &entity,
                                                          const QString &rowId, CoreError *error)
{
    CoreError failed;
    const auto owned = owners(db, &failed);
    if (failed.failed()) {
        if (error)
            *error = failed;
        return {};
    }
    QList<std::pair<QString, QString>> rows;
    QSet<QString> seen{entity + QLatin1Char('/') + rowId};
    QList<std::pair<QString, QString>> parents{{entity, rowId}};
    QSqlQuery q(db);
    while (!parents.isEmpty()) {
        const auto [parent, parentId] = parents.takeFirst();
        for (const auto &[child, column] : owned.value(parent)) {
            q.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND id IN (SELECT row_id "
                                     "FROM outbox WHERE entity = ? AND op = 'insert' AND %3) "
                                     "ORDER BY id")
                          .arg(db.driver()->escapeIdentifier(child, QSqlDriver::TableName),
                               db.driver()->escapeIdentifier(column, QSqlDriver::FieldName),
                               QString::fromLatin1(SyncManager::ownEntries)));
            q.addBindValue(parentId);
            q.addBindValue(child);
            if (!q.exec()) {
                if (error)
                    *error = sqlError(q);
                return {};
            }
            while (q.next()) {
                const QString id = q.value(0).toString();
                if (seen.contains(child + QLatin1Char('/') + id))
                    continue;
                seen.insert(child + QLatin1Char('/') + id);
                rows.append({child, id});
                parents.append({child, id});
            }
        }
    }
    return rows;
}

int DiscardCascade::count(const QSqlDatabase &db, const QString &entity, const QString &rowId,
                          CoreError *error)
{
    return int(rowsOf(db, entity, rowId, error).size());
}

CoreError DiscardCascade::giveUp(QSqlDatabase db, const QString &entity, const QString &rowId,
                                 qint64 now, int *rows)
{
    CoreError e;
    const auto found = rowsOf(db, entity, rowId, &e);
    if (e.failed())
        return e;
    for (const auto &[child, id] : found)
        if (e = giveUpRow(db, child, id, now); e.failed())
            return e;
    if (rows)
        *rows = int(found.size());
    return {};
}

CoreError DiscardCascade::giveUpRow(QSqlDatabase db, const QString &entity, const QString &rowId,
                                    qint64 now)
{
    // Every entry, not only those marked refused (RejectedDiscard::keep); a tombstone keeps the
    // time it was deleted at.
    const CoreError kept =
        RejectedDiscard::keep(db,
                              QStringLiteral("entity = ? AND row_id = ? AND %1")
                                  .arg(QString::fromLatin1(SyncManager::ownEntries)),
                              {entity, rowId}, now);
    if (kept.failed())
        return kept;
    return RejectedDiscard::writeNotAsEdit(
        db, entity, rowId, {QStringLiteral("deleted_at = coalesce(deleted_at, ?)")}, {now});
}
