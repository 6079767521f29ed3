#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

struct SyncReply;

// Turns what went wrong in a sync request into a CoreError whose message tells the inspector, in
// plain words, what happened and what to do next (Vietnamese, English through the translation).
// `kind` lets the client branch (log out on Unauthorized, show "update the app" on
// UpdateRequired, ...).
class SyncErrors
{
    Q_DECLARE_TR_FUNCTIONS(SyncErrors)
public:
    enum class Kind {
        None,
        Offline,         // no connection, connection dropped, DNS, TLS
        Timeout,         // the registry did not answer in time
        Server,          // 5xx
        UpdateRequired,  // 426
        Unauthorized,    // 401: token expired or device revoked
        BadLogin,        // wrong user name or password
        TooManyAttempts, // 429
        Refused,         // another 4xx
        Malformed,       // a reply that does not follow the protocol
        Local,           // the device's own store or files
        NotLoggedIn,
        Busy,
        DeviceRevoked, // 403 device_revoked: this device may not sign in (until reinstated)
    };

    // The error for a failed reply (kind None when the reply is a 2xx).
    static CoreError fromReply(const SyncReply &reply, Kind *kind);
    static CoreError malformed(const QString &what);
    static CoreError make(Kind kind, const QString &detail = QString());
    // The user-facing text for a kind; `detail` is appended where it helps.
    static QString message(Kind kind, const QString &detail = QString());
};
