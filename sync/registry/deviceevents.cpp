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

QHash<QString, QJsonArray> DeviceEvents::newest(const QSqlDatabase &db, const QString &userWhere,
                                                const QVariantList &binds, int perDevice)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Ids are time-ordered (UUIDv7): within one millisecond, the later event has the greater id.
    RegistrySql::run(
        q,
        QStringLiteral("SELECT e.user_id, e.device_id, e.action, e.done_by, "
                       "e.done_at FROM device_events e JOIN users u ON u.id = "
                       "e.user_id %1 ORDER BY e.done_at DESC, e.id DESC")
            .arg(userWhere.isEmpty() ? QString() : QStringLiteral("WHERE ") + userWhere),
        binds);
    QHash<QString, QJsonArray> out;
    while (q.next()) {
        QJsonArray &events = out[key(q.value(0).toString(), q.value(1).toString())];
        if (events.size() >= perDevice)
            continue;
        events.append(QJsonObject{
            {QStringLiteral("action"), q.value(2).toString()},
            {QStringLiteral("by"), q.value(3).isNull() ? QJsonValue() : q.value(3).toString()},
            {QStringLiteral("at"), double(q.value(4).toLongLong())}});
    }
    return out;
}

QString DeviceEvents::key(const QString &userId, const QString &deviceId)
{
    return userId + QLatin1Char('/') + deviceId;
}
