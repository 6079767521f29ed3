#include "searchtext.h"

#include "searchbacklog.h"
#include "sqlitehandle.h"
#include "textfolder.h"
#include "triggersoff.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {
const char *sourceSql(const QString &table)
{
    // The row's id first, then the values its search_text holds; ? is a JSON array of ids.
    if (table == QLatin1String("clusters"))
        return "SELECT c.id, c.name, c.code, c.investor_name, c.establishment_decision, p.name, "
               "(SELECT group_concat(u.level_label || ' ' || u.name, ' ') FROM cluster_units cu "
               "JOIN admin_units u ON u.id = cu.unit_id WHERE cu.cluster_id = c.id AND "
               "cu.deleted_at IS NULL) FROM clusters c LEFT JOIN admin_units p ON p.id = "
               "c.province_id WHERE c.id IN (SELECT value FROM json_each(?))";
    if (table == QLatin1String("tenants"))
        return "SELECT t.id, t.name, t.tax_code, t.industry, c.name FROM tenants t LEFT JOIN "
               "clusters c ON c.id = t.cluster_id WHERE t.id IN (SELECT value FROM json_each(?))";
    if (table == QLatin1String("inspections"))
        return "SELECT i.id, c.name, c.code, i.inspector_name, (SELECT group_concat(p.name, ' ') "
               "FROM inspection_participants p WHERE p.inspection_id = i.id AND p.deleted_at IS "
               "NULL), i.started_at, i.findings, i.conclusions FROM inspections i LEFT JOIN "
               "clusters c ON c.id = i.cluster_id WHERE i.id IN (SELECT value FROM json_each(?))";
    return nullptr;
}

// The ids as a JSON array, for json_each(?).
QString idList(const QStringList &ids)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

CoreError sqlFailure(const QSqlQuery &q)
{
    return {CoreError::Code::Sql,
            QObject::tr("Không cập nhật được chỉ mục tìm kiếm: %1").arg(q.lastError().text())};
}

// Computes and stores the search_text of the rows listed in `list` (a JSON array of ids).
CoreError write(QSqlDatabase &db, const QString &table, const char *sql, const QString &list)
{
    // One query for all the rows (one statement instead of one per row).
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QString::fromLatin1(sql)))
        return sqlFailure(q);
    q.addBindValue(list);
    if (!q.exec())
        return sqlFailure(q);
    const bool inspections = table == QLatin1String("inspections");
    QJsonObject texts;
    int n = -1;
    while (q.next()) {
        if (n < 0)
            n = q.record().count();
        QStringList parts;
        for (int i = 1; i < n; ++i) {
            const QVariant value = q.value(i);
            QString v = value.toString();
            if (inspections && i == 5 && !value.isNull())
                v = QDateTime::fromMSecsSinceEpoch(value.toLongLong())
                        .toString(QStringLiteral("dd/MM/yyyy"));
            if (!v.trimmed().isEmpty())
                parts << v;
        }
        texts.insert(q.value(0).toString(), TextFolder::fold(parts.join(QLatin1Char(' '))));
    }
    q.finish();
    // One statement for all rows: the full-text index then takes them in one go (FTS5 writes
    // what it holds at the start of every statement).
    QSqlQuery up(db);
    up.prepare(QStringLiteral("UPDATE %1 SET search_text = j.value FROM json_each(?) AS j WHERE "
                              "%1.id = j.key AND %1.search_text IS NOT j.value")
                   .arg(table));
    up.addBindValue(QString::fromUtf8(QJsonDocument(texts).toJson(QJsonDocument::Compact)));
    if (!up.exec())
        return sqlFailure(up);
    return {};
}
} // namespace

bool SearchText::covers(const QString &table)
{
    return sourceSql(table) != nullptr;
}

CoreError SearchText::refresh(QSqlDatabase &db, const QString &table, const QString &id)
{
    return refresh(db, table, QStringList{id});
}

CoreError SearchText::refresh(QSqlDatabase &db, const QString &table, const QStringList &ids)
{
    const char *sql = sourceSql(table);
    if (!sql || ids.isEmpty())
        return {};
    // A pulled row still waiting for the indexes is in none: it enters them as new.
    QStringList waiting;
    if (SearchBacklog::defers(table)) {
        if (const CoreError e = SearchBacklog::take(db, table, ids, &waiting); e.failed())
            return e;
    }
    if (waiting.isEmpty())
        return write(db, table, sql, idList(ids));
    if (const CoreError e = indexNew(db, table, waiting); e.failed())
        return e;
    QStringList indexed = ids;
    for (const QString &id : std::as_const(waiting))
        indexed.removeAll(id);
    return indexed.isEmpty() ? CoreError() : write(db, table, sql, idList(indexed));
}

QStringList SearchText::indexesOf(const QString &table)
{
    if (!covers(table))
        return {};
    return {table + QLatin1String("_fts"), table + QLatin1String("_words")};
}

QStringList SearchText::indexTriggersOf(const QString &table)
{
    QStringList out;
    for (const QString &index : indexesOf(table))
        out << index + QLatin1String("_ai") << index + QLatin1String("_au");
    return out;
}

CoreError SearchText::indexNew(QSqlDatabase &db, const QString &table, const QStringList &ids)
{
    const char *sql = sourceSql(table);
    if (!sql || ids.isEmpty())
        return {};
    sqlite3 *handle = SqliteHandle::of(db);
    if (!handle)
        return {CoreError::Code::Sql, QObject::tr("Không cập nhật được chỉ mục tìm kiếm: cơ sở "
                                                  "dữ liệu không phải SQLite đang mở")};
    const QString list = idList(ids);
    {
        // The rows are in no index yet: the update trigger would remove text that is not there.
        const TriggersOff off(handle, true);
        if (const CoreError e = write(db, table, sql, list); e.failed())
            return e;
    }
    for (const QString &index : indexesOf(table)) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO %1(rowid, search_text) SELECT rowid, search_text "
                                 "FROM %2 WHERE id IN (SELECT value FROM json_each(?))")
                      .arg(index, table));
        q.addBindValue(list);
        if (!q.exec())
            return sqlFailure(q);
    }
    return {};
}

CoreError SearchText::rowsShowing(QSqlDatabase &db, const QString &table, const QStringList &ids,
                                  QHash<QString, QSet<QString>> *out)
{
    if (table != QLatin1String("clusters") || ids.isEmpty())
        return {};
    const QString list = idList(ids);
    for (const QString &child : {QStringLiteral("tenants"), QStringLiteral("inspections")}) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        // deleted_at IS NULL: the partial index on (cluster_id) serves it.
        q.prepare(QStringLiteral("SELECT id FROM %1 WHERE cluster_id IN (SELECT value FROM "
                                 "json_each(?)) AND deleted_at IS NULL")
                      .arg(child));
        q.addBindValue(list);
        if (!q.exec())
            return sqlFailure(q);
        QSet<QString> &set = (*out)[child];
        while (q.next())
            set.insert(q.value(0).toString());
    }
    return {};
}
