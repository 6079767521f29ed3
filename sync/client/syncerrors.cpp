#include "syncerrors.h"

#include "synchttp.h"

#include <QJsonObject>

namespace {
CoreError::Code codeFor(SyncErrors::Kind kind)
{
    switch (kind) {
    case SyncErrors::Kind::None:
        return CoreError::Code::None;
    case SyncErrors::Kind::Refused:
    case SyncErrors::Kind::BadLogin:
    case SyncErrors::Kind::NotLoggedIn:
    case SyncErrors::Kind::DeviceRevoked:
        return CoreError::Code::InvalidInput;
    case SyncErrors::Kind::Local:
        return CoreError::Code::Sql;
    case SyncErrors::Kind::Busy:
        return CoreError::Code::NotEditable;
    default:
        return CoreError::Code::Io;
    }
}
} // namespace

QString SyncErrors::message(Kind kind, const QString &detail)
{
    const QString kept = tr("Dữ liệu chưa gửi vẫn được giữ an toàn trên máy.");
    QString text;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Offline:
        text = tr("Mất kết nối với máy chủ. %1 Hãy kiểm tra mạng (Wi-Fi hoặc 4G) rồi bấm "
                  "\"Đồng bộ\" lại.")
                   .arg(kept);
        break;
    case Kind::Timeout:
        text = tr("Máy chủ không trả lời kịp (mạng chậm hoặc chập chờn). %1 Hãy thử đồng bộ lại "
                  "khi sóng mạng tốt hơn.")
                   .arg(kept);
        break;
    case Kind::Server:
        text = tr("Máy chủ đang gặp sự cố. %1 Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo "
                  "quản trị viên.")
                   .arg(kept);
        break;
    case Kind::UpdateRequired:
        text = tr("Máy chủ yêu cầu cập nhật ứng dụng. Hãy cập nhật CCN Inspect lên phiên bản mới "
                  "rồi đồng bộ lại. %1")
                   .arg(kept);
        break;
    case Kind::Unauthorized:
        text = tr("Phiên đăng nhập đã hết hạn hoặc thiết bị này đã bị thu hồi quyền. Hãy đăng "
                  "nhập lại. %1")
                   .arg(kept);
        break;
    case Kind::BadLogin:
        text = tr("Sai tên đăng nhập hoặc mật khẩu. Hãy kiểm tra và nhập lại.");
        break;
    case Kind::DeviceRevoked:
        // The registry's own words ("revoked; ask …") add nothing to these.
        return tr("Máy này đã bị thu hồi nên không đăng nhập, không đồng bộ được. %1 Nếu máy đã "
                  "được tìm lại hoặc bị thu hồi nhầm, hãy khôi phục nó từ một máy khác của bạn "
                  "(trang Đồng bộ, nút \"Khôi phục\") hoặc nhờ quản trị viên, rồi đăng nhập lại.")
            .arg(kept);
    case Kind::TooManyAttempts:
        text = tr("Đăng nhập sai quá nhiều lần. Hãy chờ vài phút rồi thử lại.");
        break;
    case Kind::Refused:
        text = tr("Máy chủ từ chối yêu cầu. %1 Hãy báo quản trị viên nếu lỗi lặp lại.").arg(kept);
        break;
    case Kind::Malformed:
        text = tr("Máy chủ trả lời không đúng định dạng. %1 Hãy thử lại sau; nếu vẫn lỗi, hãy báo "
                  "quản trị viên.")
                   .arg(kept);
        break;
    case Kind::Local:
        text = tr("Không ghi được dữ liệu đồng bộ vào máy (bộ nhớ đầy hoặc lỗi tệp). %1 Hãy giải "
                  "phóng bộ nhớ rồi thử lại.")
                   .arg(kept);
        break;
    case Kind::NotLoggedIn:
        text = tr("Chưa đăng nhập. Hãy đăng nhập để đồng bộ.");
        break;
    case Kind::Busy:
        text = tr("Đang đồng bộ, hãy chờ lượt này xong.");
        break;
    }
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    return text;
}

CoreError SyncErrors::make(Kind kind, const QString &detail)
{
    if (kind == Kind::None)
        return {};
    return {codeFor(kind), message(kind, detail)};
}

CoreError SyncErrors::malformed(const QString &what)
{
    return make(Kind::Malformed, what);
}

CoreError SyncErrors::fromReply(const SyncReply &reply, Kind *kind)
{
    Kind k = Kind::None;
    QString detail;
    if (reply.status >= 200 && reply.status < 300 &&
        reply.networkError == QNetworkReply::UnknownContentError) {
        // Answered, but its body could not be decoded (QNetworkAccessManager's decompression
        // failed, or its check against archive bombs refused it): the network is not at fault.
        k = Kind::Malformed;
        detail = reply.networkErrorString;
    } else if (reply.networkError != QNetworkReply::NoError || reply.status == 0) {
        k = reply.timedOut ? Kind::Timeout : Kind::Offline;
        detail = reply.networkErrorString;
    } else if (reply.status >= 200 && reply.status < 300) {
        k = Kind::None;
    } else {
        QJsonObject err;
        if (reply.json(&err))
            detail = err.value(QLatin1String("message")).toString();
        if (reply.status == 426)
            k = Kind::UpdateRequired;
        else if (reply.status == 401)
            k = Kind::Unauthorized;
        else if (reply.status == 429)
            k = Kind::TooManyAttempts;
        else if (reply.status == 403 &&
                 err.value(QLatin1String("code")).toString() == QLatin1String("device_revoked"))
            k = Kind::DeviceRevoked;
        else if (reply.status >= 500)
            k = Kind::Server;
        else
            k = Kind::Refused;
        if (detail.isEmpty())
            detail = QStringLiteral("HTTP %1").arg(reply.status);
        else
            detail = QStringLiteral("HTTP %1: %2").arg(reply.status).arg(detail);
    }
    if (kind)
        *kind = k;
    return make(k, detail);
}
