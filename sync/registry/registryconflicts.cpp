#include "registryconflicts.h"

#include "pushchange.h"
#include "registrysql.h"
#include "registrystore.h"
#include "syncschema.h"
#include "uuid7.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
QJsonObject conflictJson(const QSqlQuery &q)
{
    return {{QStringLiteral("id"), q.value(0).toString()},
            {QStringLiteral("kind"), q.value(1).toString()},
            {QStringLiteral("entity"), q.value(2).toString()},
            {QStringLiteral("row_id"), q.value(3).toString()},
            {QStringLiteral("field"), q.value(4).isNull() ? QJsonValue() : q.value(4).toString()},
            {QStringLiteral("current_value"), RegistrySql::unboxed(q.value(5))},
            {QStringLiteral("incoming_value"), RegistrySql::unboxed(q.value(6))},
            {QStringLiteral("current_seq"), double(q.value(7).toLongLong())},
            {QStringLiteral("current_device"), q.value(8).toString()},
            {QStringLiteral("incoming_seq"), double(q.value(9).toLongLong())},
            {QStringLiteral("incoming_device"), q.value(10).toString()},
            {QStringLiteral("base_seq"), double(q.value(11).toLongLong())},
            {QStringLiteral("change_id"), q.value(12).toString()},
            {QStringLiteral("province_id"), q.value(13).toString()},
            {QStringLiteral("cluster_id"), q.value(14).toString()},
            {QStringLiteral("resolved"), !q.value(15).isNull()},
            {QStringLiteral("resolution"),
             q.value(16).isNull() ? QJsonValue() : q.value(16).toString()}};
}

const char *conflictColumns =
    "c.id, c.kind, c.entity, c.row_id, c.field, c.current_value, c.incoming_value, c.current_seq, "
    "c.current_device, c.incoming_seq, c.incoming_device, c.base_seq, c.change_id, c.province_id, "
    "c.cluster_id, c.resolved_at, c.resolution";

// Who wrote each of a conflict's two values, on which device and when the registry stored it,
// for the supervisor who chooses between them: both values are versions in `history` (the
// current one under its field's stamp, the incoming one under the seq the conflict was stored
// with). A value the registry wrote itself (an import, the demo data) has no user or device.
// The incoming version names the row it wrote: another row than the conflict's for work under a
// row that was deleted.
const char *conflictAuthors =
    "hc.stored_at, uc.username, dc.name, hi.stored_at, ui.username, di.name, c.created_at, "
    "hi.entity, hi.row_id FROM "
    "conflicts c LEFT JOIN history hc ON hc.seq = c.current_seq LEFT JOIN users uc ON uc.id = "
    "hc.user_id LEFT JOIN devices dc ON dc.user_id = hc.user_id AND dc.device_id = "
    "hc.device_id LEFT JOIN history hi ON hi.seq = c.incoming_seq LEFT JOIN users ui ON ui.id = "
    "hi.user_id LEFT JOIN devices di ON di.user_id = hi.user_id AND di.device_id = hi.device_id";

QJsonValue timeOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(double(v.toLongLong()));
}

QJsonValue textOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

} // namespace

RegistryConflicts::Live RegistryConflicts::liveOf(const QJsonObject &conflict) const
{
    const ChangeMerger::Stored stored =
        m_store.m_records.load(conflict.value(QLatin1String("entity")).toString(),
                               conflict.value(QLatin1String("row_id")).toString());
    Live live;
    live.deleted = ChangeMerger::isTombstone(stored.row);
    live.deletedSeq = ChangeMerger::stampOf(stored.meta.value(QLatin1String("deleted_at"))).seq;
    const QString field = conflict.value(QLatin1String("field")).toString();
    if (field.isEmpty()) {
        live.seq = stored.seq;
        return live;
    }
    live.value = stored.row.value(field);
    live.seq = ChangeMerger::stampOf(stored.meta.value(field)).seq;
    return live;
}

void RegistryConflicts::insertLive(QJsonObject *conflict, const Live &live)
{
    conflict->insert(QStringLiteral("live_seq"), double(live.seq));
    conflict->insert(QStringLiteral("live_deleted"), live.deleted);
    if (!conflict->value(QLatin1String("field")).toString().isEmpty())
        conflict->insert(QStringLiteral("live_value"), live.value);
}

QJsonArray RegistryConflicts::conflicts(const Principal &who, bool includeResolved, int *total,
                                        int limit, qsizetype maxBytes, CoreError *error) const
{
    QJsonArray out;
    if (total)
        *total = 0;
    if (!who.isAdmin() && !who.isSupervisor())
        return out;
    QSqlQuery q(m_store.connection());
    QString where =
        includeResolved ? QStringLiteral("1 = 1") : QStringLiteral("c.resolved_at IS NULL");
    QVariantList binds;
    if (!who.isAdmin()) {
        where += QStringLiteral(" AND c.province_id = ?");
        binds << who.provinceId;
    }
    QString why;
    const auto failed = [&] {
        if (error)
            *error = RegistrySql::readFailed(why);
        return QJsonArray();
    };
    if (!RegistrySql::run(
            q,
            QStringLiteral("SELECT %1, %2 WHERE %3 ORDER BY c.incoming_seq, c.id LIMIT %4")
                .arg(QLatin1String(conflictColumns), QLatin1String(conflictAuthors), where)
                .arg(qMax(0, limit)),
            binds, &why))
        return failed();
    qsizetype bytes = 0;
    while (q.next()) {
        QJsonObject c = conflictJson(q);
        c.insert(QStringLiteral("current_at"), timeOrNull(q.value(17)));
        c.insert(QStringLiteral("current_username"), textOrNull(q.value(18)));
        c.insert(QStringLiteral("current_device_name"), textOrNull(q.value(19)));
        c.insert(QStringLiteral("incoming_at"), timeOrNull(q.value(20)));
        c.insert(QStringLiteral("incoming_username"), textOrNull(q.value(21)));
        c.insert(QStringLiteral("incoming_device_name"), textOrNull(q.value(22)));
        c.insert(QStringLiteral("created_at"), timeOrNull(q.value(23)));
        // Work under a row another device deleted (DependentRows): the row that change wrote.
        const bool work = !q.value(24).isNull() &&
                          (q.value(24).toString() != c.value(QLatin1String("entity")).toString() ||
                           q.value(25).toString() != c.value(QLatin1String("row_id")).toString());
        c.insert(QStringLiteral("work_entity"), work ? textOrNull(q.value(24)) : QJsonValue());
        c.insert(QStringLiteral("work_row_id"), work ? textOrNull(q.value(25)) : QJsonValue());
        insertLive(&c, liveOf(c));
        if (!RegistrySql::fitsList(c, &bytes, maxBytes, out.isEmpty()))
            break;
        out.append(c);
    }
    if (total) {
        q.finish();
        if (!RegistrySql::run(
                q, QStringLiteral("SELECT count(*) FROM conflicts c WHERE %1").arg(where), binds,
                &why))
            return failed();
        *total = q.next() ? q.value(0).toInt() : int(out.size());
    }
    return out;
}

bool RegistryConflicts::record(const QString &entity, const QString &rowId,
                               const ChangeMerger::Conflict &c, const PushChange &change,
                               const QString &deviceId, qint64 seq, const QString &provinceId,
                               const QString &clusterId, QString *id, QString *error) const
{
    *id = Uuid7::generate();
    return m_store.statement(
               QStringLiteral(
                   "INSERT INTO conflicts (id, kind, entity, row_id, field, current_value, "
                   "incoming_value, current_seq, current_device, incoming_seq, "
                   "incoming_device, base_seq, change_id, province_id, cluster_id, "
                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {*id, c.kind, entity, rowId, RegistrySql::nullable(c.field),
                RegistrySql::boxed(c.current), RegistrySql::boxed(c.incoming), c.currentSeq,
                RegistrySql::nullable(c.currentDevice), seq, deviceId, change.baseSeq,
                PushChange::changeId(deviceId, change.seq), RegistrySql::nullable(provinceId),
                RegistrySql::nullable(clusterId), RegistrySql::now()},
               error) != nullptr;
}

CoreError RegistryConflicts::mayWrite(const Principal &who, const QString &entity,
                                      const QJsonObject &row, const QString &refusal) const
{
    const RegistryScope::Scope scope = m_store.m_scope.scopeOf(entity, row);
    if (!scope.storageError.isEmpty())
        return RegistrySql::readFailed(scope.storageError);
    if (!scope.error.isEmpty() && !who.isAdmin())
        return {CoreError::Code::InvalidInput, scope.error};
    if (!m_store.m_scope.canWrite(who, entity, scope.provinceId, scope.clusterId))
        return {CoreError::Code::NotEditable, refusal};
    return {};
}

CoreError RegistryConflicts::resolveConflict(const Principal &who, const QString &id,
                                             const QString &choice, const QJsonValue &value,
                                             bool hasValue, qint64 seenSeq, QJsonObject *out)
{
    QSqlDatabase db = m_store.connection();
    // The conflict is read inside the write transaction: two supervisors resolving it at once
    // (two registry processes on one PostgreSQL) would otherwise both find it open and both
    // write their choice, the second overwriting the first.
    if (QString why; !m_store.beginWrite(db, &why))
        return {CoreError::Code::Sql, why};
    QSqlQuery q(db);
    const auto fail = [&](const CoreError &e) {
        q.finish();
        db.rollback();
        return e;
    };
    if (QString why; !RegistrySql::run(q,
                                       QStringLiteral("SELECT %1 FROM conflicts c WHERE c.id = ?")
                                           .arg(QLatin1String(conflictColumns)),
                                       {id}, &why))
        return fail(RegistrySql::readFailed(why));
    if (!q.next())
        return fail(
            {CoreError::Code::NotFound, QObject::tr("Không có xung đột '%1'.").arg(id.left(64))});
    QJsonObject c = conflictJson(q);
    q.finish();
    if (!(who.isAdmin() || (who.isSupervisor() &&
                            c.value(QLatin1String("province_id")).toString() == who.provinceId)))
        return fail({CoreError::Code::NotEditable,
                     QObject::tr("Chỉ giám sát viên của tỉnh này hoặc quản trị viên được xử lý "
                                 "xung đột này.")});
    if (c.value(QLatin1String("resolved")).toBool())
        return fail({CoreError::Code::NotEditable, QObject::tr("Xung đột này đã được xử lý rồi.")});
    const QString kind = c.value(QLatin1String("kind")).toString();
    const QString field = c.value(QLatin1String("field")).toString();
    const QString entity = c.value(QLatin1String("entity")).toString();
    const QString rowId = c.value(QLatin1String("row_id")).toString();
    // The record keeps the province the row had when it was made: the row may have moved since.
    // The resolver must be one who may write the row as it is now (as a push must), before
    // anything of it is told (an outdated answer says what it holds).
    QString readError;
    const ChangeMerger::Stored stored = m_store.m_records.load(entity, rowId, &readError);
    if (!readError.isEmpty())
        return fail(RegistrySql::readFailed(readError));
    if (stored.exists) {
        if (const CoreError e = mayWrite(
                who, entity, stored.row,
                QObject::tr("Dòng này nay thuộc tỉnh hoặc cụm mà bạn không được ghi (nó đã được "
                            "chuyển đi sau khi xung đột được ghi lại). Hãy báo giám sát viên nơi "
                            "nó thuộc về hoặc quản trị viên xử lý xung đột này."));
            e.failed())
            return fail(e);
    }
    // Written since the supervisor looked (a tablet's later edit, another conflict of the same
    // field resolved): a choice made on what they saw would replace a value they have not seen.
    // "current" writes nothing and is always taken.
    // A field's live_seq does not move when its row is deleted: a row deleted since the
    // supervisor's seen_seq and deleted still would take their choice into a tombstone, where no
    // tablet shows it.
    if (const Live live = liveOf(c); seenSeq >= 0 && choice != QLatin1String("current")) {
        const bool deletedSince = !field.isEmpty() && live.deleted && live.deletedSeq > seenSeq;
        if (live.seq != seenSeq || deletedSince) {
            insertLive(&c, live);
            *out = c;
            return fail(
                {CoreError::Code::Outdated,
                 deletedSince
                     ? QObject::tr("Dòng này đã bị xoá sau lần ghi trường này mà bạn đã xem, nên "
                                   "giá trị bạn chọn sẽ không ai thấy. Hãy chọn giữ giá trị đang "
                                   "dùng: giá trị kia vẫn được lưu trong xung đột và lịch sử.")
                     : QObject::tr("Bản ghi này đã được ghi lại sau khi bạn xem xung đột. Hãy xem "
                                   "giá trị đang dùng bây giờ rồi chọn lại.")});
        }
    }
    QJsonObject fields;
    if (choice == QLatin1String("incoming")) {
        if (kind == QLatin1String("edit_vs_delete")) {
            fields = c.value(QLatin1String("incoming_value")).toObject();
            fields.insert(QStringLiteral("deleted_at"), QJsonValue::Null);
        } else if (kind == QLatin1String("delete_vs_edit")) {
            fields = c.value(QLatin1String("incoming_value")).toObject();
        } else {
            fields.insert(field, c.value(QLatin1String("incoming_value")));
        }
    } else if (choice == QLatin1String("value")) {
        if (!hasValue || field.isEmpty())
            return fail({CoreError::Code::InvalidInput,
                         QObject::tr("Lựa chọn 'value' cần có giá trị, và chỉ dùng cho xung đột "
                                     "một trường.")});
        const QString e = m_store.schema().checkValue(entity, field, value);
        if (!e.isEmpty())
            return fail({CoreError::Code::InvalidInput, e});
        fields.insert(field, value);
    } else if (choice != QLatin1String("current")) {
        return fail({CoreError::Code::InvalidInput,
                     QObject::tr("choice phải là current, incoming hoặc value.")});
    }
    // The row as the choice makes it (as writeRow makes it) must be one the resolver may write
    // too: a value of a column that decides the scope (an inspection's cluster_id) must not move
    // the row out of their province or clusters.
    if (!fields.isEmpty()) {
        QJsonObject after = stored.row;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            if (m_store.schema().hasColumn(entity, it.key()))
                after.insert(it.key(), it.value());
        after.insert(QStringLiteral("id"), rowId);
        if (const CoreError e = mayWrite(
                who, entity, after,
                QObject::tr("Lựa chọn này sẽ chuyển dòng sang tỉnh hoặc cụm mà bạn không được "
                            "ghi. Hãy chọn một giá trị thuộc địa bàn của bạn."));
            e.failed())
            return fail(e);
    }
    m_store.m_inBatch = true;
    qint64 seq = 0;
    CoreError e;
    if (!fields.isEmpty())
        e = m_store.writeRow(entity, rowId, fields, QStringLiteral("resolve:") + who.username,
                             who.userId, &seq);
    m_store.m_inBatch = false;
    QString error;
    if (e.ok() &&
        !RegistrySql::run(q,
                          QStringLiteral("UPDATE conflicts SET resolved_at = ?, resolved_by = ?, "
                                         "resolution = ?, resolution_seq = ? WHERE id = ?"),
                          {RegistrySql::now(), who.userId, choice,
                           seq > 0 ? QVariant(seq) : QVariant(QMetaType(QMetaType::LongLong)), id},
                          &error))
        e = {CoreError::Code::Sql, error};
    if (e.failed())
        return fail(e);
    if (!db.commit())
        return {CoreError::Code::Sql, db.lastError().text()};
    m_store.committed();
    c.insert(QStringLiteral("resolved"), true);
    c.insert(QStringLiteral("resolution"), choice);
    if (seq > 0)
        c.insert(QStringLiteral("resolution_seq"), double(seq));
    *out = c;
    return {};
}
