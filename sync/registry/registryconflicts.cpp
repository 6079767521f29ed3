#include "registryconflicts.h"

#include "registrysql.h"
#include "registrystore.h"
#include "syncschema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
QJsonValue unboxed(const QVariant &s)
{
    if (s.isNull())
        return QJsonValue::Null;
    return RegistrySql::parseObject(s.toString()).value(QLatin1String("v"));
}

QJsonObject conflictJson(const QSqlQuery &q)
{
    return {{QStringLiteral("id"), q.value(0).toString()},
            {QStringLiteral("kind"), q.value(1).toString()},
            {QStringLiteral("entity"), q.value(2).toString()},
            {QStringLiteral("row_id"), q.value(3).toString()},
            {QStringLiteral("field"), q.value(4).isNull() ? QJsonValue() : q.value(4).toString()},
            {QStringLiteral("current_value"), unboxed(q.value(5))},
            {QStringLiteral("incoming_value"), unboxed(q.value(6))},
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
    "id, kind, entity, row_id, field, current_value, incoming_value, current_seq, current_device, "
    "incoming_seq, incoming_device, base_seq, change_id, province_id, cluster_id, resolved_at, "
    "resolution";

} // namespace

QJsonArray RegistryConflicts::conflicts(const Principal &who, bool includeResolved) const
{
    QJsonArray out;
    if (!who.isAdmin() && !who.isSupervisor())
        return out;
    QSqlQuery q(m_store.connection());
    QString where =
        includeResolved ? QStringLiteral("1 = 1") : QStringLiteral("resolved_at IS NULL");
    QVariantList binds;
    if (!who.isAdmin()) {
        where += QStringLiteral(" AND province_id = ?");
        binds << who.provinceId;
    }
    RegistrySql::run(
        q,
        QStringLiteral("SELECT %1 FROM conflicts WHERE %2 ORDER BY incoming_seq, id LIMIT 1000")
            .arg(QLatin1String(conflictColumns), where),
        binds);
    while (q.next())
        out.append(conflictJson(q));
    return out;
}

CoreError RegistryConflicts::resolveConflict(const Principal &who, const QString &id,
                                             const QString &choice, const QJsonValue &value,
                                             bool hasValue, QJsonObject *out)
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
    RegistrySql::run(
        q,
        QStringLiteral("SELECT %1 FROM conflicts WHERE id = ?").arg(QLatin1String(conflictColumns)),
        {id});
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
        const QString e =
            m_store.schema().checkValue(c.value(QLatin1String("entity")).toString(), field, value);
        if (!e.isEmpty())
            return fail({CoreError::Code::InvalidInput, e});
        fields.insert(field, value);
    } else if (choice != QLatin1String("current")) {
        return fail({CoreError::Code::InvalidInput,
                     QObject::tr("choice phải là current, incoming hoặc value.")});
    }
    m_store.m_inBatch = true;
    qint64 seq = 0;
    CoreError e;
    if (!fields.isEmpty())
        e = m_store.writeRow(c.value(QLatin1String("entity")).toString(),
                             c.value(QLatin1String("row_id")).toString(), fields,
                             QStringLiteral("resolve:") + who.username, who.userId, &seq);
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
