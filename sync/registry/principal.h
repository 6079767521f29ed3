#pragma once

#include <QJsonObject>
#include <QStringList>

// A registry user as the server sees them on a request: role, province scope and, where it
// applies, assigned clusters (inspector, local_officer) or communes (local_officer), plus the
// device the token belongs to.
class Principal
{
public:
    QString userId;
    QString username;
    QString role; // inspector | local_officer | supervisor | admin
    QString provinceId;
    QStringList clusters;
    QStringList communes;
    QString deviceId;

    bool isAdmin() const { return role == QLatin1String("admin"); }
    bool isSupervisor() const { return role == QLatin1String("supervisor"); }
    static bool isValidRole(const QString &role);
    // {"id", "username", "role", "province_id", "scope": {"clusters", "communes"}}
    QJsonObject toJson() const;
};
