#include "searchtext.h"

#include "textfolder.h"

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
    if (table == QLatin1String("clusters"))
        return "SELECT c.name, c.code, c.investor_name, c.establishment_decision, p.name, "
               "(SELECT group_concat(u.level_label || ' ' || u.name, ' ') FROM cluster_units cu "
               "JOIN admin_units u ON u.id = cu.unit_id WHERE cu.cluster_id = c.id AND "
               "cu.deleted_at IS NULL) FROM clusters c LEFT JOIN admin_units p ON p.id = "
               "c.province_id WHERE c.id = ?";
    if (table == QLatin1String("tenants"))
        return "SELECT t.name, t.tax_code, t.industry, c.name FROM tenants t LEFT JOIN clusters c "
               "ON c.id = t.cluster_id WHERE t.id = ?";
    if (table == QLatin1String("inspections"))
        return "SELECT c.name, c.code, i.inspector_name, (SELECT group_concat(p.name, ' ') FROM "
               "inspection_participants p WHERE p.inspection_id = i.id AND p.deleted_at IS NULL), "
               "i.started_at, i.findings, i.conclusions FROM inspections i LEFT JOIN clusters c ON "
               "c.id = i.cluster_id WHERE i.id = ?";
    return nullptr;
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
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QString::fromLatin1(sql)))
        return {CoreError::Code::Sql,
                QObject::tr("Không cập nhật được chỉ mục tìm kiếm: %1").arg(q.lastError().text())};
    QJsonObject texts;
    for (const QString &id : ids) {
        q.bindValue(0, id);
        if (!q.exec())
            return {
                CoreError::Code::Sql,
                QObject::tr("Không cập nhật được chỉ mục tìm kiếm: %1").arg(q.lastError().text())};
        if (!q.next())
            continue;
        QStringList parts;
        const int n = q.record().count();
        for (int i = 0; i < n; ++i) {
            QString v = q.value(i).toString();
            if (table == QLatin1String("inspections") && i == 4 && !q.value(i).isNull())
                v = QDateTime::fromMSecsSinceEpoch(q.value(i).toLongLong())
                        .toString(QStringLiteral("dd/MM/yyyy"));
            if (!v.trimmed().isEmpty())
                parts << v;
        }
        q.finish();
        texts.insert(id, TextFolder::fold(parts.join(QLatin1Char(' '))));
    }
    // One statement for all rows: the full-text index then takes them in one go (FTS5 writes
    // what it holds at the start of every statement).
    QSqlQuery up(db);
    up.prepare(QStringLiteral("UPDATE %1 SET search_text = j.value FROM json_each(?) AS j WHERE "
                              "%1.id = j.key AND %1.search_text IS NOT j.value")
                   .arg(table));
    up.addBindValue(QString::fromUtf8(QJsonDocument(texts).toJson(QJsonDocument::Compact)));
    if (!up.exec())
        return {CoreError::Code::Sql,
                QObject::tr("Không cập nhật được chỉ mục tìm kiếm: %1").arg(up.lastError().text())};
    return {};
}

CoreError SearchText::rowsShowing(QSqlDatabase &db, const QString &table, const QStringList &ids,
                                  QHash<QString, QSet<QString>> *out)
{
    if (table != QLatin1String("clusters") || ids.isEmpty())
        return {};
    const QString list = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
    for (const QString child : {QStringLiteral("tenants"), QStringLiteral("inspections")}) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        // deleted_at IS NULL: the partial index on (cluster_id) serves it.
        q.prepare(QStringLiteral("SELECT id FROM %1 WHERE cluster_id IN (SELECT value FROM "
                                 "json_each(?)) AND deleted_at IS NULL")
                      .arg(child));
        q.addBindValue(list);
        if (!q.exec())
            return {
                CoreError::Code::Sql,
                QObject::tr("Không cập nhật được chỉ mục tìm kiếm: %1").arg(q.lastError().text())};
        QSet<QString> &set = (*out)[child];
        while (q.next())
            set.insert(q.value(0).toString());
    }
    return {};
}
