#include "discardcascade.h"

#include "outboxtriggers.h"
#include "rejecteddiscard.h"
#include "scopeparent.h"
#include "syncmanager.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {
CoreError sqlError(const QSqlQuery &q)
{
    return {CoreError::Code::Sql,
            QObject::tr("Không bỏ được các bản ghi mới thuộc về bản ghi bị bỏ: %1")
                .arg(q.lastError().text())};
}
} // namespace

QHash<QString, QList<DiscardCascade::Reference>> DiscardCascade::references(const QSqlDatabase &db,
                                                                            CoreError *error)
{
    QHash<QString, QList<Reference>> named;
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
        while (q.next()) {
            const QString column = q.value(1).toString();
            named[q.value(0).toString()].append({child, column, required.contains(column)});
        }
    }
    return named;
}

QList<std::pair<QString, QString>> DiscardCascade::rowsOf(const QSqlDatabase &db,
                                                          const QString &entity,
                                                          const QString &rowId, CoreError *error)
{
    CoreError failed;
    const auto named = references(db, &failed);
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
        for (const Reference &ref : named.value(parent)) {
            // The user's new rows that name it there (a NULL-able reference: the whole row, to
            // see whether the registry takes that reference for the row's parent).
            q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND id IN (SELECT row_id "
                                     "FROM outbox WHERE entity = ? AND op = 'insert' AND %4) "
                                     "ORDER BY id")
                          .arg(ref.required ? QStringLiteral("id") : QStringLiteral("*"),
                               db.driver()->escapeIdentifier(ref.child, QSqlDriver::TableName),
                               db.driver()->escapeIdentifier(ref.column, QSqlDriver::FieldName),
                               QString::fromLatin1(SyncManager::ownEntries)));
            q.addBindValue(parentId);
            q.addBindValue(ref.child);
            if (!q.exec()) {
                if (error)
                    *error = sqlError(q);
                return {};
            }
            while (q.next()) {
                if (!ref.required && !isParentOf(parent, parentId, ref.child, q.record()))
                    continue;
                const QString id = q.value(QStringLiteral("id")).toString();
                if (seen.contains(ref.child + QLatin1Char('/') + id))
                    continue;
                seen.insert(ref.child + QLatin1Char('/') + id);
                rows.append({ref.child, id});
                parents.append({ref.child, id});
            }
        }
    }
    return rows;
}

bool DiscardCascade::isParentOf(const QString &parent, const QString &parentId,
                                const QString &child, const QSqlRecord &row)
{
    QJsonObject o;
    for (int i = 0; i < row.count(); ++i)
        o.insert(row.fieldName(i), QJsonValue::fromVariant(row.value(i)));
    const ScopeParent of = ScopeParent::of(child, o);
    return of.kind == ScopeParent::Kind::Row && of.entity == parent && of.rowId == parentId;
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
