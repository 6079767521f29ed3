#include "registryreviewapi.h"

#include "apirequest.h"
#include "principal.h"
#include "registrystore.h"
#include "strictjson.h"

#include <QHttpServerRequest>
#include <QUrlQuery>

ApiReply RegistryReviewApi::conflicts(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.isAdmin() && !who.isSupervisor())
        return ApiReply::error(
            403, "forbidden",
            QStringLiteral("Chỉ giám sát viên và quản trị viên được xem xung đột."));
    const QUrlQuery query(request.url());
    bool all = false;
    for (const auto &item : query.queryItems()) {
        if (item.first != QLatin1String("resolved") ||
            (item.second != QLatin1String("0") && item.second != QLatin1String("1")))
            return ApiReply::error(400, "invalid_parameter",
                                   QStringLiteral("Chỉ chấp nhận tham số 'resolved=0|1'."));
        all = item.second == QLatin1String("1");
    }
    int total = 0;
    CoreError read;
    const QJsonArray listed = m_store->conflicts(who, all, &total, RegistryStore::listLimit,
                                                 RegistryStore::listBytes, &read);
    if (read.failed())
        return ApiReply::storageError(read);
    return ApiReply::json(
        {{QStringLiteral("conflicts"), listed}, {QStringLiteral("total"), total}});
}

ApiReply RegistryReviewApi::rejections(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.isAdmin() && !who.isSupervisor())
        return ApiReply::error(
            403, "forbidden",
            QStringLiteral("Chỉ giám sát viên và quản trị viên được xem các thay đổi bị "
                           "từ chối của các máy."));
    if (!QUrlQuery(request.url()).isEmpty())
        return ApiReply::error(
            400, "invalid_parameter",
            QStringLiteral("Danh sách thay đổi bị từ chối không nhận tham số nào."));
    int total = 0;
    CoreError read;
    const QJsonArray listed =
        m_store->rejections(who, &total, RegistryStore::listLimit, RegistryStore::listBytes, &read);
    if (read.failed())
        return ApiReply::storageError(read);
    return ApiReply::json(
        {{QStringLiteral("rejections"), listed}, {QStringLiteral("total"), total}});
}

ApiReply RegistryReviewApi::resolve(const Principal &who, const QString &id, const QByteArray &body)
{
    if (!who.isAdmin() && !who.isSupervisor())
        return ApiReply::error(
            403, "forbidden",
            QStringLiteral("Chỉ giám sát viên và quản trị viên được xử lý xung đột."));
    QJsonObject o;
    ApiReply err;
    if (!ApiRequest::parseStrict(
            body, {QStringLiteral("choice"), QStringLiteral("value"), QStringLiteral("seen_seq")},
            &o, &err))
        return err;
    QString choice;
    if (!ApiRequest::needString(o, "choice", 16, &choice, &err))
        return err;
    qint64 seenSeq = -1;
    if (o.contains(QLatin1String("seen_seq"))) {
        const QJsonValue seen = o.value(QLatin1String("seen_seq"));
        if (!StrictJson::isCount(seen, 0))
            return ApiReply::error(400, "invalid_field",
                                   QStringLiteral("seen_seq phải là số nguyên không âm."));
        seenSeq = qint64(seen.toDouble());
    }
    QJsonObject out;
    const CoreError e = m_store->resolveConflict(who, id, choice, o.value(QLatin1String("value")),
                                                 o.contains(QLatin1String("value")), seenSeq, &out);
    if (e.code() == CoreError::Code::Outdated)
        return ApiReply::json({{QStringLiteral("code"), QStringLiteral("conflict_changed")},
                               {QStringLiteral("message"), e.message()},
                               {QStringLiteral("conflict"), out}},
                              409);
    if (e.code() == CoreError::Code::NotFound)
        return ApiReply::error(404, "not_found", e.message());
    if (e.code() == CoreError::Code::NotEditable)
        return ApiReply::error(403, "forbidden", e.message());
    if (e.code() == CoreError::Code::InvalidInput)
        return ApiReply::error(400, "invalid_field", e.message());
    if (e.failed())
        return ApiReply::error(
            500, "storage_error",
            QStringLiteral("Máy chủ không lưu được cách xử lý: %1. Hãy thử lại sau.")
                .arg(e.message()));
    return ApiReply::json(out);
}
