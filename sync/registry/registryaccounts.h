#pragma once

#include "coreerror.h"
#include "principal.h"

#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

class RegistryStore;

// RegistryStore's users, devices and tokens (tables users, devices, tokens), on its connection.
// RegistryStore's API says what each does; it answers through this part.
class RegistryAccounts
{
public:
    explicit RegistryAccounts(RegistryStore &store) : m_store(store) {}

    CoreError addUser(const Principal &user, const QString &password, bool fastHash, QString *id);
    QList<Principal> users(CoreError *error = nullptr) const;
    QStringList enabledUsers(const QStringList &usernames, CoreError *error) const;
    CoreError disableUsers(const QStringList &usernames, int *disabled);
    CoreError login(const QString &username, const QString &password, const QString &deviceId,
                    const QString &deviceSecret, const QString &deviceName, qint64 ttlMs,
                    Principal *user, QString *token, qint64 *expiresAt);
    std::optional<Principal> authenticate(const QString &token, CoreError *error = nullptr);
    CoreError logout(const QString &token);
    QJsonArray devices(const Principal &who, qsizetype maxBytes, int *total,
                       CoreError *error) const;
    CoreError revokeDevice(const Principal &who, const QString &deviceId);
    CoreError reinstateDevice(const Principal &who, const QString &deviceId);

    static QString hashToken(const QString &token);

private:
    // Whether `deviceSecret` is the secret of `deviceId` (device_keys): Taken when the id is
    // another tablet's, that is when its key differs, or when it has none yet and users other
    // than this one (`userKnowsDevice`: this user has signed in on it) registered it before.
    // *keyed: a key is stored (else the login stores this secret as the id's key).
    CoreError checkDeviceKey(const QString &deviceId, const QString &deviceSecret,
                             bool userKnowsDevice, bool *keyed) const;
    CoreError setRevoked(const Principal &who, const QString &deviceId, bool revoke);

    RegistryStore &m_store;
};
