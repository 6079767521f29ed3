#include "displacedrows.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {
CoreError sqlError(const QSqlQuery &q)
{
    return {CoreError::Code::Sql,
            QObject::tr("Không để riêng được bản ghi trùng khoá: %1").arg(q.lastError().text())};
}
} // namespace

DisplacedRows::DisplacedRows(QSqlDatabase db) : m_db(std::move(db)) {}

QList<QStringList> DisplacedRows::keysOf(const QString &table)
{
    const auto known = m_keys.constFind(table);
    if (known != m_keys.constEnd())
        return *known;
    QList<QStringList> keys;
    QSqlQuery q(m_db), columns(m_db);
    q.prepare(QStringLiteral("SELECT name FROM pragma_index_list(?) WHERE \"unique\" AND origin "
                             "<> 'pk' AND NOT partial ORDER BY name"));
    q.addBindValue(table);
    q.exec();
    while (q.next()) {
        columns.prepare(QStringLiteral("SELECT name FROM pragma_index_info(?) ORDER BY seqno"));
        columns.addBindValue(q.value(0).toString());
        columns.exec();
        QStringList key;
        while (columns.next())
            key << columns.value(0).toString();
        if (!key.isEmpty() && !key.contains(QString())) // an expression is no column
            keys << key;
    }
    m_keys.insert(table, keys);
    return keys;
}

CoreError DisplacedRows::settle(const QString &table, const QJsonObject &row, qint64 seq,
                                bool *write, QSet<QString> *skip)
{
    *write = true;
    const QString id = row.value(QLatin1String("id")).toString();
    for (const QStringList &key : keysOf(table)) {
        QJsonArray values;
        bool null = false;
        for (const QString &column : key) {
            const QJsonValue v = row.value(column);
            null = null || v.isNull() || v.isUndefined(); // NULLs never collide
            values.append(v);
        }
        if (null)
            continue;
        const QString name =
            table + QLatin1Char('\x1f') + key.join(QLatin1Char(',')) + QLatin1Char('\x1f') +
            QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact));
        // A row of this page before it holds the key.
        const auto taken = m_taken.constFind(name);
        if (taken != m_taken.constEnd() && taken->id != id) {
            if (id > taken->id) {
                *write = false;
                return keep(table, row, seq);
            }
            if (const CoreError e = keep(table, taken->row, taken->seq); e.failed())
                return e;
            skip->insert(table + QLatin1Char('/') + taken->id);
        }
        // A row the device holds does.
        QStringList where;
        for (const QString &column : key)
            where << m_db.driver()->escapeIdentifier(column, QSqlDriver::FieldName) +
                         QStringLiteral(" = ?");
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT * FROM %1 WHERE %2 AND id <> ?")
                      .arg(m_db.driver()->escapeIdentifier(table, QSqlDriver::TableName),
                           where.join(QStringLiteral(" AND "))));
        for (const QJsonValue &v : std::as_const(values))
            q.addBindValue(v.toVariant());
        q.addBindValue(id);
        if (!q.exec())
            return sqlError(q);
        if (q.next()) {
            const QSqlRecord held = q.record();
            q.finish(); // the read ends before anything is written
            const QString heldId = held.value(QStringLiteral("id")).toString();
            if (id > heldId) {
                *write = false;
                return keep(table, row, seq);
            }
            QJsonObject heldRow;
            for (int i = 0; i < held.count(); ++i)
                if (held.fieldName(i) != QLatin1String("sync_seq"))
                    heldRow.insert(held.fieldName(i), QJsonValue::fromVariant(held.value(i)));
            const qint64 version = held.value(QStringLiteral("sync_seq")).toLongLong();
            if (const CoreError e = keep(table, heldRow, version); e.failed())
                return e;
            QSqlQuery drop(m_db);
            drop.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?")
                             .arg(m_db.driver()->escapeIdentifier(table, QSqlDriver::TableName)));
            drop.addBindValue(heldId);
            if (!drop.exec())
                return sqlError(drop);
        }
        m_taken.insert(name, {id, row, seq});
    }
    return {};
}

CoreError DisplacedRows::keep(const QString &table, const QJsonObject &row, qint64 version)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO displaced_rows(entity, row_id, row_json, version, displaced_at) VALUES (?, "
        "?, ?, ?, ?) ON CONFLICT(entity, row_id) DO UPDATE SET row_json = excluded.row_json, "
        "version = excluded.version, displaced_at = excluded.displaced_at"));
    q.addBindValue(table);
    q.addBindValue(row.value(QLatin1String("id")).toString());
    q.addBindValue(QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact)));
    q.addBindValue(version);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return sqlError(q);
    return {};
}
