#include "registryrejections.h"

#include "changeresult.h"
#include "compactjson.h"

#include "registrysql.h"
#include "registrystore.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace {
QJsonValue timeOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(double(v.toLongLong()));
}

QString cutText(const QString &text, int length)
{
    QString shown = text.left(length);
    if (shown.back().isHighSurrogate()) // never half a character
        shown.chop(1);
    return shown + QChar(0x2026);
}

// A refusal's values as listed: texts longer than `length` cut (*cut says whether any was). An
// array or an object (a value of a column the registry does not know) whose JSON is longer is
// listed as that JSON, cut the same way.
QJsonObject shownFields(const QString &text, int length, bool *cut)
{
    QJsonObject fields = RegistrySql::parseObject(text);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonValue v = it.value();
        QString whole;
        if (v.isString()) {
            whole = v.toString();
        } else if (v.isArray() || v.isObject()) {
            QByteArray json;
            CompactJson::append(&json, v);
            whole = QString::fromUtf8(json);
        }
        if (whole.size() > length) {
            it.value() = cutText(whole, length);
            *cut = true;
        }
    }
    return fields;
}
} // namespace

QJsonArray RegistryRejections::rejections(const Principal &who, int *total, int limit,
                                          qsizetype maxBytes, CoreError *error) const
{
    QJsonArray out;
    if (total)
        *total = 0;
    if (!who.isAdmin() && !who.isSupervisor())
        return out;
    QString where = QStringLiteral("o.status = 'rejected' AND o.discarded_at IS NULL");
    QVariantList binds;
    if (!who.isAdmin()) {
        where += QStringLiteral(" AND o.province_id = ?");
        binds << who.provinceId;
    }
    QSqlQuery q(m_store.connection());
    QString why;
    const auto failed = [&] {
        if (error)
            *error = RegistrySql::readFailed(why);
        return QJsonArray();
    };
    if (!RegistrySql::run(
            q,
            QStringLiteral(
                "SELECT o.device_id, d.name, o.user_id, u.username, o.change_seq, o.entity, "
                "o.row_id, o.op, o.code, o.result, o.first_at, o.last_at, o.attempts, o.fields "
                "FROM push_outcomes o LEFT JOIN devices d ON d.user_id = o.user_id AND "
                "d.device_id = o.device_id LEFT JOIN users u ON u.id = o.user_id WHERE %1 ORDER "
                "BY COALESCE(o.first_at, 0), o.device_id, o.change_seq LIMIT %2")
                .arg(where)
                .arg(qMax(0, limit)),
            binds, &why))
        return failed();
    qsizetype bytes = 0;
    while (q.next()) {
        const QString code = q.value(8).toString();
        // Outcomes stored before schema 5 have their code and message in `result` only.
        const QJsonObject result = RegistrySql::parseObject(q.value(9).toString());
        const QString why = code.isEmpty() ? result.value(QLatin1String("code")).toString() : code;
        bool cut = false;
        // The values the change carried; null for refusals recorded before registry schema 9.
        const QJsonValue fields = q.value(13).isNull()
                                      ? QJsonValue()
                                      : shownFields(q.value(13).toString(), shownTextLength, &cut);
        const QJsonObject entry{
            {QStringLiteral("device_id"), q.value(0).toString()},
            {QStringLiteral("device_name"), q.value(1).toString()},
            {QStringLiteral("user_id"), q.value(2).toString()},
            {QStringLiteral("username"), q.value(3).toString()},
            {QStringLiteral("change_seq"), double(q.value(4).toLongLong())},
            {QStringLiteral("entity"), q.value(5).toString()},
            {QStringLiteral("row_id"), q.value(6).toString()},
            {QStringLiteral("op"), q.value(7).toString()},
            {QStringLiteral("code"), why},
            {QStringLiteral("message"), result.value(QLatin1String("message")).toString()},
            {QStringLiteral("waits_for_another_row"), ChangeResult::waitsForAnotherRow(why)},
            {QStringLiteral("first_at"), timeOrNull(q.value(10))},
            {QStringLiteral("last_at"), timeOrNull(q.value(11))},
            {QStringLiteral("attempts"), q.value(12).toInt()},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("fields_cut"), cut}};
        if (!RegistrySql::fitsList(entry, &bytes, maxBytes, out.isEmpty()))
            break;
        out.append(entry);
    }
    if (total) {
        q.finish();
        if (!RegistrySql::run(
                q, QStringLiteral("SELECT count(*) FROM push_outcomes o WHERE %1").arg(where),
                binds, &why))
            return failed();
        *total = q.next() ? q.value(0).toInt() : int(out.size());
    }
    return out;
}
