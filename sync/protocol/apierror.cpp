#include "apierror.h"

#include <QJsonDocument>
#include <QJsonObject>

QByteArray ApiError::toJson() const
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}})
        .toJson(QJsonDocument::Compact);
}

ApiError ApiError::fromJson(int status, const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    return {status, o.value(QLatin1String("code")).toString(),
            o.value(QLatin1String("message")).toString()};
}
