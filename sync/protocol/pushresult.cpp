#include "pushresult.h"

#include <QJsonArray>
#include <QJsonDocument>

QByteArray PushResult::toJson() const
{
    QJsonArray list;
    for (const ChangeResult &r : results)
        if (r.status != QLatin1String("applied"))
            list.append(r.toJson());
    return QJsonDocument(QJsonObject{{QStringLiteral("protocol"), protocol},
                                     {QStringLiteral("server_seq"), double(serverSeq)},
                                     {QStringLiteral("results"), list}})
        .toJson(QJsonDocument::Compact);
}

PushResult PushResult::fromJson(const QByteArray &json, QString *error)
{
    PushResult r;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("malformed push reply");
        return r;
    }
    const QJsonObject o = doc.object();
    if (!o.value(QLatin1String("results")).isArray() ||
        !o.value(QLatin1String("protocol")).isDouble()) {
        *error = QStringLiteral("push reply without protocol or results");
        return r;
    }
    r.protocol = o.value(QLatin1String("protocol")).toInt();
    r.serverSeq = qint64(o.value(QLatin1String("server_seq")).toDouble());
    for (const QJsonValue &v : o.value(QLatin1String("results")).toArray()) {
        QString e;
        r.results.append(ChangeResult::fromJson(v.toObject(), &e));
        if (!e.isEmpty()) {
            *error = e;
            return {};
        }
    }
    return r;
}
