#include "registryphotoapi.h"

#include "contenthash.h"

#include "apirequest.h"
#include "principal.h"
#include "protocolversion.h"
#include "registrystore.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QMimeDatabase>

ApiReply RegistryPhotoApi::status(const Principal &who, const QByteArray &body)
{
    QJsonObject o;
    ApiReply err;
    if (!ApiRequest::parseStrict(body, {QStringLiteral("sha256")}, &o, &err))
        return err;
    const QJsonValue list = o.value(QLatin1String("sha256"));
    if (!list.isArray() || list.toArray().size() > 1000)
        return ApiReply::error(400, "invalid_field",
                               QStringLiteral("'sha256' phải là danh sách tối đa 1000 mã ảnh."));
    QJsonObject photos;
    for (const QJsonValue &v : list.toArray()) {
        if (!ContentHash::isSha256(v.toString()))
            return ApiReply::error(
                400, "invalid_sha256",
                QStringLiteral("Mỗi mã ảnh phải gồm 64 chữ số hex viết thường."));
        CoreError read;
        const RegistryScope::PhotoAccess access = m_store->photoAccess(who, v.toString(), &read);
        if (read.failed())
            return ApiReply::storageError(read);
        qint64 received = 0;
        const auto st = access == RegistryScope::PhotoAccess::None
                            ? RegistryPhotoStore::State::Missing
                            : m_photos.state(v.toString(), &received);
        photos.insert(
            v.toString(),
            QJsonObject{{QStringLiteral("state"),
                         st == RegistryPhotoStore::State::Complete  ? QStringLiteral("complete")
                         : st == RegistryPhotoStore::State::Partial ? QStringLiteral("partial")
                                                                    : QStringLiteral("missing")},
                        {QStringLiteral("received"), double(received)}});
    }
    return ApiReply::json({{QStringLiteral("photos"), photos}});
}

ApiReply RegistryPhotoApi::put(const Principal &who, const QString &sha,
                               const QHttpServerRequest &request, const QByteArray &body)
{
    if (body.size() > ProtocolVersion::maxPhotoChunkBytes)
        return ApiReply::error(413, "chunk_too_large",
                               QStringLiteral("Mỗi phần ảnh tối đa 1 MiB; hãy chia nhỏ hơn."));
    qint64 offset = 0, total = 0;
    if (!ApiRequest::parseInt(ApiRequest::header(request, "X-CCN-Offset"), 0,
                              RegistryPhotoStore::maxPhotoBytes, &offset) ||
        !ApiRequest::parseInt(ApiRequest::header(request, "X-CCN-Total-Size"), 1, 1LL << 40,
                              &total))
        return ApiReply::error(
            400, "invalid_header",
            QStringLiteral("Hãy gửi tiêu đề X-CCN-Offset và X-CCN-Total-Size dạng số nguyên."));
    CoreError read;
    const RegistryScope::PhotoAccess access = m_store->photoAccess(who, sha, &read);
    if (read.failed())
        return ApiReply::storageError(read);
    if (access != RegistryScope::PhotoAccess::Upload)
        return access == RegistryScope::PhotoAccess::See
                   ? ApiReply::error(403, "forbidden",
                                     QStringLiteral("Bạn không có quyền tải ảnh này lên."))
                   : ApiReply::error(
                         404, "photo_unknown",
                         QStringLiteral("Chưa có bản ghi ảnh nào bạn được ghi trỏ tới ảnh này. "
                                        "Hãy đồng bộ bản ghi trước rồi tải ảnh."));
    qint64 received = 0;
    QString message;
    const auto result = m_photos.append(sha, offset, total, body, &received, &message);
    switch (result) {
    case RegistryPhotoStore::Append::Ok:
        return ApiReply::json({{QStringLiteral("state"), QStringLiteral("partial")},
                               {QStringLiteral("received"), double(received)}});
    case RegistryPhotoStore::Append::Complete:
        return ApiReply::json({{QStringLiteral("state"), QStringLiteral("complete")},
                               {QStringLiteral("received"), double(received)}});
    case RegistryPhotoStore::Append::OffsetMismatch: {
        ApiReply r = ApiReply::json({{QStringLiteral("code"), QStringLiteral("offset_mismatch")},
                                     {QStringLiteral("message"), message},
                                     {QStringLiteral("received"), double(received)}},
                                    409);
        return r;
    }
    case RegistryPhotoStore::Append::HashMismatch:
        return ApiReply::error(422, "photo_hash_mismatch", message);
    case RegistryPhotoStore::Append::TooLarge:
        return ApiReply::error(413, "photo_too_large", message);
    case RegistryPhotoStore::Append::Invalid:
        return ApiReply::error(400, "invalid_chunk", message);
    case RegistryPhotoStore::Append::IoError:
        break;
    }
    return ApiReply::error(
        500, "storage_error",
        QStringLiteral("Máy chủ không lưu được ảnh: %1. Hãy thử lại sau; nếu vẫn lỗi, báo "
                       "quản trị viên.")
            .arg(message));
}

ApiReply RegistryPhotoApi::get(const Principal &who, const QString &sha, bool thumbnail)
{
    CoreError read;
    const RegistryScope::PhotoAccess access = m_store->photoAccess(who, sha, &read);
    if (read.failed())
        return ApiReply::storageError(read);
    if (access == RegistryScope::PhotoAccess::None)
        return ApiReply::error(404, "photo_unknown",
                               QStringLiteral("Không có ảnh nào bạn được xem mang mã này."));
    qint64 received = 0;
    if (m_photos.state(sha, &received) != RegistryPhotoStore::State::Complete)
        return ApiReply::error(
            404, "photo_missing",
            QStringLiteral("Máy chủ chưa có ảnh này; hãy thử lại sau khi ảnh được tải lên."));
    // A thumbnail not made on arrival (the disk was full, say) is made now if the photo is an
    // image.
    QFile f(thumbnail ? m_photos.thumbnail(sha) : m_photos.originalPath(sha));
    if (!f.open(QIODevice::ReadOnly))
        return thumbnail ? ApiReply::error(
                               404, "thumbnail_unavailable",
                               QStringLiteral(
                                   "Ảnh này không có ảnh thu nhỏ (tệp không đọc được như ảnh)."))
                         : ApiReply::error(
                               500, "storage_error",
                               QStringLiteral("Máy chủ không đọc được ảnh: %1. Báo quản trị viên.")
                                   .arg(f.errorString()));
    ApiReply r;
    r.body = f.readAll();
    r.compressible = false;
    r.contentType = thumbnail
                        ? QByteArray("image/jpeg")
                        : QMimeDatabase().mimeTypeForData(r.body.left(4096)).name().toLatin1();
    return r;
}
