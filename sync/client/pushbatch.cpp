#include "pushbatch.h"

#include "syncmanager.h"

#include "changeresult.h"
#include "conflictedchanges.h"
#include "protocolversion.h"
#include "pushrequest.h"
#include "sqlitehandle.h"
#include "syncerrors.h"
#include "transaction.h"
#include "triggersoff.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

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
                           PushBatch *out, qint64 afterSeq)
{
    *out = PushBatch();
    limit = qBound(1, limit, maxChanges);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT seq, entity, row_id, op, base_seq, old_json, new_json FROM "
                       "outbox WHERE seq > ? AND rejected_code IS NULL AND %1 ORDER BY seq LIMIT ?")
            .arg(QLatin1String(SyncManager::ownEntries)));
    q.addBindValue(afterSeq);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlFailure(q);
    PushRequest request;
    request.protocol = ProtocolVersion::current;
    request.deviceId = deviceId;
    qint64 rowChars = 0;
    QList<std::pair<qint64, qint64>> tooLarge; // outbox seq, bytes of its body alone
    while (q.next()) {
        const QVariant newJson = q.value(6);
        const qint64 chars = newJson.toString().size();
        Entry e;
        e.outboxSeq = q.value(0).toLongLong();
        e.entity = q.value(1).toString();
        e.rowId = q.value(2).toString();
        e.op = q.value(3).toString();
        e.baseSeq = q.value(4).toLongLong();
        PushChange c;
        c.seq = e.outboxSeq;
        c.entity = e.entity;
        c.rowId = e.rowId;
        c.op = e.op;
        c.baseSeq = e.baseSeq;
        c.fields = fieldsFor(
            e.op, e.op == QLatin1String("insert") ? QJsonObject() : parseObject(q.value(5)),
            parseObject(newJson));
        if (const qint64 bytes = bodyBytesAlone(request, c, chars); bytes > 0) {
            tooLarge.append({e.outboxSeq, bytes});
            continue;
        }
        if (!out->m_entries.isEmpty() && rowChars + chars > maxRowChars)
            break; // the next batch starts with it
        rowChars += chars;
        request.changes << c;
        out->m_entries << e;
    }
    q.finish();
    for (const auto &[seq, bytes] : tooLarge)
        if (const CoreError e = setAsideTooLarge(db, seq, bytes); e.failed())
            return e;
    out->m_body = request.toJson();
    return {};
}

qint64 PushBatch::bodyBytesAlone(const PushRequest &request, const PushChange &change, qint64 chars)
{
    // A character takes at most six bytes in the body (a control character escaped as \u00XX):
    // most entries are known to fit without writing their body.
    if (6 * chars + 65536 < ProtocolVersion::maxBodyBytes)
        return 0;
    PushRequest alone;
    alone.protocol = request.protocol;
    alone.deviceId = request.deviceId;
    alone.changes << change;
    const qint64 bytes = alone.toJson().size();
    return bytes > ProtocolVersion::maxBodyBytes ? bytes : 0;
}

CoreError PushBatch::setAsideTooLarge(const QSqlDatabase &db, qint64 outboxSeq, qint64 bytes)
{
    const auto mb = [](qint64 n) { return QString::number(double(n) / (1024 * 1024), 'f', 1); };
    QSqlQuery u(db);
    u.prepare(QStringLiteral("UPDATE outbox SET rejected_code = ?, rejected_message = ? WHERE seq "
                             "= ? AND rejected_code IS NULL"));
    u.addBindValue(tooLargeCode());
    u.addBindValue(QObject::tr("Thay đổi này quá lớn để gửi lên máy chủ (%1 MB; mỗi lần gửi tối "
                               "đa %2 MB) nên máy không gửi nó; các thay đổi khác vẫn được gửi. "
                               "Hãy bỏ thay đổi này (nội dung của nó vẫn được giữ trên máy) rồi "
                               "nhập lại nội dung ngắn hơn")
                       .arg(mb(bytes), mb(ProtocolVersion::maxBodyBytes)));
    u.addBindValue(outboxSeq);
    return u.exec() ? CoreError() : sqlFailure(u);
}

CoreError PushBatch::applyReply(QSqlDatabase db, const QJsonObject &reply, Outcome *outcome) const
{
    Outcome o;
    // Validate everything before touching the outbox.
    if (reply.value(QLatin1String("protocol")).toInt() != ProtocolVersion::current ||
        !reply.value(QLatin1String("results")).isArray())
        return SyncErrors::malformed(QStringLiteral("push: protocol"));
    o.serverSeq = qint64(reply.value(QLatin1String("server_seq")).toDouble());
    QHash<qint64, int> index; // outbox seq -> entry
    for (int i = 0; i < m_entries.size(); ++i)
        index.insert(m_entries.at(i).outboxSeq, i);
    QHash<int, ChangeResult> listed; // entry -> its result; entries not listed were applied
    for (const QJsonValue &v : reply.value(QLatin1String("results")).toArray()) {
        QString e;
        const ChangeResult r = ChangeResult::fromJson(v.toObject(), &e);
        const int at = index.value(r.change, -1);
        if (!e.isEmpty() || at < 0 || listed.contains(at))
            return SyncErrors::malformed(
                QStringLiteral("push: result for change %1").arg(r.change));
        listed.insert(at, r);
    }
    // The versions this device holds as they are: the row's sync_seq moves to them (the pull does
    // not bring them back). From `own` (runs of applied changes) and duplicates that carry a seq.
    QHash<QString, QHash<QString, qint64>> held; // entity -> row id -> highest seq
    QSet<int> heldAt;                            // the entries that say so
    const auto hold = [&](int at, qint64 seq) {
        const Entry &e = m_entries.at(at);
        qint64 &s = held[e.entity][e.rowId];
        s = qMax(s, seq);
        heldAt.insert(at);
    };
    const QJsonValue own = reply.value(QLatin1String("own"));
    if (!own.isUndefined() && !own.isArray())
        return SyncErrors::malformed(QStringLiteral("push: own is not a list"));
    for (const QJsonValue &v : own.toArray()) {
        const QJsonArray run = v.toArray();
        const auto integer = [&run](int i) {
            const double d = run.at(i).toDouble(-1);
            return d >= 1 && d <= 9007199254740991.0 && d == double(qint64(d)) ? qint64(d) : -1;
        };
        const qint64 change = run.size() == 3 ? integer(0) : -1;
        const qint64 seq = run.size() == 3 ? integer(1) : -1;
        const qint64 count = run.size() == 3 ? integer(2) : -1;
        const int at = change > 0 ? index.value(change, -1) : -1;
        if (at < 0 || seq < 1 || count < 1 || count > m_entries.size() - at)
            return SyncErrors::malformed(QStringLiteral("push: own run for change %1").arg(change));
        for (int i = at; i < at + count; ++i) {
            if (listed.contains(i) || heldAt.contains(i))
                return SyncErrors::malformed(
                    QStringLiteral("push: change %1 named twice").arg(m_entries.at(i).outboxSeq));
            hold(i, seq + (i - at));
        }
    }
    for (auto it = listed.constBegin(); it != listed.constEnd(); ++it)
        if (it->status == QLatin1String("duplicate") && it->seq > 0)
            hold(it.key(), it->seq);

    Transaction tx(db);
    if (!tx.active())
        return SyncErrors::make(SyncErrors::Kind::Local, tx.beginError().message());
    QSqlQuery del(db);
    // The stored entries go in runs of consecutive seqs: one statement per run. A run never spans
    // an entry that was not in the batch (refused in an earlier round, another user's): such an
    // entry can be sent again while the batch is away ("Gửi lại" clears its refusal), and a range
    // over it would delete it unsent. The condition is build()'s all the same.
    del.prepare(QStringLiteral("DELETE FROM outbox WHERE seq BETWEEN ? AND ? AND rejected_code IS "
                               "NULL AND %1")
                    .arg(QLatin1String(SyncManager::ownEntries)));
    QSqlQuery rej(db);
    // waiting_since: when an entry was first refused for want of another row (schema 008); kept
    // while it is refused so again, cleared by any other answer.
    rej.prepare(QStringLiteral("UPDATE outbox SET rejected_code = ?, rejected_message = ?, "
                               "waiting_since = CASE WHEN ? THEN coalesce(waiting_since, ?) END "
                               "WHERE seq = ?"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 rewindTo = -1;
    int rangeStart = -1;
    const auto flush = [&](int end) {
        if (rangeStart < 0)
            return true;
        del.bindValue(0, m_entries.at(rangeStart).outboxSeq);
        del.bindValue(1, m_entries.at(end - 1).outboxSeq);
        rangeStart = -1;
        return del.exec();
    };
    // Stored versions this device does not hold as they are (PushBatch.h): entity -> row ids.
    QHash<QString, QSet<QString>> unpulled;
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries.at(i);
        const auto it = listed.constFind(i);
        const QString status = it == listed.constEnd() ? QStringLiteral("applied") : it->status;
        if (status != QLatin1String("rejected") && !heldAt.contains(i))
            unpulled[e.entity].insert(e.rowId);
        if (status == QLatin1String("rejected")) {
            if (!flush(i))
                return sqlFailure(del);
            rej.bindValue(0, it->code.isEmpty() ? QStringLiteral("rejected") : it->code);
            rej.bindValue(1, it->message);
            rej.bindValue(2, int(ChangeResult::waitsForAnotherRow(it->code)));
            rej.bindValue(3, now);
            rej.bindValue(4, e.outboxSeq);
            if (!rej.exec())
                return sqlFailure(rej);
            ++o.rejected;
            continue;
        }
        if (rangeStart >= 0 && e.outboxSeq != m_entries.at(i - 1).outboxSeq + 1 && !flush(i))
            return sqlFailure(del);
        if (rangeStart < 0)
            rangeStart = i;
        ++o.stored;
        if (status == QLatin1String("conflict")) {
            ++o.conflicts;
            // The tablet will show the winning value: the user is told (ConflictedChanges).
            if (QString why; !ConflictedChanges::keep(db, e.outboxSeq, it->conflictIds, now, &why))
                return SyncErrors::make(SyncErrors::Kind::Local, why);
            // The row's winning values are in its version at the result's seq: the pull must
            // not be past it (it is not, unless this answer repeats one given before the device
            // last pulled). Without a seq: from the version the change was made against. Never
            // further back: from an old base_seq the pull would bring everything since again.
            const qint64 from = it->seq > 0 ? it->seq - 1 : e.baseSeq;
            rewindTo = rewindTo < 0 ? from : qMin(rewindTo, from);
        }
    }
    if (!flush(int(m_entries.size())))
        return sqlFailure(del);
    if (!held.isEmpty()) {
        // Not an edit: the outbox's triggers stay out of it (they would compare every column of
        // every row to find nothing changed).
        const TriggersOff off(SqliteHandle::of(db), true);
        QSqlQuery up(db);
        for (auto it = held.constBegin(); it != held.constEnd(); ++it) {
            QJsonArray pairs;
            for (auto row = it->constBegin(); row != it->constEnd(); ++row)
                pairs.append(QJsonArray{row.key(), double(row.value())});
            // One statement per table: the pairs travel as one JSON text. Never backwards (a
            // pull may have brought a later version already).
            if (!up.prepare(QStringLiteral("UPDATE \"%1\" SET sync_seq = u.seq FROM (SELECT "
                                           "value ->> 0 AS id, value ->> 1 AS seq FROM "
                                           "json_each(?)) AS u WHERE \"%1\".id = u.id AND "
                                           "\"%1\".sync_seq < u.seq")
                                .arg(it.key())))
                return sqlFailure(up);
            up.addBindValue(QString::fromUtf8(QJsonDocument(pairs).toJson(QJsonDocument::Compact)));
            if (!up.exec())
                return sqlFailure(up);
        }
    }
    if (!unpulled.isEmpty() && o.serverSeq > 0) {
        QJsonArray rows;
        for (auto it = unpulled.constBegin(); it != unpulled.constEnd(); ++it)
            for (const QString &id : it.value())
                rows.append(QJsonArray{it.key(), id});
        QSqlQuery up(db);
        up.prepare(QStringLiteral(
            "INSERT INTO pushed_unpulled(entity, row_id, server_seq) SELECT value ->> 0, value "
            "->> 1, ? FROM json_each(?) WHERE true ON CONFLICT(entity, row_id) DO UPDATE SET "
            "server_seq = max(server_seq, excluded.server_seq)"));
        up.addBindValue(o.serverSeq);
        up.addBindValue(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
        if (!up.exec())
            return sqlFailure(up);
    }
    if (rewindTo >= 0) {
        // The registry kept another value for this row: the pull brings its version again.
        QSqlQuery c(db);
        c.prepare(QStringLiteral(
            "UPDATE sync_state SET value = CAST(? AS TEXT) WHERE key = 'pull_cursor' AND "
            "CAST(value AS INTEGER) > ?"));
        c.addBindValue(rewindTo);
        c.addBindValue(rewindTo);
        if (!c.exec())
            return sqlFailure(c);
    }
    const CoreError c = tx.commit();
    if (c.failed())
        return SyncErrors::make(SyncErrors::Kind::Local, c.message());
    if (outcome)
        *outcome = o;
    return {};
}
