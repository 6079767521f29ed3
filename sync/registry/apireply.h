#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// One reply of the registry's HTTP API before it is sent (RegistryServer::send compresses it
// when the client accepts that and it is worth it): JSON unless said otherwise, every error the
// JSON {"code", "message"} of ApiError.
class ApiReply
{
public:
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    bool compressible = true;
    bool fastCompression = false; // the coding's fastest level (pull pages), else its default

    static ApiReply json(const QJsonObject &o, int status = 200);
    // code: stable, for clients to branch on; message: plain Vietnamese, what went wrong and what
    // to do.
    static ApiReply error(int status, const char *code, const QString &message);
    // 500 storage_error: the database failed `e` (a read or a write); the request may be sent
    // again as it is.
    static ApiReply storageError(const CoreError &e);
};
