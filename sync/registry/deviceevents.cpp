#include "deviceevents.h"

#include "registrysql.h"
#include "uuid7.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

bool DeviceEvents::record(QSqlQuery &q, const QString &userId, const QString &deviceId,
                          Action action, const QString &by, QString *error)
{
    return RegistrySql::run(
        q,
        QStringLiteral("INSERT INTO device_events (id, user_id, device_id, action, done_by, "
                       "done_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {Uuid7::generate(), userId, deviceId,
         action == Action::Revoked ? QStringLiteral("revoked") : QStringLiteral("reinstated"), by,
         RegistrySql::now()},
        error);
}

bool DeviceEvents::newest(const QSqlDatabase &db, const QString &userWhere,
                          const QVariantList &binds, int perDevice, QHash<QString, QJsonArray> *out,
                          QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Ids are time-ordered (UUIDv7): within one millisecond, the later event has the greater id.
    // The database numbers each device's events and keeps the newest (SQLite 3.25+, PostgreSQL).
    if (!RegistrySql::run(
            q,
            QStringLiteral(
                "SELECT user_id, device_id, action, done_by, done_at FROM (SELECT e.user_id, "
                "e.device_id, e.action, e.done_by, e.done_at, row_number() OVER (PARTITION BY "
                "e.user_id, e.device_id ORDER BY e.done_at DESC, e.id DESC) AS n FROM "
                "device_events e JOIN users u ON u.id = e.user_id %1) newest WHERE n <= %2 "
                "ORDER BY user_id, device_id, n")
                .arg(userWhere.isEmpty() ? QString() : QStringLiteral("WHERE ") + userWhere)
                .arg(qMax(0, perDevice)),
            binds, error))
        return false;
    while (q.next())
        (*out)[key(q.value(0).toString(), q.value(1).toString())].append(QJsonObject{
            {QStringLiteral("action"), q.value(2).toString()},
            {QStringLiteral("by"), q.value(3).isNull() ? QJsonValue() : q.value(3).toString()},
            {QStringLiteral("at"), double(q.value(4).toLongLong())}});
    return true;
}

QString DeviceEvents::key(const QString &userId, const QString &deviceId)
{
    return userId + QLatin1Char('/') + deviceId;
}
