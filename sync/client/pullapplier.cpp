#include "pullapplier.h"

#include "searchtext.h"

#include "outboxtriggers.h"
#include "protocolversion.h"
#include "pushbatch.h"
#include "syncerrors.h"
#include "transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QtMath>

namespace {
CoreError sqlFailure(const QSqlQuery &q)
{
    return SyncErrors::make(SyncErrors::Kind::Local, q.lastError().text());
}

QVariant toSql(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QVariant();
    case QJsonValue::Bool:
        return v.toBool() ? 1 : 0;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
            return qint64(d);
        return d;
    }
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
    case QJsonValue::Object:
        return QString::fromUtf8(v.isArray()
                                     ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return QVariant();
}

bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
}
} // namespace

PullApplier::PullApplier(QSqlDatabase db) : m_db(std::move(db))
{
    for (const QString &t : OutboxTriggers::syncedTables(m_db))
        m_columns.insert(t, OutboxTriggers::syncedColumns(m_db, t));
}

PullApplier::~PullApplier() = default;

QSqlQuery *PullApplier::prepared(const QString &sql)
{
    if (QSqlQuery *q = m_statements.value(sql))
        return q;
    auto owned = std::make_unique<QSqlQuery>(m_db);
    if (!owned->prepare(sql))
        return nullptr;
    QSqlQuery *q = owned.get();
    m_ownedStatements.push_back(std::move(owned));
    m_statements.insert(sql, q);
    return q;
}

CoreError PullApplier::loadPending(const QJsonArray &changes)
{
    m_pending.clear();
    QJsonArray ids;
    for (const QJsonValue &cv : changes)
        ids.append(cv.toObject().value(QLatin1String("row_id")));
    QSqlQuery *q = prepared(QStringLiteral(
        "SELECT entity, row_id, op, old_json, new_json FROM outbox WHERE rejected_code IS NULL "
        "AND row_id IN (SELECT value FROM json_each(?))"));
    if (!q)
        return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
    q->bindValue(0, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    if (!q->exec())
        return sqlFailure(*q);
    while (q->next()) {
        const QJsonObject oldRow =
            QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object();
        const QJsonObject newRow =
            QJsonDocument::fromJson(q->value(4).toString().toUtf8()).object();
        const QJsonObject f = PushBatch::fieldsFor(q->value(2).toString(), oldRow, newRow);
        QSet<QString> &fields =
            m_pending[q->value(0).toString() + QLatin1Char('/') + q->value(1).toString()];
        for (auto it = f.constBegin(); it != f.constEnd(); ++it)
            fields.insert(it.key());
    }
    q->finish();
    return {};
}

QStringList PullApplier::pendingFields(const QString &entity, const QString &rowId) const
{
    QSet<QString> fields;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT op, old_json, new_json FROM outbox WHERE entity = ? AND "
                             "row_id = ? AND rejected_code IS NULL"));
    q.addBindValue(entity);
    q.addBindValue(rowId);
    q.exec();
    while (q.next()) {
        const QJsonObject oldRow = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        const QJsonObject newRow = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        const QJsonObject f = PushBatch::fieldsFor(q.value(0).toString(), oldRow, newRow);
        for (auto it = f.constBegin(); it != f.constEnd(); ++it)
            fields.insert(it.key());
    }
    QStringList out(fields.begin(), fields.end());
    out.sort();
    return out;
}

CoreError PullApplier::apply(const QJsonObject &page, qint64 since, Page *result)
{
    Page p;
    if (page.value(QLatin1String("protocol")).toInt() != ProtocolVersion::current)
        return SyncErrors::malformed(QStringLiteral("pull: protocol"));
    const QJsonValue changesValue = page.value(QLatin1String("changes"));
    const QJsonValue nextValue = page.value(QLatin1String("next"));
    const QJsonValue moreValue = page.value(QLatin1String("more"));
    if (!changesValue.isArray() || !isInteger(nextValue) || !moreValue.isBool())
        return SyncErrors::malformed(QStringLiteral("pull: page"));
    p.next = qint64(nextValue.toDouble());
    p.more = moreValue.toBool();
    if (p.next < since)
        return SyncErrors::malformed(QStringLiteral("pull: cursor went back"));
    const QJsonArray changes = changesValue.toArray();
    for (const QJsonValue &cv : changes) {
        const QJsonObject c = cv.toObject();
        if (!isInteger(c.value(QLatin1String("seq"))) ||
            !c.value(QLatin1String("entity")).isString() ||
            c.value(QLatin1String("row_id")).toString().isEmpty() ||
            !c.value(QLatin1String("row")).isObject())
            return SyncErrors::malformed(QStringLiteral("pull: change"));
        if (qint64(c.value(QLatin1String("seq")).toDouble()) > p.next)
            return SyncErrors::malformed(QStringLiteral("pull: change after next"));
    }
    if (p.more && changes.isEmpty())
        return SyncErrors::malformed(QStringLiteral("pull: empty page with more"));

    // Parents may arrive after their children (a parent edited later has a later seq), and the
    // user's scope may hide a parent: the registry owns referential integrity, so foreign keys are
    // not checked while a page is written. The pragma must be set outside the transaction.
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    CoreError error;
    {
        Transaction tx(m_db);
        if (!tx.active()) {
            error = SyncErrors::make(SyncErrors::Kind::Local, tx.beginError().message());
        } else if (!q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1"))) {
            error = sqlFailure(q);
        } else if (error = loadPending(changes); error.ok()) {
            for (const QJsonValue &cv : changes) {
                const QJsonObject c = cv.toObject();
                if (!m_columns.contains(c.value(QLatin1String("entity")).toString())) {
                    ++p.skipped;
                    continue;
                }
                error = applyChange(c);
                if (error.failed())
                    break;
                ++p.applied;
            }
            if (error.ok()) {
                QSqlQuery cur(m_db);
                cur.prepare(
                    QStringLiteral("INSERT INTO sync_state(key, value) VALUES ('pull_cursor', ?) "
                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
                cur.addBindValue(QString::number(p.next));
                if (!cur.exec())
                    error = sqlFailure(cur);
            }
            if (error.ok() && !q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0")))
                error = sqlFailure(q);
            if (error.ok()) {
                const CoreError c = tx.commit();
                if (c.failed())
                    error = SyncErrors::make(SyncErrors::Kind::Local, c.message());
            }
        }
    }
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    m_pending.clear();
    if (error.failed())
        return error;
    if (result)
        *result = p;
    return {};
}

CoreError PullApplier::applyChange(const QJsonObject &c)
{
    const QString entity = c.value(QLatin1String("entity")).toString();
    const QString rowId = c.value(QLatin1String("row_id")).toString();
    const qint64 seq = qint64(c.value(QLatin1String("seq")).toDouble());
    const bool deleted = c.value(QLatin1String("deleted")).toBool();
    QJsonObject row = c.value(QLatin1String("row")).toObject();
    row.insert(QStringLiteral("id"), rowId);
    if (deleted && (row.value(QLatin1String("deleted_at")).isNull() ||
                    row.value(QLatin1String("deleted_at")).isUndefined())) {
        const QJsonValue at = row.value(QLatin1String("updated_at"));
        row.insert(QStringLiteral("deleted_at"),
                   isInteger(at) ? at : QJsonValue(double(QDateTime::currentMSecsSinceEpoch())));
    }
    const QStringList &columns = m_columns[entity];

    QSqlQuery *exists =
        prepared(QStringLiteral("SELECT sync_seq FROM %1 WHERE id = ?").arg(entity));
    if (!exists)
        return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
    exists->bindValue(0, rowId);
    if (!exists->exec())
        return sqlFailure(*exists);
    const bool present = exists->next();
    exists->finish();

    QStringList cols;
    QVariantList values;
    if (present) {
        const QSet<QString> pending = m_pending.value(entity + QLatin1Char('/') + rowId);
        for (const QString &col : columns) {
            if (col == QLatin1String("id") || !row.contains(col) || pending.contains(col))
                continue;
            cols << col;
            values << toSql(row.value(col));
        }
        QStringList sets;
        for (const QString &col : cols)
            sets << QStringLiteral("%1 = ?").arg(col);
        sets << QStringLiteral("sync_seq = ?");
        QSqlQuery *up = prepared(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                     .arg(entity, sets.join(QStringLiteral(", "))));
        if (!up)
            return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
        int at = 0;
        for (const QVariant &v : values)
            up->bindValue(at++, v);
        up->bindValue(at++, seq);
        up->bindValue(at++, rowId);
        if (!up->exec())
            return sqlFailure(*up);
    } else {
        for (const QString &col : columns) {
            if (!row.contains(col))
                continue;
            cols << col;
            values << toSql(row.value(col));
        }
        cols << QStringLiteral("sync_seq");
        values << seq;
        QStringList marks;
        for (int i = 0; i < cols.size(); ++i)
            marks << QStringLiteral("?");
        QSqlQuery *ins = prepared(
            QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                .arg(entity, cols.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
        if (!ins)
            return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
        for (int i = 0; i < values.size(); ++i)
            ins->bindValue(i, values.at(i));
        if (!ins->exec())
            return sqlFailure(*ins);
    }

    // search_text is device-only: rebuild it for the pulled row (and for the row it describes).
    QString searchTable = entity, searchId = rowId;
    if (entity == QLatin1String("inspection_participants")) {
        searchTable = QStringLiteral("inspections");
        searchId = row.value(QLatin1String("inspection_id")).toString();
    } else if (entity == QLatin1String("cluster_units")) {
        searchTable = QStringLiteral("clusters");
        searchId = row.value(QLatin1String("cluster_id")).toString();
    }
    if (SearchText::covers(searchTable)) {
        const CoreError e = SearchText::refresh(m_db, searchTable, searchId);
        if (e.failed())
            return e;
    }

    if (entity == QLatin1String("photos") && row.value(QLatin1String("sha256")).isString() &&
        !deleted) {
        QSqlQuery *ph = prepared(QStringLiteral(
            "INSERT INTO photo_transfers(sha256, thumb_state, changed_at) VALUES (?, 'wanted', ?) "
            "ON CONFLICT(sha256) DO UPDATE SET thumb_state = 'wanted' WHERE thumb_state = 'none'"));
        if (!ph)
            return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
        ph->bindValue(0, row.value(QLatin1String("sha256")).toString());
        ph->bindValue(1, QDateTime::currentMSecsSinceEpoch());
        if (!ph->exec())
            return sqlFailure(*ph);
    }
    return {};
}
