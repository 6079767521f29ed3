#pragma once

#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QVariantList>

class QSqlDatabase;
class QSqlQuery;

// What was done to registered devices (registry schema 11, table device_events): each revoke and
// each reinstatement, when and by whom, kept for good. RegistryAccounts records one whenever a
// device's state changes (a revoke sent twice is one event) and lists the newest with each device.
class DeviceEvents
{
public:
    enum class Action { Revoked, Reinstated };

    // Records `action` on `userId`'s device `deviceId` by `by` (a user name, "ccn-registry"),
    // now, in the caller's transaction. On failure fills *error with the database's message.
    static bool record(QSqlQuery &q, const QString &userId, const QString &deviceId, Action action,
                       const QString &by, QString *error);
    // The newest `perDevice` events of each device the users of `userWhere` (a condition on
    // users u, "" for all; `binds` its values) are signed in on, newest first, keyed by
    // key(user id, device id) in *out: [{"action", "by", "at"}] ("by" null: revoked before
    // schema 10). On failure fills *error with the database's message.
    static bool newest(const QSqlDatabase &db, const QString &userWhere, const QVariantList &binds,
                       int perDevice, QHash<QString, QJsonArray> *out, QString *error);
    static QString key(const QString &userId, const QString &deviceId);
};
