#include "pushrequest.h"
#include "protocolversion.h"

#include <QJsonArray>
#include <QJsonDocument>

QByteArray PushRequest::toJson() const
{
    QJsonArray list;
    for (const PushChange &c : changes)
        list.append(c.toJson());
    return QJsonDocument(QJsonObject{{QStringLiteral("protocol"), protocol},
                                     {QStringLiteral("device_id"), deviceId},
                                     {QStringLiteral("changes"), list}})
        .toJson(QJsonDocument::Compact);
}

PushRequest PushRequest::fromJson(const QByteArray &json, QString *error)
{
    PushRequest r;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = pe.error != QJsonParseError::NoError
                     ? QStringLiteral("malformed JSON: %1").arg(pe.errorString())
                     : QStringLiteral("the body must be a JSON object");
        return r;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("protocol") && it.key() != QLatin1String("device_id") &&
            it.key() != QLatin1String("changes")) {
            *error = QStringLiteral("unknown member '%1'").arg(it.key().left(64));
            return r;
        }
    }
    const QJsonValue p = o.value(QLatin1String("protocol"));
    if (!p.isDouble() || p.toDouble() != double(p.toInt())) {
        *error = QStringLiteral("'protocol' must be an integer");
        return r;
    }
    const QJsonValue dev = o.value(QLatin1String("device_id"));
    if (!dev.isString() || dev.toString().isEmpty() || dev.toString().size() > 128) {
        *error = QStringLiteral("'device_id' must be a non-empty string");
        return r;
    }
    const QJsonValue ch = o.value(QLatin1String("changes"));
    if (!ch.isArray()) {
        *error = QStringLiteral("'changes' must be an array");
        return r;
    }
    const QJsonArray arr = ch.toArray();
    if (arr.size() > ProtocolVersion::maxChangesPerPush) {
        *error =
            QStringLiteral("at most %1 changes per push").arg(ProtocolVersion::maxChangesPerPush);
        return r;
    }
    PushRequest out;
    out.protocol = p.toInt();
    out.deviceId = dev.toString();
    for (int i = 0; i < arr.size(); ++i) {
        if (!arr.at(i).isObject()) {
            *error = QStringLiteral("change %1 must be an object").arg(i);
            return r;
        }
        QString e;
        const PushChange c = PushChange::fromJson(arr.at(i).toObject(), &e);
        if (!e.isEmpty()) {
            *error = QStringLiteral("change %1: %2").arg(i).arg(e);
            return r;
        }
        out.changes.append(c);
    }
    return out;
}
