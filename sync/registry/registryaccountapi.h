#pragma once

#include "apireply.h"
#include "coreerror.h"
#include "loginthrottle.h"

#include <QByteArray>
#include <QString>

class Principal;
class QHttpServerRequest;
class RegistryStore;

// The registry's account endpoints: login (slowed down after failures, LoginThrottle), the
// devices a user may see or revoke, and users for admins. Passwords and tokens are
// RegistryStore's (Argon2id, hashed tokens).
class RegistryAccountApi
{
public:
    explicit RegistryAccountApi(RegistryStore *store) : m_store(store) {}

    // POST /api/v1/login
    ApiReply login(const QHttpServerRequest &request, const QByteArray &body);
    // GET /api/v1/devices, POST /api/v1/devices/{id}/revoke and /reinstate
    ApiReply devices(const Principal &who);
    ApiReply revoke(const Principal &who, const QString &id);
    ApiReply reinstate(const Principal &who, const QString &id);
    // GET and POST /api/v1/users (admins)
    ApiReply users(const Principal &who);
    ApiReply addUser(const Principal &who, const QByteArray &body);

    LoginThrottle &throttle() { return m_throttle; }
    void setTokenLifetime(qint64 ms) { m_tokenTtlMs = ms; }
    // Tests: hash new users' passwords with libsodium's MIN limits (fast, weak).
    void setFastPasswordHashing(bool fast) { m_fastHash = fast; }

private:
    // The reply to a revoke or reinstate: {done: id}, or why not.
    static ApiReply deviceState(const CoreError &e, const char *done, const QString &id);

    RegistryStore *m_store;
    LoginThrottle m_throttle;
    qint64 m_tokenTtlMs = qint64(30) * 24 * 3600 * 1000;
    bool m_fastHash = false;
};
