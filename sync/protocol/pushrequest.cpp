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
                     ? QStringLiteral("JSON sai cú pháp: %1").arg(pe.errorString())
                     : QStringLiteral("nội dung phải là một đối tượng JSON");
        return r;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("protocol") && it.key() != QLatin1String("device_id") &&
            it.key() != QLatin1String("changes")) {
            *error = QStringLiteral("trường '%1' không được chấp nhận").arg(it.key().left(64));
            return r;
        }
    }
    const QJsonValue p = o.value(QLatin1String("protocol"));
    if (!p.isDouble() || p.toDouble() != double(p.toInt())) {
        *error = QStringLiteral("'protocol' phải là số nguyên");
        return r;
    }
    const QJsonValue dev = o.value(QLatin1String("device_id"));
    if (!dev.isString() || dev.toString().isEmpty() || dev.toString().size() > 128) {
        *error = QStringLiteral("'device_id' phải là chuỗi không rỗng");
        return r;
    }
    const QJsonValue ch = o.value(QLatin1String("changes"));
    if (!ch.isArray()) {
        *error = QStringLiteral("'changes' phải là một danh sách");
        return r;
    }
    const QJsonArray arr = ch.toArray();
    if (arr.size() > ProtocolVersion::maxChangesPerPush) {
        *error = QStringLiteral("mỗi lần gửi tối đa %1 thay đổi")
                     .arg(ProtocolVersion::maxChangesPerPush);
        return r;
    }
    PushRequest out;
    out.protocol = p.toInt();
    out.deviceId = dev.toString();
    for (int i = 0; i < arr.size(); ++i) {
        if (!arr.at(i).isObject()) {
            *error = QStringLiteral("thay đổi %1 phải là một đối tượng").arg(i);
            return r;
        }
        QString e;
        const PushChange c = PushChange::fromJson(arr.at(i).toObject(), &e);
        if (!e.isEmpty()) {
            *error = QStringLiteral("thay đổi %1: %2").arg(i).arg(e);
            return r;
        }
        out.changes.append(c);
    }
    return out;
}
