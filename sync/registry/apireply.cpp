#include "apireply.h"

#include "apierror.h"

#include <QJsonDocument>

ApiReply ApiReply::json(const QJsonObject &o, int status)
{
    ApiReply r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

ApiReply ApiReply::error(int status, const char *code, const QString &message)
{
    ApiReply r;
    r.status = status;
    r.body = ApiError{status, QLatin1String(code), message}.toJson();
    return r;
}

ApiReply ApiReply::storageError(const CoreError &e)
{
    return error(500, "storage_error",
                 QStringLiteral("%1. Hãy thử lại sau; nếu lỗi vẫn còn, hãy báo quản trị viên máy "
                                "chủ.")
                     .arg(e.message()));
}
