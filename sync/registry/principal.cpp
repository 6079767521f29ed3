#include "principal.h"

#include <QJsonArray>

bool Principal::isValidRole(const QString &role)
{
    return role == QLatin1String("inspector") || role == QLatin1String("local_officer") ||
           role == QLatin1String("supervisor") || role == QLatin1String("admin");
}

QJsonObject Principal::toJson() const
{
    return {{QStringLiteral("id"), userId},
            {QStringLiteral("username"), username},
            {QStringLiteral("role"), role},
            {QStringLiteral("province_id"), provinceId},
            {QStringLiteral("scope"),
             QJsonObject{{QStringLiteral("clusters"), QJsonArray::fromStringList(clusters)},
                         {QStringLiteral("communes"), QJsonArray::fromStringList(communes)}}}};
}
