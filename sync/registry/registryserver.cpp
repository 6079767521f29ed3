#include "registryserver.h"

#include "contenthash.h"
#include "discardrequest.h"

#include "apirequest.h"
#include "compression.h"
#include "preparedsocketserver.h"
#include "principal.h"
#include "protocolversion.h"
#include "pushrequest.h"
#include "pushresult.h"
#include "registrystore.h"
#include "syncschema.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QSslServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <optional>

namespace {
// A body that is not UTF-8 (checked in place: it is not converted to UTF-16 only to learn that).
std::optional<ApiReply> notUtf8(const QByteArray &body)
{
    if (body.isValidUtf8())
        return std::nullopt;
    return ApiReply::error(400, "invalid_utf8",
                           QStringLiteral("Nội dung gửi lên không phải văn bản UTF-8 hợp lệ. Hãy "
                                          "gửi lại bằng UTF-8."));
}

// A body of a protocol version below `minimum` or above this registry's.
std::optional<ApiReply> otherProtocol(int protocol, int minimum)
{
    if (protocol < minimum)
        return ApiReply::error(
            426, "update_required",
            QStringLiteral("Vui lòng cập nhật CCN Inspect: giao thức %1 đã quá cũ.").arg(protocol));
    if (protocol > ProtocolVersion::current)
        return ApiReply::error(
            400, "unsupported_protocol",
            QStringLiteral("Máy chủ này chỉ hỗ trợ giao thức đến %1; hãy dùng phiên bản "
                           "ứng dụng phù hợp.")
                .arg(ProtocolVersion::current));
    return std::nullopt;
}

using Reply = RegistryServer::Reply;

// Pull pages use the fastest level of their coding. zlib, measured on the sync benchmark (2,000
// inspections, 46,000 rows, the next page asked for while one is written; three runs each): level
// 1 1.72 MB in 815/906/1118 ms, the default 6 1.43 MB in 981/1101/1428 ms.
constexpr int zlibFastLevel = 1;
constexpr int zstdFastLevel = 1;
constexpr int zstdDefaultLevel = 3;

// The codings this registry reads in request bodies, named in every reply (RFC 7694 3).
constexpr char requestCodings[] = "zstd, gzip, deflate";

} // namespace

RegistryServer::RegistryServer(RegistryStore *store, const QString &dataDir, QObject *parent)
    : QAbstractHttpServer(parent), m_store(store), m_photoApi(store, dataDir), m_accountApi(store),
      m_reviewApi(store)
{
}

QList<QPair<QByteArray, QString>> RegistryServer::routes()
{
    return {{"get", QStringLiteral("/openapi.json")},
            {"get", QStringLiteral("/api/v1/info")},
            {"post", QStringLiteral("/api/v1/login")},
            {"post", QStringLiteral("/api/v1/logout")},
            {"post", QStringLiteral("/api/v1/push")},
            {"get", QStringLiteral("/api/v1/pull")},
            {"post", QStringLiteral("/api/v1/discards")},
            {"post", QStringLiteral("/api/v1/photos/status")},
            {"put", QStringLiteral("/api/v1/photos/{sha}")},
            {"get", QStringLiteral("/api/v1/photos/{sha}")},
            {"get", QStringLiteral("/api/v1/photos/{sha}/thumbnail")},
            {"get", QStringLiteral("/api/v1/conflicts")},
            {"post", QStringLiteral("/api/v1/conflicts/{id}/resolve")},
            {"get", QStringLiteral("/api/v1/rejections")},
            {"get", QStringLiteral("/api/v1/devices")},
            {"post", QStringLiteral("/api/v1/devices/{id}/revoke")},
            {"post", QStringLiteral("/api/v1/devices/{id}/reinstate")},
            {"get", QStringLiteral("/api/v1/users")},
            {"post", QStringLiteral("/api/v1/users")}};
}

bool RegistryServer::isLoopback(const QHostAddress &address)
{
    return address.isLoopback();
}

bool RegistryServer::allLoopback(const QList<QHostAddress> &addresses)
{
    bool all = !addresses.isEmpty();
    for (const QHostAddress &a : addresses)
        all = all && isLoopback(a);
    return all;
}

QString RegistryServer::checkListenPolicy(const QList<QHostAddress> &addresses, bool tls,
                                          bool allowInsecureHttp, bool demo)
{
    const bool loopback = allLoopback(addresses);
    if (demo && !loopback)
        return QStringLiteral(
            "--demo tạo tài khoản có mật khẩu công khai nên chỉ được dùng khi máy "
            "chủ chỉ nghe trên loopback (--bind 127.0.0.1 hoặc ::1).");
    if (!tls && !loopback && !allowInsecureHttp)
        return QStringLiteral("Không phục vụ HTTP thường trên địa chỉ ngoài loopback: mật khẩu và "
                              "phiên đăng nhập sẽ đi qua mạng không mã hóa. Hãy cho --tls-cert "
                              "và --tls-key, hoặc --allow-insecure-http nếu một proxy tin cậy "
                              "đã lo TLS.");
    return {};
}

quint16 RegistryServer::listenOn(const QHostAddress &address, quint16 port,
                                 const QSslConfiguration &ssl, QString *error)
{
    QTcpServer *server = nullptr;
    if (!ssl.localCertificate().isNull()) {
        auto *s = new PreparedSocketServer<QSslServer>(&m_idleTimeoutMs, this);
        s->setSslConfiguration(ssl);
        server = s;
    } else {
        server = new PreparedSocketServer<QTcpServer>(&m_idleTimeoutMs, this);
    }
    if (!server->listen(address, port)) {
        *error = server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

void RegistryServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket,
         ApiReply::error(404, "not_found",
                         QStringLiteral("Không có địa chỉ API này. Hãy kiểm tra đường dẫn.")));
}

bool RegistryServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Reply reply;
    try {
        reply = dispatch(request);
    } catch (...) {
        reply = ApiReply::error(
            500, "internal_error",
            QStringLiteral("Máy chủ gặp lỗi khi xử lý yêu cầu này. Hãy thử lại sau ít "
                           "phút; nếu vẫn lỗi, báo quản trị viên."));
    }
    send(request, socket, std::move(reply));
    return true;
}

void RegistryServer::send(const QHttpServerRequest &request, QTcpSocket *socket, Reply reply)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const QByteArray accept = ApiRequest::header(request, "Accept-Encoding");
    const bool compress = reply.compressible && reply.body.size() > 512;
    const int zlibLevel = reply.fastCompression ? zlibFastLevel : -1;
    // zstd first: a 1 MB pull page at the fastest levels took zstd 2.3 ms to 136 kB, zlib 7.2 ms
    // to 188 kB (QNetworkAccessManager asks for zstd and decodes it).
    if (compress && Compression::accepts(accept, "zstd")) {
        reply.body =
            Compression::zstd(reply.body, reply.fastCompression ? zstdFastLevel : zstdDefaultLevel);
        reply.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("zstd")));
    } else if (compress && Compression::accepts(accept, "gzip")) {
        reply.body = Compression::gzip(reply.body, zlibLevel);
        reply.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    } else if (compress && Compression::accepts(accept, "deflate")) {
        reply.body = Compression::deflate(reply.body, zlibLevel);
        reply.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("deflate")));
    }
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    // A client sends zstd once it has seen it here; registries before this header did not say.
    responder.writeHeader("Accept-Encoding", requestCodings);
    for (const auto &h : std::as_const(reply.headers))
        responder.writeHeader(h.first, h.second);
    responder.writeBody(reply.body);
}

Reply RegistryServer::dispatch(const QHttpServerRequest &request)
{
    const QByteArray rawPath = request.url().path(QUrl::FullyEncoded).toLatin1();
    QStringList seg;
    for (const QByteArray &s : rawPath.split('/')) {
        if (s.isEmpty())
            continue;
        const QByteArray decoded = QByteArray::fromPercentEncoding(s);
        // Checked whole: a decoder would keep a sequence cut at the end for more input and drop it.
        if (!decoded.isValidUtf8())
            return ApiReply::error(400, "invalid_path",
                                   QStringLiteral("Đường dẫn không phải UTF-8 hợp lệ."));
        seg << QString::fromUtf8(decoded);
    }
    const auto method = request.method();
    const bool get = method == QHttpServerRequest::Method::Get;
    const bool post = method == QHttpServerRequest::Method::Post;
    const bool put = method == QHttpServerRequest::Method::Put;
    const auto wrongMethod = [] {
        return ApiReply::error(405, "method_not_allowed",
                               QStringLiteral("Địa chỉ API này không nhận phương thức HTTP đó."));
    };

    if (seg == QStringList{QStringLiteral("openapi.json")})
        return get ? openApi() : wrongMethod();
    if (seg.size() < 3 || seg.at(0) != QLatin1String("api") || seg.at(1) != QLatin1String("v1"))
        return ApiReply::error(404, "not_found",
                               QStringLiteral("Không có địa chỉ API này. API nằm dưới /api/v1."));
    seg = seg.mid(2);
    const QString head = seg.at(0);

    // Body: size cap, then optional deflate/gzip/zstd decoding with the same cap.
    QByteArray body = request.body();
    if (body.size() > ProtocolVersion::maxBodyBytes)
        return ApiReply::error(
            413, "body_too_large",
            QStringLiteral("Nội dung gửi lên lớn hơn 16 MiB; hãy gửi thành nhiều lần nhỏ hơn."));
    const QByteArray encoding = ApiRequest::header(request, "Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        if (!Compression::accepts(requestCodings, encoding))
            return ApiReply::error(
                415, "unsupported_encoding",
                QStringLiteral("Content-Encoding phải là deflate, gzip hoặc zstd."));
        QByteArray out;
        bool tooLarge = false;
        const bool decoded =
            encoding == "zstd"
                ? Compression::unzstd(body, ProtocolVersion::maxBodyBytes, &out, &tooLarge)
                : Compression::inflate(body, ProtocolVersion::maxBodyBytes, &out, &tooLarge);
        if (!decoded)
            return tooLarge
                       ? ApiReply::error(
                             413, "body_too_large",
                             QStringLiteral(
                                 "Nội dung sau khi giải nén lớn hơn 16 MiB; hãy gửi thành "
                                 "nhiều lần nhỏ hơn."))
                       : ApiReply::error(
                             400, "bad_encoding",
                             QStringLiteral("Nội dung nén bị hỏng hoặc bị cắt cụt; hãy gửi lại."));
        body = out;
    }

    if (head == QLatin1String("info") && seg.size() == 1)
        return get ? info() : wrongMethod();
    // A NUL in a JSON body's text: no field takes one. A push refuses it per change instead
    // (SyncSchema::checkValue), so that one such value does not hold the batch back for ever.
    if (post && head != QLatin1String("push") && ApiRequest::hasNul(body))
        return ApiReply::error(400, "invalid_text",
                               QStringLiteral("Văn bản gửi lên có ký tự NUL (\\u0000), không "
                                              "trường nào nhận ký tự này; hãy bỏ nó đi."));

    // Version headers: on every request after login; checked on login when present.
    const QByteArray protoHeader = ApiRequest::header(request, "X-CCN-Protocol");
    const QByteArray schemaHeader = ApiRequest::header(request, "X-CCN-Schema");
    const bool isLogin = head == QLatin1String("login") && seg.size() == 1;
    if (!isLogin || !protoHeader.isEmpty() || !schemaHeader.isEmpty()) {
        qint64 proto = 0, schema = 0;
        if (!ApiRequest::parseInt(protoHeader, 0, 1000000, &proto) ||
            !ApiRequest::parseInt(schemaHeader, 0, 1000000, &schema))
            return ApiReply::error(
                400, "missing_version",
                QStringLiteral("Thiếu phiên bản: hãy gửi tiêu đề X-CCN-Protocol và X-CCN-Schema "
                               "dạng số nguyên."));
        if (proto < ProtocolVersion::minimumAccepted ||
            schema < ProtocolVersion::minimumDeviceSchema)
            return ApiReply::error(
                426, "update_required",
                QStringLiteral("Vui lòng cập nhật CCN Inspect: máy chủ cần giao thức %1 và lược đồ "
                               "dữ liệu thiết bị %2 trở lên.")
                    .arg(ProtocolVersion::minimumAccepted)
                    .arg(ProtocolVersion::minimumDeviceSchema));
    }
    if (isLogin)
        return post ? m_accountApi.login(request, body) : wrongMethod();

    const QByteArray auth = ApiRequest::header(request, "Authorization");
    if (!auth.startsWith("Bearer "))
        return ApiReply::error(401, "unauthorized",
                               QStringLiteral("Bạn chưa đăng nhập. Hãy đăng nhập rồi thử lại."));
    CoreError read;
    const auto who = m_store->authenticate(QString::fromLatin1(auth.mid(7).trimmed()), &read);
    // Not a 401: the client would sign its user out over a database that did not answer.
    if (read.failed())
        return ApiReply::storageError(read);
    if (!who)
        return ApiReply::error(
            401, "unauthorized",
            QStringLiteral("Phiên đăng nhập đã hết hạn hoặc thiết bị đã bị thu hồi. "
                           "Hãy đăng nhập lại."));

    if (head == QLatin1String("logout") && seg.size() == 1) {
        if (!post)
            return wrongMethod();
        // A token that could not be deleted still signs in: the client must not be told it ended.
        if (const CoreError e = m_store->logout(QString::fromLatin1(auth.mid(7).trimmed()));
            e.failed())
            return ApiReply::error(
                500, "storage_error",
                QStringLiteral("Máy chủ không kết thúc được phiên đăng nhập: %1. Phiên vẫn còn "
                               "hiệu lực; hãy thử đăng xuất lại sau.")
                    .arg(e.message()));
        return ApiReply::json({{QStringLiteral("ok"), true}});
    }
    if (head == QLatin1String("push") && seg.size() == 1)
        return post ? push(*who, body, ApiRequest::header(request, "X-CCN-Epoch")) : wrongMethod();
    if (head == QLatin1String("pull") && seg.size() == 1)
        return get ? pull(*who, request) : wrongMethod();
    if (head == QLatin1String("discards") && seg.size() == 1)
        return post ? discards(*who, body) : wrongMethod();
    if (head == QLatin1String("photos")) {
        if (seg.size() == 2 && seg.at(1) == QLatin1String("status"))
            return post ? m_photoApi.status(*who, body) : wrongMethod();
        if (seg.size() < 2 || seg.size() > 3 || !ContentHash::isSha256(seg.at(1)))
            return ApiReply::error(
                400, "invalid_sha256",
                QStringLiteral("Mã ảnh phải là SHA-256: 64 chữ số hex viết thường."));
        if (seg.size() == 3) {
            if (seg.at(2) != QLatin1String("thumbnail"))
                return ApiReply::error(
                    404, "not_found",
                    QStringLiteral("Không có địa chỉ API này. Hãy kiểm tra đường dẫn."));
            return get ? m_photoApi.get(*who, seg.at(1), true) : wrongMethod();
        }
        if (put)
            return m_photoApi.put(*who, seg.at(1), request, body);
        return get ? m_photoApi.get(*who, seg.at(1), false) : wrongMethod();
    }
    if (head == QLatin1String("conflicts")) {
        if (seg.size() == 1)
            return get ? m_reviewApi.conflicts(*who, request) : wrongMethod();
        if (seg.size() == 3 && seg.at(2) == QLatin1String("resolve")) {
            if (!ApiRequest::isValidId(seg.at(1)))
                return ApiReply::error(400, "invalid_id",
                                       QStringLiteral("Mã xung đột không hợp lệ."));
            return post ? m_reviewApi.resolve(*who, seg.at(1), body) : wrongMethod();
        }
    }
    if (head == QLatin1String("rejections") && seg.size() == 1)
        return get ? m_reviewApi.rejections(*who, request) : wrongMethod();
    if (head == QLatin1String("devices")) {
        if (seg.size() == 1)
            return get ? m_accountApi.devices(*who) : wrongMethod();
        const bool revoke = seg.size() == 3 && seg.at(2) == QLatin1String("revoke");
        if (revoke || (seg.size() == 3 && seg.at(2) == QLatin1String("reinstate"))) {
            if (!ApiRequest::isValidId(seg.at(1)))
                return ApiReply::error(400, "invalid_id",
                                       QStringLiteral("Mã thiết bị không hợp lệ."));
            if (!post)
                return wrongMethod();
            return revoke ? m_accountApi.revoke(*who, seg.at(1))
                          : m_accountApi.reinstate(*who, seg.at(1));
        }
    }
    if (head == QLatin1String("users") && seg.size() == 1) {
        if (get)
            return m_accountApi.users(*who);
        return post ? m_accountApi.addUser(*who, body) : wrongMethod();
    }
    return ApiReply::error(404, "not_found",
                           QStringLiteral("Không có địa chỉ API này. Hãy kiểm tra đường dẫn."));
}

Reply RegistryServer::info() const
{
    QJsonArray entities;
    for (const QString &t : m_store->schema().tables())
        entities.append(t);
    return ApiReply::json(
        {{QStringLiteral("protocol"), ProtocolVersion::current},
         {QStringLiteral("min_protocol"), ProtocolVersion::minimumAccepted},
         {QStringLiteral("min_schema"), ProtocolVersion::minimumDeviceSchema},
         {QStringLiteral("device_schema"), m_store->schema().deviceSchemaVersion()},
         {QStringLiteral("registry_schema"), m_store->schemaVersion()},
         {QStringLiteral("max_changes_per_push"), ProtocolVersion::maxChangesPerPush},
         {QStringLiteral("max_pull_limit"), ProtocolVersion::maxPullLimit},
         {QStringLiteral("max_photo_chunk"), double(ProtocolVersion::maxPhotoChunkBytes)},
         {QStringLiteral("entities"), entities},
         {QStringLiteral("backend"),
          m_store->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")}});
}

Reply RegistryServer::openApi() const
{
    QFile f(QStringLiteral(":/registry/openapi.json"));
    if (!f.open(QIODevice::ReadOnly))
        return ApiReply::error(500, "internal_error",
                               QStringLiteral("Bản dựng này thiếu mô tả API; báo quản trị viên."));
    Reply r;
    r.body = f.readAll();
    return r;
}

Reply RegistryServer::push(const Principal &who, const QByteArray &body,
                           const QByteArray &deviceEpoch)
{
    if (auto refused = notUtf8(body))
        return *refused;
    QString why;
    PushRequest req = PushRequest::fromJson(body, &why);
    if (!why.isEmpty())
        return ApiReply::error(
            400, "malformed_push",
            QStringLiteral("Gói thay đổi gửi lên không đúng định dạng (%1); không có "
                           "gì được lưu. Hãy cập nhật ứng dụng hoặc báo quản trị viên.")
                .arg(why));
    if (auto refused = otherProtocol(req.protocol, ProtocolVersion::minimumAccepted))
        return *refused;
    if (req.deviceId != who.deviceId)
        return ApiReply::error(
            403, "device_mismatch",
            QStringLiteral("device_id khác với thiết bị đã đăng nhập. Hãy đăng nhập "
                           "lại trên thiết bị này."));
    // Changes made on what the device pulled from another epoch: their bases name sequences of
    // the time this registry lost in a restore (or of none it knows). What it stored since the
    // restore is new to the device, so no base goes past the restore (PROTOCOL.md, Push).
    if (!deviceEpoch.isEmpty() && QString::fromUtf8(deviceEpoch) != m_store->epoch()) {
        for (PushChange &c : req.changes)
            c.baseSeq = qMin(c.baseSeq, m_store->epochSeq());
    }
    PushResult result;
    result.protocol = ProtocolVersion::current;
    // One transaction per batch (PROTOCOL.md, Push): the results and every stored change become
    // durable together, with one commit (one fsync) per batch.
    const CoreError stored = m_store->push(who, req.changes, &result.results);
    if (stored.failed())
        return ApiReply::error(
            503, "storage_error",
            QStringLiteral("Máy chủ không lưu được gói thay đổi (%1); không có gì được "
                           "lưu. Các thay đổi sẽ được gửi lại ở lần đồng bộ sau.")
                .arg(stored.message()));
    result.serverSeq = m_store->serverSeq();
    Reply r;
    r.body = result.toJson();
    return r;
}

Reply RegistryServer::pull(const Principal &who, const QHttpServerRequest &request)
{
    // Pages are written in runs since protocol 2: an older device could not read them.
    if (ApiRequest::header(request, "X-CCN-Protocol").toInt() < ProtocolVersion::minimumPull)
        return ApiReply::error(
            426, "update_required",
            QStringLiteral("Vui lòng cập nhật CCN Inspect: máy chủ gửi dữ liệu theo giao "
                           "thức %1 trở lên; các thay đổi trên máy vẫn được gửi lên.")
                .arg(ProtocolVersion::minimumPull));
    const QUrlQuery query(request.url());
    qint64 since = 0, limit = 500;
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("since")) {
            if (!ApiRequest::parseInt(item.second.toLatin1(), 0, 9007199254740991LL, &since))
                return ApiReply::error(400, "invalid_parameter",
                                       QStringLiteral("'since' phải là số nguyên không âm."));
        } else if (item.first == QLatin1String("limit")) {
            if (!ApiRequest::parseInt(item.second.toLatin1(), 1, ProtocolVersion::maxPullLimit,
                                      &limit))
                return ApiReply::error(400, "invalid_parameter",
                                       QStringLiteral("'limit' phải nằm trong khoảng 1 đến %1.")
                                           .arg(ProtocolVersion::maxPullLimit));
        } else {
            return ApiReply::error(
                400, "invalid_parameter",
                QStringLiteral("Tham số '%1' không được hỗ trợ.").arg(item.first.left(32)));
        }
    }
    // A device that keeps the seqs its push replies name (`own`) says so: its own rows held as
    // they are are not sent back to it. Others get every row.
    const bool skipOwn = ApiRequest::header(request, "X-CCN-Skip-Own") == "1";
    QString why;
    PullPage page = m_store->pull(who, since, int(limit), skipOwn, &why);
    if (!why.isEmpty())
        return ApiReply::error(
            503, "storage_error",
            QStringLiteral("Máy chủ không đọc được dữ liệu để gửi về (%1). Máy sẽ tải "
                           "lại ở lần đồng bộ sau; nếu vẫn lỗi, báo quản trị viên.")
                .arg(why));
    page.lastSeq = m_store->serverSeq();
    page.epoch = m_store->epoch();
    page.epochSeq = m_store->epochSeq();
    Reply r;
    r.body = page.toJson();
    r.fastCompression = true;
    return r;
}

Reply RegistryServer::discards(const Principal &who, const QByteArray &body)
{
    if (auto refused = notUtf8(body))
        return *refused;
    QString why;
    const DiscardRequest req = DiscardRequest::fromJson(body, &why);
    if (!why.isEmpty())
        return ApiReply::error(
            400, "malformed_discards",
            QStringLiteral("Danh sách thay đổi bỏ đi không đúng định dạng (%1); không có gì "
                           "thay đổi. Hãy cập nhật ứng dụng hoặc báo quản trị viên.")
                .arg(why));
    // Discards came with protocol 2: a body of another version is not one.
    if (auto refused = otherProtocol(req.protocol, ProtocolVersion::current))
        return *refused;
    const PullPage page = m_store->discard(who, req.changes, &why);
    if (!why.isEmpty())
        return ApiReply::error(
            503, "storage_error",
            QStringLiteral("Máy chủ không ghi được các thay đổi bỏ đi (%1). Máy sẽ gửi lại ở "
                           "lần đồng bộ sau; nếu vẫn lỗi, báo quản trị viên.")
                .arg(why));
    Reply r;
    r.body = page.toJson();
    return r;
}
