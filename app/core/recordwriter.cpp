#include "recordwriter.h"

#include "storedtext.h"
#include "uuid7.h"

#include <QDateTime>
#include <QObject>
#include <QSqlError>

RecordWriter::RecordWriter(QSqlDatabase db) : m_db(std::move(db)) {}

namespace {
// A null QString is bound as '' (Qt would bind NULL, which NOT NULL text columns refuse);
// an explicitly empty QVariant() stays NULL. Text is stored as the registry can take it back
// (StoredText: a pasted NUL would be refused there, the change kept on the tablet for review).
QVariant bindable(const QVariant &v)
{
    if (v.metaType().id() != QMetaType::QString)
        return v;
    const QString s = v.toString();
    if (s.isNull())
        return QStringLiteral("");
    return StoredText::needsCleaning(s) ? QVariant(StoredText::cleaned(s)) : v;
}
} // namespace

qint64 RecordWriter::now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QSqlQuery *RecordWriter::prepared(const QString &sql)
{
    auto it = m_cache.constFind(sql);
    if (it != m_cache.constEnd())
        return it.value();
    auto q = std::make_unique<QSqlQuery>(m_db);
    if (!q->prepare(sql))
        return nullptr;
    QSqlQuery *raw = q.get();
    m_queries.push_back(std::move(q));
    m_cache.insert(sql, raw);
    return raw;
}

CoreError RecordWriter::insert(const QString &table, const QVariantMap &values, QString *id)
{
    QVariantMap row = values;
    if (row.value(QStringLiteral("id")).toString().isEmpty())
        row.insert(QStringLiteral("id"), Uuid7::generate());
    const qint64 t = now();
    if (!row.contains(QStringLiteral("created_at")))
        row.insert(QStringLiteral("created_at"), t);
    if (!row.contains(QStringLiteral("updated_at")))
        row.insert(QStringLiteral("updated_at"), row.value(QStringLiteral("created_at")));
    const QStringList cols = row.keys();
    QStringList marks;
    marks.reserve(cols.size());
    for (int i = 0; i < cols.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery *q =
        prepared(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                     .arg(table, cols.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
    if (!q)
        return {CoreError::Code::Sql, QObject::tr("Không chuẩn bị được việc lưu vào %1: %2")
                                          .arg(table, m_db.lastError().text())};
    for (int i = 0; i < cols.size(); ++i)
        q->bindValue(i, bindable(row.value(cols.at(i))));
    if (!q->exec())
        return {CoreError::Code::Sql,
                QObject::tr("Không lưu được vào %1: %2").arg(table, q->lastError().text())};
    if (id)
        *id = row.value(QStringLiteral("id")).toString();
    return {};
}

CoreError RecordWriter::update(const QString &table, const QString &id, const QVariantMap &changes)
{
    if (changes.isEmpty())
        return {};
    const QStringList cols = changes.keys();
    QStringList sets;
    QStringList differs;
    for (const QString &c : cols) {
        sets << QStringLiteral("%1 = ?").arg(c);
        differs << QStringLiteral("%1 IS NOT ?").arg(c);
    }
    QSqlQuery *q = prepared(
        QStringLiteral("UPDATE %1 SET %2, updated_at = ? WHERE id = ? AND (%3)")
            .arg(table, sets.join(QLatin1Char(',')), differs.join(QStringLiteral(" OR "))));
    if (!q)
        return {CoreError::Code::Sql, QObject::tr("Không chuẩn bị được việc cập nhật %1: %2")
                                          .arg(table, m_db.lastError().text())};
    int i = 0;
    for (const QString &c : cols)
        q->bindValue(i++, bindable(changes.value(c)));
    q->bindValue(i++, now());
    q->bindValue(i++, id);
    for (const QString &c : cols)
        q->bindValue(i++, bindable(changes.value(c)));
    if (!q->exec())
        return {CoreError::Code::Sql,
                QObject::tr("Không lưu được vào %1: %2").arg(table, q->lastError().text())};
    return {};
}

CoreError RecordWriter::softDelete(const QString &table, const QString &id)
{
    QSqlQuery *q = prepared(
        QStringLiteral(
            "UPDATE %1 SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
            .arg(table));
    if (!q)
        return {CoreError::Code::Sql, m_db.lastError().text()};
    const qint64 t = now();
    q->bindValue(0, t);
    q->bindValue(1, t);
    q->bindValue(2, id);
    if (!q->exec())
        return {CoreError::Code::Sql,
                QObject::tr("Không xoá được khỏi %1: %2").arg(table, q->lastError().text())};
    return {};
}
