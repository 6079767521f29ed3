#include "searchbacklog.h"

#include "searchtext.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {
CoreError sqlFailure(const QSqlQuery &q)
{
    return {CoreError::Code::Sql, QObject::tr("Không cập nhật được danh sách chờ lập chỉ mục tìm "
                                              "kiếm: %1")
                                      .arg(q.lastError().text())};
}

QString idList(const QStringList &ids)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}
} // namespace

bool SearchBacklog::defers(const QString &table)
{
    return table == QLatin1String("tenants") || table == QLatin1String("inspections");
}

CoreError SearchBacklog::add(QSqlDatabase &db, const QString &table, const QStringList &ids)
{
    if (ids.isEmpty())
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO search_backlog(entity, row_id) SELECT ?, "
                             "value FROM json_each(?)"));
    q.addBindValue(table);
    q.addBindValue(idList(ids));
    return q.exec() ? CoreError() : sqlFailure(q);
}

CoreError SearchBacklog::take(QSqlDatabase &db, const QString &table, const QStringList &ids,
                              QStringList *taken)
{
    taken->clear();
    if (ids.isEmpty())
        return {};
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("DELETE FROM search_backlog WHERE entity = ? AND row_id IN (SELECT "
                             "value FROM json_each(?)) RETURNING row_id"));
    q.addBindValue(table);
    q.addBindValue(idList(ids));
    if (!q.exec())
        return sqlFailure(q);
    while (q.next())
        taken->append(q.value(0).toString());
    return {};
}

CoreError SearchBacklog::indexSome(QSqlDatabase &db, int limit, int *left)
{
    *left = 0;
    Transaction tx(db);
    if (!tx.active())
        return tx.beginError();
    // Out of the backlog first, in one statement: indexNew's rows must be in no index.
    QMap<QString, QStringList> byTable;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("DELETE FROM search_backlog WHERE (entity, row_id) IN (SELECT "
                                 "entity, row_id FROM search_backlog LIMIT ?) RETURNING entity, "
                                 "row_id"));
        q.addBindValue(qMax(1, limit));
        if (!q.exec())
            return sqlFailure(q);
        while (q.next())
            byTable[q.value(0).toString()] << q.value(1).toString();
    }
    for (auto it = byTable.constBegin(); it != byTable.constEnd(); ++it)
        if (const CoreError e = SearchText::indexNew(db, it.key(), it.value()); e.failed())
            return e;
    if (const CoreError e = tx.commit(); e.failed())
        return e;
    return count(db, left);
}

CoreError SearchBacklog::count(const QSqlDatabase &db, int *count)
{
    *count = 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM search_backlog")) || !q.next())
        return sqlFailure(q);
    *count = q.value(0).toInt();
    return {};
}
