#include "registrypush.h"

#include "compactjson.h"
#include "dependentrows.h"
#include "inspectionlock.h"
#include "registrysql.h"
#include "registrystore.h"
#include "syncschema.h"
#include "uuid7.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVarLengthArray>

#include <sqlite3.h>

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(CompactJson::object(o));
}

// A text column of a statement stepped through SQLite's own API, read as QtSql reads it (UTF-16).
QString textColumn(sqlite3_stmt *st, int column)
{
    const auto *utf16 = static_cast<const QChar *>(sqlite3_column_text16(st, column));
    return QString(utf16, sqlite3_column_bytes16(st, column) / qsizetype(sizeof(QChar)));
}

// parseObject(textColumn(st, column)) without the trip through UTF-16: the column's UTF-8 bytes
// as they are, unless they are not valid UTF-8 (half a UTF-16 pair stored by an old registry).
QJsonObject parseColumn(sqlite3_stmt *st, int column)
{
    const char *text = reinterpret_cast<const char *>(sqlite3_column_text(st, column));
    const QByteArrayView utf8(text, sqlite3_column_bytes(st, column));
    if (utf8.isValidUtf8())
        return QJsonDocument::fromJson(QByteArray::fromRawData(utf8.data(), utf8.size())).object();
    return RegistrySql::parseObject(textColumn(st, column));
}

// Whether the pushing device's row is `row` once `change` is stored: every field but id is one the
// change carried, with this value, or one it did not carry that the device had seen (stamped at or
// before the change's base_seq, the version the device edited) or wrote itself. A carried field
// the registry kept another value of (a conflict, an updated_at not taken), a field another device
// wrote since, or one without a stamp, is not.
bool heldAsSent(const QJsonObject &row, const QJsonObject &meta, const PushChange &change,
                const QString &device)
{
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (it.key() == QLatin1String("id"))
            continue;
        const auto sent = change.fields.constFind(it.key());
        if (sent != change.fields.constEnd()) {
            if (*sent == *it)
                continue;
            return false; // the device has the value it sent, the registry kept another
        }
        const QJsonArray stamp = meta.value(it.key()).toArray();
        if (stamp.size() != 2 ||
            (stamp.at(1).toString() != device && qint64(stamp.at(0).toDouble()) > change.baseSeq))
            return false;
    }
    return true;
}
} // namespace

ChangeResult RegistryPush::push(const Principal &who, const PushChange &change)
{
    QList<ChangeResult> results;
    const CoreError e = push(who, {change}, &results);
    if (e.ok() && results.size() == 1)
        return results.first();
    ChangeResult r;
    r.change = change.seq;
    r.status = QStringLiteral("rejected");
    r.code = QStringLiteral("storage_error");
    r.message = QStringLiteral("Máy chủ không lưu được thay đổi này: %1. Hãy thử lại sau.")
                    .arg(e.message());
    return r;
}

CoreError RegistryPush::push(const Principal &who, const QList<PushChange> &changes,
                             QList<ChangeResult> *results)
{
    results->clear();
    QSqlDatabase db = m_store.connection();
    const bool own = !m_store.m_inBatch;
    // beginWrite: on PostgreSQL the counter's lock is held before the device's watermark and
    // outcomes are read (a batch, beginBatch, holds it already).
    if (QString why; own && !m_store.beginWrite(db, &why))
        return {CoreError::Code::Sql, why};
    QString error;
    const auto abort = [&](const QString &why) {
        m_batch.reset();
        if (own)
            db.rollback();
        return CoreError{CoreError::Code::Sql, why.isEmpty() ? QStringLiteral("?") : why};
    };
    m_batch = std::make_unique<PushState>();
    // The device's watermark: every change at or below it was stored before (or rejected).
    qint64 through = 0;
    QSqlQuery *q =
        m_store.statement(QStringLiteral("SELECT through FROM push_watermarks WHERE device_id = ?"),
                          {who.deviceId}, &error);
    if (!q)
        return abort(error);
    if (q->next())
        through = q->value(0).toLongLong();
    q->finish();
    // seq -> (answered from the record, result) of the device's changes that were not simply
    // applied. Answered from the record: a conflict (stored), and a refusal its device gave up
    // (POST /discards); a refusal not given up is looked at again.
    QHash<qint64, std::pair<bool, QString>> outcomes;
    if (!changes.isEmpty() && changes.first().seq <= through) {
        q = m_store.statement(
            QStringLiteral("SELECT change_seq, status = 'conflict' OR discarded_at IS NOT NULL, "
                           "result FROM push_outcomes WHERE device_id = ? AND change_seq BETWEEN "
                           "? AND ?"),
            {who.deviceId, changes.first().seq, through}, &error);
        if (!q)
            return abort(error);
        while (q->next())
            outcomes.insert(q->value(0).toLongLong(),
                            {q->value(1).toBool(), q->value(2).toString()});
        q->finish();
    }
    // One read and one write of the counter per batch; the write transaction (beginWrite) holds
    // other writers off until the commit.
    q = m_store.statement(QStringLiteral("SELECT seq FROM registry_counter WHERE id = 1"), {},
                          &error);
    if (!q || !q->next())
        return abort(error.isEmpty() ? QStringLiteral("no registry counter") : error);
    m_batch->seq = q->value(0).toLongLong();
    q->finish();
    const qint64 firstSeq = m_batch->seq;
    if (!prefetch(changes, through, &error))
        return abort(error);

    qint64 newThrough = through;
    for (const PushChange &c : changes) {
        newThrough = qMax(newThrough, c.seq);
        const auto seen = outcomes.constFind(c.seq);
        if (c.seq <= through && seen == outcomes.constEnd()) {
            // At or below the watermark: most likely a replay. The history says for sure (a
            // device sends its changes in order, but a late copy of an old request must not
            // hide a change that never arrived).
            // Its seq goes with the answer when the row is still that version, held as sent by
            // this device (the first answer, which said so, may have been lost).
            q = m_store.statement(
                QStringLiteral("SELECT r.seq FROM history h LEFT JOIN records r ON "
                               "r.entity = h.entity AND r.row_id = h.row_id AND r.seq "
                               "= h.seq AND r.clean_device = ? WHERE h.change_id = ?"),
                {who.deviceId, PushChange::changeId(who.deviceId, c.seq)}, &error);
            if (!q)
                return abort(error);
            const bool stored = q->next();
            const qint64 heldSeq = stored ? q->value(0).toLongLong() : 0;
            q->finish();
            if (stored) {
                ChangeResult r;
                r.change = c.seq;
                r.status = QStringLiteral("duplicate");
                r.seq = heldSeq;
                r.asSent = heldSeq > 0;
                results->append(r);
                continue;
            }
        }
        if (seen != outcomes.constEnd() && seen->first) {
            // The same answer again. A conflict: stored, and these conflict records hold the
            // losing values. A refusal its device gave up: a late copy of an old request (the
            // device never sends that change again), so it stays refused and off the
            // supervisors' list, even if it would now be taken: the user gave it up.
            QString ignored;
            ChangeResult r =
                ChangeResult::fromJson(RegistrySql::parseObject(seen->second), &ignored);
            r.change = c.seq;
            results->append(r);
            continue;
        }
        // New, late, or rejected before: looked at (again) now.
        ChangeResult r = pushOne(who, c, c.seq <= through, &error);
        if (!error.isEmpty())
            return abort(error);
        bool ok = true;
        if (r.status != QLatin1String("applied"))
            ok = recordOutcome(who, c, r, &error);
        else if (seen != outcomes.constEnd())
            ok = m_store.statement(
                QStringLiteral("DELETE FROM push_outcomes WHERE device_id = ? AND change_seq = ?"),
                {who.deviceId, c.seq}, &error);
        if (!ok)
            return abort(error);
        results->append(r);
    }
    // The batch's records (each in its final state) and history, many rows per statement.
    QList<QVariantList> records;
    for (const QString &key : std::as_const(m_batch->dirty)) {
        const qsizetype cut = key.indexOf(QLatin1Char('\x1f'));
        const ChangeMerger::Stored &st = m_batch->rows[key];
        const std::pair<QString, QString> &scope = m_batch->scopes[key];
        const auto stamp = m_batch->stamps.constFind(key);
        records << RegistryRecords::recordRow(
            key.left(cut), key.mid(cut + 1), st.seq, st.row, st.meta, scope.first, scope.second,
            stamp == m_batch->stamps.constEnd() ? nullptr : &*stamp,
            m_batch->clean.contains(key) ? who.deviceId : QString());
    }
    if (!m_store.m_records.writeRecords(records, &error) ||
        !m_store.m_records.writeHistory(m_batch->history, &error))
        return abort(error);
    if ((m_batch->seq != firstSeq &&
         !m_store.statement(QStringLiteral("UPDATE registry_counter SET seq = ? WHERE id = 1"),
                            {m_batch->seq}, &error)) ||
        (newThrough != through &&
         !m_store.statement(
             QStringLiteral("INSERT INTO push_watermarks (device_id, through) VALUES (?, "
                            "?) ON CONFLICT (device_id) DO UPDATE SET through = "
                            "excluded.through"),
             {who.deviceId, newThrough}, &error)))
        return abort(error);
    m_batch.reset();
    if (own && !db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return {CoreError::Code::Sql, why};
    }
    if (own)
        m_store.committed();
    return {};
}

bool RegistryPush::lostOwnValue(const PushChange &change, const QString &deviceId, bool *lost,
                                QString *error) const
{
    *lost = false;
    QSqlQuery *q = m_store.statement(
        QStringLiteral("SELECT field FROM conflicts WHERE entity = ? AND row_id = ? AND "
                       "incoming_device = ? AND incoming_seq > ?"),
        {change.entity, change.rowId, deviceId, change.baseSeq}, error);
    if (!q)
        return false;
    while (!*lost && q->next())
        *lost = q->isNull(0) || !change.fields.contains(q->value(0).toString());
    q->finish();
    return true;
}

bool RegistryPush::lostEditSince(const PushChange &change, const QString &deviceId,
                                 ChangeMerger::Stamp *found, QString *error) const
{
    *found = {};
    QSqlQuery *q = m_store.statement(
        QStringLiteral("SELECT incoming_seq, incoming_device FROM conflicts WHERE entity = ? AND "
                       "row_id = ? AND field IS NOT NULL AND resolved_at IS NULL AND "
                       "incoming_device <> ? AND incoming_seq > ? ORDER BY incoming_seq LIMIT 1"),
        {change.entity, change.rowId, deviceId, change.baseSeq}, error);
    if (!q)
        return false;
    if (q->next())
        *found = {q->value(0).toLongLong(), q->value(1).toString()};
    q->finish();
    return true;
}

bool RegistryPush::newerOwnFields(const ChangeMerger::Stored &stored, const PushChange &change,
                                  const QString &deviceId, ChangeMerger::NewerOwnFields *out,
                                  QString *error) const
{
    QHash<qint64, QStringList> byStamp; // seq of the device's last write -> fields it wrote
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        const QJsonArray m = stored.meta.value(it.key()).toArray();
        if (m.at(1).toString() == deviceId)
            byStamp[qint64(m.at(0).toDouble())] << it.key();
    }
    for (auto it = byStamp.constBegin(); it != byStamp.constEnd(); ++it) {
        QSqlQuery *q = m_store.statement(
            QStringLiteral("SELECT change_id FROM history WHERE seq = ?"), {it.key()}, error);
        if (!q)
            return false;
        const qint64 wroteIt = q->next() ? PushChange::seqOf(q->value(0).toString(), deviceId) : -1;
        q->finish();
        if (wroteIt > change.seq)
            for (const QString &f : it.value())
                out->insert(f);
    }
    return true;
}

ChangeResult RegistryPush::pushOne(const Principal &who, const PushChange &change, bool late,
                                   QString *storageError)
{
    ChangeResult r;
    r.change = change.seq;
    const QString changeId = PushChange::changeId(who.deviceId, change.seq);
    const auto reject = [&](const char *code, const QString &message) {
        r.status = QStringLiteral("rejected");
        r.code = QLatin1String(code);
        r.message = message;
        return r;
    };
    // A scope whose parent could not be read: the batch fails (nothing is known of the parent).
    const auto unread = [&](const RegistryScope::Scope &scope) {
        if (scope.storageError.isEmpty())
            return false;
        *storageError = scope.storageError;
        return true;
    };
    if (!m_store.schema().hasTable(change.entity))
        return reject(
            "unknown_entity",
            QStringLiteral("'%1' không phải bảng được đồng bộ.").arg(change.entity.left(64)));
    if (change.rowId.size() > 64 && !Uuid7::isValid(change.rowId))
        return reject("invalid_row_id", QStringLiteral("row_id không phải mã hợp lệ."));
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        const QString e = m_store.schema().checkValue(change.entity, it.key(), it.value());
        if (!e.isEmpty())
            return reject(m_store.schema().hasColumn(change.entity, it.key()) ? "invalid_value"
                                                                              : "unknown_field",
                          e);
    }
    if (change.fields.contains(QLatin1String("id")) &&
        change.fields.value(QLatin1String("id")).toString() != change.rowId)
        return reject("invalid_value", QStringLiteral("fields.id khác với row_id."));
    if (change.op == QLatin1String("delete") &&
        (change.fields.value(QLatin1String("deleted_at")).isNull() ||
         !change.fields.contains(QLatin1String("deleted_at"))))
        return reject("invalid_value", QStringLiteral("Thao tác xóa phải có deleted_at."));

    const ChangeMerger::Stored stored =
        m_store.m_records.load(change.entity, change.rowId, storageError);
    if (!storageError->isEmpty())
        return r; // not known to be absent: the batch fails, nothing refused
    if (!stored.exists && change.op != QLatin1String("insert"))
        return reject("unknown_row", QStringLiteral("Máy chủ không có dòng %1 %2.")
                                         .arg(change.entity, change.rowId.left(64)));
    // The merge is a pure function of the stored row and the change: worked out here, acted on
    // after the checks below as before. A new row merges to its fields and id, the very row the
    // checks look at: that row is then used as it is (shared: asProposed compares nothing).
    ChangeMerger::NewerOwnFields newerOwn;
    if (late && stored.exists &&
        !newerOwnFields(stored, change, who.deviceId, &newerOwn, storageError))
        return r;
    ChangeMerger::Outcome out = ChangeMerger::merge(stored, change, who.deviceId, newerOwn);
    // Authorisation on the stored scope (the row as it is) and on the proposed scope.
    // (A new row is its fields: taken as they are rather than inserted one by one.)
    QJsonObject proposed;
    if (!stored.exists && out.rejectCode.isEmpty()) {
        proposed = out.row;
    } else {
        proposed = stored.row.isEmpty() ? change.fields : stored.row;
        if (!stored.row.isEmpty())
            for (auto it = change.fields.begin(); it != change.fields.end(); ++it)
                proposed.insert(it.key(), it.value());
        proposed.insert(QStringLiteral("id"), change.rowId);
    }
    // The user's clusters (read once per batch, again after it changed a commune's links): a
    // failed read fails the batch, not the change.
    m_store.m_scope.clusterSet(who, storageError);
    if (!storageError->isEmpty())
        return r;
    const RegistryScope::Scope newScope = m_store.m_scope.scopeOf(change.entity, proposed);
    if (unread(newScope))
        return r;
    if (!newScope.error.isEmpty())
        return reject("unknown_parent", newScope.error);
    RegistryScope::Scope oldScope;
    if (stored.exists) {
        oldScope = m_store.m_scope.scopeOf(change.entity, stored.row);
        if (unread(oldScope))
            return r;
        if (!m_store.m_scope.canWrite(who, change.entity, oldScope.provinceId, oldScope.clusterId))
            return reject("forbidden",
                          QStringLiteral("Bạn không được sửa dòng %1 này.").arg(change.entity));
    }
    if (!m_store.m_scope.canWrite(who, change.entity, newScope.provinceId, newScope.clusterId))
        return reject("forbidden",
                      QStringLiteral("Vai trò và địa bàn của bạn không cho phép ghi dòng %1 này.")
                          .arg(change.entity));
    // A new row is the change's fields, each checked above, and its id: only the id's value is
    // checked again (the first value validateRow could refuse), then the row as a whole.
    QString invalid;
    if (!stored.exists && out.rejectCode.isEmpty()) {
        invalid = m_store.schema().checkValue(change.entity, QStringLiteral("id"), change.rowId);
        if (invalid.isEmpty())
            invalid = m_store.schema().validateCheckedRow(change.entity, proposed);
    } else {
        invalid = m_store.schema().validateRow(change.entity, proposed);
    }
    if (!invalid.isEmpty())
        return reject("invalid_value", invalid);
    if (!out.rejectCode.isEmpty())
        return reject(out.rejectCode.toLatin1().constData(), out.rejectMessage);
    // A submitted inspection's minutes are closed to the field (InspectionLock).
    QString locked;
    if (!InspectionLock(m_store).refusal(who, change, stored, proposed, &locked, storageError))
        return r;
    if (!locked.isEmpty())
        return reject("inspection_submitted", locked);
    // A delete that would hide another device's edit of the row made since the deleting
    // device's version keeps it alive, also an edit whose values all lost a field conflict: they
    // are only in its open conflict record, and left no stamp that ChangeMerger could see.
    if (change.op == QLatin1String("delete") && out.conflicts.isEmpty() &&
        !out.appliedFields.isEmpty()) {
        ChangeMerger::Stamp lost;
        if (!lostEditSince(change, who.deviceId, &lost, storageError))
            return r;
        if (lost.seq > 0)
            out = ChangeMerger::keptAlive(stored, change, lost.seq, lost.device);
    }
    // A delete that would hide another device's work under the row keeps it alive.
    const DependentRows dependents(m_store);
    if (change.op == QLatin1String("delete") && out.conflicts.isEmpty() &&
        !out.appliedFields.isEmpty() && m_store.schema().isReferenced(change.entity)) {
        DependentRows::Stamp work;
        if (!dependents.writtenSince(change.entity, change.rowId, oldScope.clusterId,
                                     change.baseSeq, who.deviceId, &work, storageError))
            return r;
        if (work.seq > 0)
            out = ChangeMerger::keptAlive(stored, change, work.seq, work.device);
    }
    // Most changes merge to exactly the proposed row (validated above, scope known): the row's
    // validation and scope are then not worked out a second time.
    const bool asProposed = out.row == proposed;
    if (!asProposed)
        invalid = m_store.schema().validateRow(change.entity, out.row);
    if (!invalid.isEmpty())
        return reject("invalid_value", invalid);
    // Every check is done: from here on only the storage can fail, and that fails the batch.
    const qint64 seq = m_store.nextSeq(storageError);
    if (seq <= 0)
        return r;
    QJsonObject meta = stored.meta;
    const QJsonValue stamp = QJsonArray{double(seq), who.deviceId}; // shared by every field
    // A new row in a push batch: every field but id applied, so its meta would stamp each name of
    // the row but id. It is not built name by name now (see PushState::stamps).
    const bool stampAll = m_batch && !stored.exists && meta.isEmpty() &&
                          out.row.contains(QLatin1String("id")) &&
                          out.appliedFields.size() == out.row.size() - 1;
    if (!stampAll)
        for (const QString &f : out.appliedFields)
            meta.insert(f, stamp);
    const RegistryScope::Scope finalScope =
        asProposed ? newScope : m_store.m_scope.scopeOf(change.entity, out.row);
    if (unread(finalScope))
        return r;
    // A delete carries deleted_at alone, while the device's tombstone has its own updated_at
    // too: the registry's is not the device's row, and the pull brings it back.
    r.asSent = out.conflicts.isEmpty() && change.op != QLatin1String("delete") &&
               (stampAll || heldAsSent(out.row, meta, change, who.deviceId));
    // The stamps say whose value each field holds, not what the device shows: a value of its own
    // that lost a conflict since is shown there instead (a new row has no conflicts yet).
    bool lost = false;
    if (r.asSent && !stampAll && !lostOwnValue(change, who.deviceId, &lost, storageError))
        return r;
    r.asSent = r.asSent && !lost;
    // Work under a row another device deleted (a conflict record, below): the result is a
    // conflict, which names no version the device holds, so the row is pulled back to it.
    DependentRows::Parent parent;
    if (change.op != QLatin1String("delete") && !ChangeMerger::isTombstone(out.row) &&
        !dependents.deletedParent(change.entity, out.row, who.deviceId, &parent, storageError))
        return r;
    r.asSent = r.asSent && parent.entity.isEmpty();
    if (!m_store.m_records.saveRecord(change.entity, change.rowId, seq, out.row, meta, finalScope,
                                      storageError, stampAll ? stamp : QJsonValue(), r.asSent))
        return r;
    for (const ChangeMerger::Conflict &c : out.conflicts) {
        QString id;
        if (!m_store.m_conflicts.record(change.entity, change.rowId, c, change, who.deviceId, seq,
                                        finalScope.provinceId, finalScope.clusterId, &id,
                                        storageError))
            return r;
        r.conflictIds << id;
    }
    // Work under a row another device deleted: stored, and a conflict record of that row.
    if (!parent.entity.isEmpty()) {
        QString id;
        if (!dependents.recordWorkUnder(parent, change, who.deviceId, seq, &id, storageError))
            return r;
        r.conflictIds << id;
    }
    r.status = r.conflictIds.isEmpty() ? QStringLiteral("applied") : QStringLiteral("conflict");
    r.seq = seq;
    m_store.m_records.insertHistory(seq, changeId, change.entity, change.rowId, change.op,
                                    who.deviceId, who.userId, change.baseSeq, change.fields,
                                    r.status, storageError);
    return r;
}

bool RegistryPush::recordOutcome(const Principal &who, const PushChange &change,
                                 const ChangeResult &result, QString *error)
{
    const qint64 now = RegistrySql::now();
    // A change refused again keeps when it was first refused and counts the attempt; one stored
    // at last (a conflict after a refusal) keeps its times too.
    return m_store.statement(
               QStringLiteral("INSERT INTO push_outcomes (device_id, change_seq, status, result, "
                              "entity, row_id, op, code, user_id, province_id, first_at, last_at, "
                              "attempts, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) "
                              "ON CONFLICT (device_id, change_seq) DO UPDATE SET "
                              "status = excluded.status, result = excluded.result, "
                              "entity = excluded.entity, row_id = excluded.row_id, "
                              "op = excluded.op, code = excluded.code, "
                              "user_id = excluded.user_id, province_id = excluded.province_id, "
                              "first_at = COALESCE(push_outcomes.first_at, excluded.first_at), "
                              "last_at = excluded.last_at, "
                              "attempts = push_outcomes.attempts + 1, discarded_at = NULL, "
                              "fields = excluded.fields"),
               {who.deviceId, change.seq, result.status, compact(result.toJson()), change.entity,
                change.rowId, change.op, result.code.isEmpty() ? QVariant() : QVariant(result.code),
                who.userId, who.provinceId, now, now,
                // A refusal keeps the values the change carried (registry schema 9); a change
                // stored, if with a conflict, has them in its history.
                result.status == QLatin1String("rejected") ? QVariant(compact(change.fields))
                                                           : QVariant()},
               error) != nullptr;
}

bool RegistryPush::prefetch(const QList<PushChange> &changes, qint64 through, QString *error)
{
    // The stored rows of the whole batch, read a chunk at a time: one statement per chunk instead
    // of one per change. The statement's text is fixed (short chunks repeat their last id), so it
    // is prepared once.
    constexpr int chunk = 64;
    QHash<QString, QStringList> wanted;
    for (const PushChange &c : changes)
        if (c.seq > through && m_store.schema().hasTable(c.entity))
            wanted[c.entity] << c.rowId;
    const QString sql = QStringLiteral("SELECT row_id, row_json, field_meta, seq FROM records "
                                       "WHERE entity = ? AND row_id IN (%1)")
                            .arg(RegistrySql::marks(chunk));
    sqlite3_stmt *st = nullptr;
    if (m_store.m_sqlite && !wanted.isEmpty() && !(st = m_store.m_sqliteStatements.prepare(sql))) {
        *error = m_store.m_sqliteStatements.lastError();
        return false;
    }
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        for (const QString &id : it.value())
            m_batch->rows.insert(rowKey(it.key(), id), {});
        for (qsizetype from = 0; from < it.value().size(); from += chunk) {
            QStringList ids; // the chunk's ids, its last repeated to fill it
            for (int i = 0; i < chunk; ++i)
                ids << it.value().at(qMin(from + i, it.value().size() - 1));
            if (st) {
                if (!prefetchSqlite(st, it.key(), ids, error))
                    return false;
                continue;
            }
            QVariantList binds{it.key()};
            for (const QString &id : std::as_const(ids))
                binds << id;
            QSqlQuery *q = m_store.statement(sql, binds, error);
            if (!q)
                return false;
            while (q->next()) {
                ChangeMerger::Stored stored;
                stored.exists = true;
                stored.row = RegistrySql::parseObject(q->value(1).toString());
                stored.meta = ChangeMerger::metaOf(RegistrySql::parseObject(q->value(2).toString()),
                                                   stored.row);
                stored.seq = q->value(3).toLongLong();
                m_batch->rows.insert(rowKey(it.key(), q->value(0).toString()), stored);
            }
            q->finish();
        }
    }
    return true;
}

bool RegistryPush::prefetchSqlite(sqlite3_stmt *st, const QString &entity, const QStringList &ids,
                                  QString *error)
{
    QVarLengthArray<QByteArray, 16> utf8;
    int rc = SQLITE_OK;
    for (int i = 0; i <= ids.size() && rc == SQLITE_OK; ++i)
        rc = RegistrySql::bindText(st, i + 1, i == 0 ? entity : ids.at(i - 1), &utf8);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        ChangeMerger::Stored stored;
        stored.exists = true;
        stored.row = parseColumn(st, 1);
        stored.meta = ChangeMerger::metaOf(parseColumn(st, 2), stored.row);
        stored.seq = sqlite3_column_int64(st, 3);
        m_batch->rows.insert(rowKey(entity, textColumn(st, 0)), stored);
    }
    if (rc != SQLITE_DONE)
        *error = m_store.m_sqliteStatements.lastError();
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE;
}

QString RegistryPush::rowKey(const QString &entity, const QString &rowId)
{
    return entity + QLatin1Char('\x1f') + rowId;
}
