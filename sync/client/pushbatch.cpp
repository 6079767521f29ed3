#include "pushbatch.h"

#include "outboxtriggers.h"
#include "protocolversion.h"
#include "syncerrors.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <memory>

namespace {
QJsonObject parseObject(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

CoreError sqlFailure(const QSqlQuery &q)
{
    return SyncErrors::make(SyncErrors::Kind::Local, q.lastError().text());
}
} // namespace

QJsonObject PushBatch::fieldsFor(const QString &op, const QJsonObject &oldRow,
                                 const QJsonObject &newRow)
{
    QJsonObject fields;
    if (op == QLatin1String("insert")) {
        fields = newRow;
    } else if (op == QLatin1String("delete")) {
        fields.insert(QStringLiteral("deleted_at"), newRow.value(QLatin1String("deleted_at")));
    } else {
        for (auto it = newRow.constBegin(); it != newRow.constEnd(); ++it) {
            if (!oldRow.contains(it.key()) || oldRow.value(it.key()) != it.value())
                fields.insert(it.key(), it.value());
        }
        // The time of the edit travels with every update, even when two edits share a millisecond.
        if (newRow.contains(QLatin1String("updated_at")))
            fields.insert(QStringLiteral("updated_at"), newRow.value(QLatin1String("updated_at")));
    }
    fields.remove(QStringLiteral("id"));
    return fields;
}

CoreError PushBatch::build(const QSqlDatabase &db, const QString &deviceId, int limit,
                           PushBatch *out)
{
    *out = PushBatch();
    limit = qBound(1, limit, maxChanges);
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT seq, change_id, entity, row_id, op, base_seq, old_json, "
                       "new_json FROM outbox WHERE rejected_code IS NULL ORDER BY seq LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlFailure(q);
    QJsonArray changes;
    while (q.next()) {
        Entry e;
        e.outboxSeq = q.value(0).toLongLong();
        e.changeId = q.value(1).toString();
        e.entity = q.value(2).toString();
        e.rowId = q.value(3).toString();
        e.op = q.value(4).toString();
        e.baseSeq = q.value(5).toLongLong();
        const QJsonObject fields =
            fieldsFor(e.op, parseObject(q.value(6)), parseObject(q.value(7)));
        changes.append(QJsonObject{{QStringLiteral("change_id"), e.changeId},
                                   {QStringLiteral("entity"), e.entity},
                                   {QStringLiteral("row_id"), e.rowId},
                                   {QStringLiteral("op"), e.op},
                                   {QStringLiteral("base_seq"), double(e.baseSeq)},
                                   {QStringLiteral("fields"), fields}});
        out->m_entries << e;
    }
    out->m_body = QJsonObject{{QStringLiteral("protocol"), ProtocolVersion::current},
                              {QStringLiteral("device_id"), deviceId},
                              {QStringLiteral("changes"), changes}};
    return {};
}

CoreError PushBatch::markSent(QSqlDatabase db, qint64 now) const
{
    if (m_entries.isEmpty())
        return {};
    Transaction tx(db);
    if (!tx.active())
        return SyncErrors::make(SyncErrors::Kind::Local, tx.beginError().message());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE outbox SET sent_at = ? WHERE seq = ? AND sent_at IS NULL"));
    for (const Entry &e : m_entries) {
        q.bindValue(0, now);
        q.bindValue(1, e.outboxSeq);
        if (!q.exec())
            return sqlFailure(q);
    }
    const CoreError c = tx.commit();
    if (c.failed())
        return SyncErrors::make(SyncErrors::Kind::Local, c.message());
    return {};
}

CoreError PushBatch::applyReply(QSqlDatabase db, const QJsonObject &reply, Outcome *outcome) const
{
    Outcome o;
    // Validate everything before touching the outbox.
    if (reply.value(QLatin1String("protocol")).toInt() != ProtocolVersion::current)
        return SyncErrors::malformed(QStringLiteral("push: protocol"));
    const QJsonArray results = reply.value(QLatin1String("results")).toArray();
    if (results.size() != m_entries.size())
        return SyncErrors::malformed(QStringLiteral("push: %1 results for %2 changes")
                                         .arg(results.size())
                                         .arg(m_entries.size()));
    o.serverSeq = qint64(reply.value(QLatin1String("server_seq")).toDouble());
    static const QSet<QString> statuses{QStringLiteral("applied"), QStringLiteral("duplicate"),
                                        QStringLiteral("conflict"), QStringLiteral("rejected")};
    for (int i = 0; i < results.size(); ++i) {
        const QJsonObject r = results.at(i).toObject();
        if (r.value(QLatin1String("change_id")).toString() != m_entries.at(i).changeId ||
            !statuses.contains(r.value(QLatin1String("status")).toString()))
            return SyncErrors::malformed(QStringLiteral("push: result %1").arg(i));
    }
    const QStringList tables = OutboxTriggers::syncedTables(db);

    Transaction tx(db);
    if (!tx.active())
        return SyncErrors::make(SyncErrors::Kind::Local, tx.beginError().message());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1")))
        return sqlFailure(q);
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
    QSqlQuery rej(db);
    rej.prepare(
        QStringLiteral("UPDATE outbox SET rejected_code = ?, rejected_message = ? WHERE seq = ?"));
    std::map<QString, std::unique_ptr<QSqlQuery>> seqUpdates;
    qint64 rewindTo = -1;
    for (int i = 0; i < results.size(); ++i) {
        const QJsonObject r = results.at(i).toObject();
        const Entry &e = m_entries.at(i);
        const QString status = r.value(QLatin1String("status")).toString();
        if (status == QLatin1String("rejected")) {
            QString code = r.value(QLatin1String("code")).toString();
            if (code.isEmpty())
                code = QStringLiteral("rejected");
            rej.bindValue(0, code);
            rej.bindValue(1, r.value(QLatin1String("message")).toString());
            rej.bindValue(2, e.outboxSeq);
            if (!rej.exec())
                return sqlFailure(rej);
            ++o.rejected;
            continue;
        }
        del.bindValue(0, e.outboxSeq);
        if (!del.exec())
            return sqlFailure(del);
        ++o.stored;
        const qint64 seq = qint64(r.value(QLatin1String("seq")).toDouble());
        if (seq > 0 && tables.contains(e.entity)) {
            // One statement per table for the whole reply: an UPDATE compiles the table's
            // outbox triggers too, so preparing it per row cost more than running it.
            std::unique_ptr<QSqlQuery> &up = seqUpdates[e.entity];
            if (!up) {
                up = std::make_unique<QSqlQuery>(db);
                if (!up->prepare(
                        QStringLiteral("UPDATE %1 SET sync_seq = ? WHERE id = ? AND sync_seq < ?")
                            .arg(e.entity)))
                    return sqlFailure(*up);
            }
            up->bindValue(0, seq);
            up->bindValue(1, e.rowId);
            up->bindValue(2, seq);
            if (!up->exec())
                return sqlFailure(*up);
        }
        if (status == QLatin1String("conflict")) {
            ++o.conflicts;
            rewindTo = rewindTo < 0 ? e.baseSeq : qMin(rewindTo, e.baseSeq);
        }
    }
    if (rewindTo >= 0) {
        // The registry kept another value for this row: pull it again from before the change.
        QSqlQuery c(db);
        c.prepare(QStringLiteral(
            "UPDATE sync_state SET value = CAST(? AS TEXT) WHERE key = 'pull_cursor' AND "
            "CAST(value AS INTEGER) > ?"));
        c.addBindValue(rewindTo);
        c.addBindValue(rewindTo);
        if (!c.exec())
            return sqlFailure(c);
    }
    if (!q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0")))
        return sqlFailure(q);
    const CoreError c = tx.commit();
    if (c.failed())
        return SyncErrors::make(SyncErrors::Kind::Local, c.message());
    if (outcome)
        *outcome = o;
    return {};
}
