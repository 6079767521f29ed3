#include "registryaccountapi.h"

#include "apirequest.h"
#include "principal.h"
#include "registrystore.h"

#include <QHttpServerRequest>
#include <QJsonArray>

ApiReply RegistryAccountApi::login(const QHttpServerRequest &request, const QByteArray &body)
{
    QJsonObject o;
    ApiReply err;
    if (!ApiRequest::parseStrict(body,
                                 {QStringLiteral("username"), QStringLiteral("password"),
                                  QStringLiteral("device_id"), QStringLiteral("device_secret"),
                                  QStringLiteral("device_name")},
                                 &o, &err))
        return err;
    // An app from before registry schema 12 sends no secret with its device id.
    if (!o.contains(QLatin1String("device_secret")))
        return ApiReply::error(
            426, "update_required",
            QStringLiteral("Vui lòng cập nhật CCN Inspect: máy chủ cần mã bí mật của thiết bị "
                           "khi đăng nhập."));
    QString username, password, deviceId, deviceSecret, deviceName;
    if (!ApiRequest::needString(o, "username", 64, &username, &err) ||
        !ApiRequest::needString(o, "password", 1024, &password, &err) ||
        !ApiRequest::needString(o, "device_id", 128, &deviceId, &err) ||
        !ApiRequest::needString(o, "device_secret", 128, &deviceSecret, &err) ||
        !ApiRequest::needString(o, "device_name", 200, &deviceName, &err, true))
        return err;
    if (!ApiRequest::isValidId(deviceId))
        return ApiReply::error(
            400, "invalid_field",
            QStringLiteral("'device_id' chỉ được chứa chữ cái, chữ số và . _ : -"));
    if (deviceSecret.size() < 32)
        return ApiReply::error(
            400, "invalid_field",
            QStringLiteral("'device_secret' phải dài ít nhất 32 ký tự (32 byte ngẫu nhiên, "
                           "base64url)."));
    const QString address = request.remoteAddress().toString();
    const qint64 wait = m_throttle.retryAfter(username, address);
    if (wait > 0) {
        ApiReply r = ApiReply::error(
            429, "too_many_attempts",
            QStringLiteral("Đăng nhập sai quá nhiều lần. Hãy thử lại sau %1 giây.").arg(wait));
        r.headers.append(
            qMakePair(QByteArray("Retry-After"), QByteArray(QByteArray::number(wait))));
        return r;
    }
    Principal user;
    QString token;
    qint64 expires = 0;
    const CoreError e = m_store->login(username, password, deviceId, deviceSecret, deviceName,
                                       m_tokenTtlMs, &user, &token, &expires);
    if (e.code() == CoreError::Code::InvalidInput) {
        m_throttle.failed(username, address);
        return ApiReply::error(401, "invalid_credentials", e.message());
    }
    if (e.code() == CoreError::Code::NotEditable)
        return ApiReply::error(403, "device_revoked", e.message());
    if (e.code() == CoreError::Code::Taken)
        return ApiReply::error(403, "device_taken", e.message());
    if (e.failed())
        return ApiReply::error(
            500, "storage_error",
            QStringLiteral("Máy chủ không ghi được phiên đăng nhập: %1. Hãy thử lại sau.")
                .arg(e.message()));
    m_throttle.succeeded(username, address);
    return ApiReply::json({{QStringLiteral("token"), token},
                           {QStringLiteral("expires_at"), double(expires)},
                           {QStringLiteral("user"), user.toJson()}});
}

ApiReply RegistryAccountApi::devices(const Principal &who)
{
    CoreError read;
    int total = 0;
    const QJsonArray listed = m_store->devices(who, &read, &total);
    if (read.failed())
        return ApiReply::storageError(read);
    return ApiReply::json({{QStringLiteral("devices"), listed}, {QStringLiteral("total"), total}});
}

ApiReply RegistryAccountApi::revoke(const Principal &who, const QString &id)
{
    return deviceState(m_store->revokeDevice(who, id), "revoked", id);
}

ApiReply RegistryAccountApi::reinstate(const Principal &who, const QString &id)
{
    return deviceState(m_store->reinstateDevice(who, id), "reinstated", id);
}

ApiReply RegistryAccountApi::deviceState(const CoreError &e, const char *done, const QString &id)
{
    if (e.code() == CoreError::Code::NotFound)
        return ApiReply::error(404, "not_found", e.message());
    if (e.failed())
        return ApiReply::error(
            500, "storage_error",
            QStringLiteral("Máy chủ không ghi được trạng thái thiết bị: %1. Hãy thử lại sau.")
                .arg(e.message()));
    return ApiReply::json({{QLatin1String(done), id}});
}

ApiReply RegistryAccountApi::users(const Principal &who)
{
    if (!who.isAdmin())
        return ApiReply::error(403, "forbidden",
                               QStringLiteral("Chỉ quản trị viên được quản lý người dùng."));
    QJsonArray list;
    CoreError read;
    for (const Principal &p : m_store->users(&read))
        list.append(p.toJson());
    if (read.failed())
        return ApiReply::storageError(read);
    return ApiReply::json({{QStringLiteral("users"), list}});
}

ApiReply RegistryAccountApi::addUser(const Principal &who, const QByteArray &body)
{
    if (!who.isAdmin())
        return ApiReply::error(403, "forbidden",
                               QStringLiteral("Chỉ quản trị viên được quản lý người dùng."));
    QJsonObject o;
    ApiReply err;
    if (!ApiRequest::parseStrict(body,
                                 {QStringLiteral("username"), QStringLiteral("password"),
                                  QStringLiteral("role"), QStringLiteral("province_id"),
                                  QStringLiteral("clusters"), QStringLiteral("communes")},
                                 &o, &err))
        return err;
    Principal p;
    QString password;
    if (!ApiRequest::needString(o, "username", 64, &p.username, &err) ||
        !ApiRequest::needString(o, "password", 1024, &password, &err) ||
        !ApiRequest::needString(o, "role", 32, &p.role, &err) ||
        !ApiRequest::needString(o, "province_id", 128, &p.provinceId, &err))
        return err;
    for (const char *k : {"clusters", "communes"}) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isUndefined())
            continue;
        if (!v.isArray())
            return ApiReply::error(
                400, "invalid_field",
                QStringLiteral("'%1' phải là danh sách mã.").arg(QLatin1String(k)));
        for (const QJsonValue &id : v.toArray()) {
            if (!id.isString() || !ApiRequest::isValidId(id.toString()))
                return ApiReply::error(
                    400, "invalid_field",
                    QStringLiteral("'%1' phải là danh sách mã.").arg(QLatin1String(k)));
            (qstrcmp(k, "clusters") == 0 ? p.clusters : p.communes) << id.toString();
        }
    }
    if (const CoreError scope = m_store->checkUserScope(p); scope.failed())
        return scope.code() == CoreError::Code::NotFound
                   ? ApiReply::error(400, "invalid_user", scope.message())
                   : ApiReply::storageError(scope);
    QString id;
    const CoreError e = m_store->addUser(p, password, m_fastHash, &id);
    if (e.failed())
        return ApiReply::error(e.code() == CoreError::Code::InvalidInput ? 400 : 500,
                               "invalid_user", e.message());
    p.userId = id;
    return ApiReply::json(p.toJson(), 201);
}
