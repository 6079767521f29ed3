#include "changeresult.h"

#include <QJsonArray>

const QStringList &ChangeResult::waitingCodes()
{
    static const QStringList codes{QStringLiteral("unknown_parent"), QStringLiteral("unknown_row")};
    return codes;
}

QJsonObject ChangeResult::toJson() const
{
    QJsonObject o{{QStringLiteral("change"), double(change)}, {QStringLiteral("status"), status}};
    if (seq > 0)
        o.insert(QStringLiteral("seq"), double(seq));
    if (!conflictIds.isEmpty())
        o.insert(QStringLiteral("conflict_ids"), QJsonArray::fromStringList(conflictIds));
    if (!code.isEmpty())
        o.insert(QStringLiteral("code"), code);
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    return o;
}

ChangeResult ChangeResult::fromJson(const QJsonObject &o, QString *error)
{
    ChangeResult r;
    const QJsonValue change = o.value(QLatin1String("change"));
    r.change = qint64(change.toDouble(0));
    r.status = o.value(QLatin1String("status")).toString();
    static const QStringList statuses = {QStringLiteral("applied"), QStringLiteral("duplicate"),
                                         QStringLiteral("conflict"), QStringLiteral("rejected")};
    if (!change.isDouble() || r.change <= 0 || !statuses.contains(r.status)) {
        *error = QStringLiteral("result without change or with an unknown status");
        return r;
    }
    r.seq = qint64(o.value(QLatin1String("seq")).toDouble(0));
    for (const QJsonValue &v : o.value(QLatin1String("conflict_ids")).toArray())
        r.conflictIds << v.toString();
    r.code = o.value(QLatin1String("code")).toString();
    r.message = o.value(QLatin1String("message")).toString();
    return r;
}
