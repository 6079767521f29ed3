#include "registryserver.h"

#include "apierror.h"
#include "compression.h"
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
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace {
using Reply = RegistryServer::Reply;

// Pull pages use the fastest level of their coding. zlib, measured on the sync benchmark (2,000
// inspections, 46,000 rows, the next page asked for while one is written; three runs each): level
// 1 1.72 MB in 815/906/1118 ms, the default 6 1.43 MB in 981/1101/1428 ms.
constexpr int zlibFastLevel = 1;
constexpr int zstdFastLevel = 1;
constexpr int zstdDefaultLevel = 3;

// The codings this registry reads in request bodies, named in every reply (RFC 7694 3).
constexpr char requestCodings[] = "zstd, gzip, deflate";

QByteArray header(const QHttpServerRequest &r, const char *name)
{
    for (const auto &h : r.headers())
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

Reply json(const QJsonObject &o, int status = 200)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

bool isValidId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._:-]{1,128}$"));
    return re.match(id).hasMatch() && id != QLatin1String(".") && id != QLatin1String("..");
}

// Strict JSON object: valid UTF-8, an object, only the allowed members.
bool parseStrict(const QByteArray &body, const QStringList &allowed, QJsonObject *out, Reply *err)
{
    if (!body.isValidUtf8()) {
        *err = RegistryServer::error(
            400, "invalid_utf8",
            QStringLiteral("Nội dung gửi lên không phải văn bản UTF-8 hợp lệ. "
                           "Hãy gửi lại bằng UTF-8."));
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *err = RegistryServer::error(
            400, "malformed_json",
            QStringLiteral("Nội dung gửi lên phải là một đối tượng JSON (%1). "
                           "Hãy kiểm tra lại dữ liệu gửi.")
                .arg(pe.error != QJsonParseError::NoError
                         ? pe.errorString()
                         : QStringLiteral("không phải đối tượng")));
        return false;
    }
    *out = doc.object();
    for (auto it = out->begin(); it != out->end(); ++it) {
        if (!allowed.contains(it.key())) {
            *err = RegistryServer::error(
                400, "unknown_field",
                QStringLiteral("Trường '%1' không được chấp nhận ở đây; hãy bỏ trường đó đi.")
                    .arg(it.key().left(64)));
            return false;
        }
    }
    return true;
}

bool needString(const QJsonObject &o, const char *key, int maxLen, QString *out, Reply *err,
                bool allowEmpty = false)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString() || (!allowEmpty && v.toString().isEmpty()) || v.toString().size() > maxLen) {
        *err = RegistryServer::error(
            400, "invalid_field",
            QStringLiteral("'%1' phải là chuỗi dài từ 1 đến %2 ký tự; hãy sửa lại.")
                .arg(QLatin1String(key))
                .arg(maxLen));
        return false;
    }
    *out = v.toString();
    return true;
}

// A listening server that prepares each accepted socket: replies leave at once, and the socket
// closes after idleMs without traffic either way. QAbstractHttpServer takes each connection
// through nextPendingConnection(), so both are in place before the first byte is read.
//
// At once: QHttpServerResponder writes the status line and headers, then the body, and with
// Nagle's algorithm the kernel holds a body smaller than one segment until the client has
// acknowledged the headers, which a client that delays its ACKs does after 40 ms. Every reply of
// less than 64 kB (a thumbnail, a push result, an error) waited that long on 127.0.0.1, where a
// TLS front end or the benchmark's proxy talks to the registry: 50 thumbnails took 2.5 s, 0.2 s
// with TCP_NODELAY.
template <class Base> class PreparedSocketServer : public Base
{
public:
    PreparedSocketServer(const int *idleMs, QObject *parent) : Base(parent), m_idleMs(idleMs) {}
    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
#ifdef Q_OS_LINUX
            // And the request's last piece arrives at once: a client that cannot turn Nagle's
            // algorithm off (QNetworkAccessManager writes an upload in 16 kB pieces) holds that
            // piece until the registry acknowledges the one before, which Linux delays by up to
            // 40 ms. Quick acknowledgement is not sticky, so it is asked for again whenever
            // bytes arrive (and setting it sends an ACK that is due at once).
            QObject::connect(socket, &QIODevice::readyRead, socket, [socket] {
                const int on = 1;
                ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on,
                             sizeof on);
            });
#endif
        }
        if (socket && *m_idleMs > 0) {
            auto *timer = new QTimer(socket);
            timer->setSingleShot(true);
            timer->setInterval(*m_idleMs);
            QObject::connect(timer, &QTimer::timeout, socket, [socket] { socket->abort(); });
            const auto restart = [timer] { timer->start(); };
            QObject::connect(socket, &QIODevice::readyRead, timer, restart);
            QObject::connect(socket, &QIODevice::bytesWritten, timer, restart);
            timer->start();
        }
        return socket;
    }

private:
    const int *m_idleMs;
};

bool parseInt(const QByteArray &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}
} // namespace

RegistryServer::RegistryServer(RegistryStore *store, const QString &dataDir, QObject *parent)
    : QAbstractHttpServer(parent), m_store(store), m_photos(dataDir)
{
}

Reply RegistryServer::error(int status, const char *code, const QString &message)
{
    Reply r;
    r.status = status;
    r.body = ApiError{status, QLatin1String(code), message}.toJson();
    return r;
}

QList<QPair<QByteArray, QString>> RegistryServer::routes()
{
    return {{"get", QStringLiteral("/openapi.json")},
            {"get", QStringLiteral("/api/v1/info")},
            {"post", QStringLiteral("/api/v1/login")},
            {"post", QStringLiteral("/api/v1/logout")},
            {"post", QStringLiteral("/api/v1/push")},
            {"get", QStringLiteral("/api/v1/pull")},
            {"post", QStringLiteral("/api/v1/photos/status")},
            {"put", QStringLiteral("/api/v1/photos/{sha}")},
            {"get", QStringLiteral("/api/v1/photos/{sha}")},
            {"get", QStringLiteral("/api/v1/photos/{sha}/thumbnail")},
            {"get", QStringLiteral("/api/v1/conflicts")},
            {"post", QStringLiteral("/api/v1/conflicts/{id}/resolve")},
            {"get", QStringLiteral("/api/v1/rejections")},
            {"get", QStringLiteral("/api/v1/devices")},
            {"post", QStringLiteral("/api/v1/devices/{id}/revoke")},
            {"get", QStringLiteral("/api/v1/users")},
            {"post", QStringLiteral("/api/v1/users")}};
}

bool RegistryServer::isLoopback(const QHostAddress &address)
{
    return address.isLoopback();
}

QString RegistryServer::checkListenPolicy(const QList<QHostAddress> &addresses, bool tls,
                                          bool allowInsecureHttp, bool demo)
{
    bool allLoopback = !addresses.isEmpty();
    for (const QHostAddress &a : addresses)
        allLoopback = allLoopback && isLoopback(a);
    if (demo && !allLoopback)
        return QStringLiteral(
            "--demo tạo tài khoản có mật khẩu công khai nên chỉ được dùng khi máy "
            "chủ chỉ nghe trên loopback (--bind 127.0.0.1 hoặc ::1).");
    if (!tls && !allLoopback && !allowInsecureHttp)
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
         error(404, "not_found",
               QStringLiteral("Không có địa chỉ API này. Hãy kiểm tra đường dẫn.")));
}

bool RegistryServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Reply reply;
    try {
        reply = dispatch(request);
    } catch (...) {
        reply = error(500, "internal_error",
                      QStringLiteral("Máy chủ gặp lỗi khi xử lý yêu cầu này. Hãy thử lại sau ít "
                                     "phút; nếu vẫn lỗi, báo quản trị viên."));
    }
    send(request, socket, std::move(reply));
    return true;
}

void RegistryServer::send(const QHttpServerRequest &request, QTcpSocket *socket, Reply reply)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const QByteArray accept = header(request, "Accept-Encoding");
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
            return error(400, "invalid_path", QStringLiteral("Đường dẫn không phải UTF-8 hợp lệ."));
        seg << QString::fromUtf8(decoded);
    }
    const auto method = request.method();
    const bool get = method == QHttpServerRequest::Method::Get;
    const bool post = method == QHttpServerRequest::Method::Post;
    const bool put = method == QHttpServerRequest::Method::Put;
    const auto wrongMethod = [] {
        return error(405, "method_not_allowed",
                     QStringLiteral("Địa chỉ API này không nhận phương thức HTTP đó."));
    };

    if (seg == QStringList{QStringLiteral("openapi.json")})
        return get ? openApi() : wrongMethod();
    if (seg.size() < 3 || seg.at(0) != QLatin1String("api") || seg.at(1) != QLatin1String("v1"))
        return error(404, "not_found",
                     QStringLiteral("Không có địa chỉ API này. API nằm dưới /api/v1."));
    seg = seg.mid(2);
    const QString head = seg.at(0);

    // Body: size cap, then optional deflate/gzip/zstd decoding with the same cap.
    QByteArray body = request.body();
    if (body.size() > ProtocolVersion::maxBodyBytes)
        return error(
            413, "body_too_large",
            QStringLiteral("Nội dung gửi lên lớn hơn 16 MiB; hãy gửi thành nhiều lần nhỏ hơn."));
    const QByteArray encoding = header(request, "Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        if (!Compression::accepts(requestCodings, encoding))
            return error(415, "unsupported_encoding",
                         QStringLiteral("Content-Encoding phải là deflate, gzip hoặc zstd."));
        QByteArray out;
        bool tooLarge = false;
        const bool decoded =
            encoding == "zstd"
                ? Compression::unzstd(body, ProtocolVersion::maxBodyBytes, &out, &tooLarge)
                : Compression::inflate(body, ProtocolVersion::maxBodyBytes, &out, &tooLarge);
        if (!decoded)
            return tooLarge ? error(413, "body_too_large",
                                    QStringLiteral(
                                        "Nội dung sau khi giải nén lớn hơn 16 MiB; hãy gửi thành "
                                        "nhiều lần nhỏ hơn."))
                            : error(400, "bad_encoding",
                                    QStringLiteral(
                                        "Nội dung nén bị hỏng hoặc bị cắt cụt; hãy gửi lại."));
        body = out;
    }

    if (head == QLatin1String("info") && seg.size() == 1)
        return get ? info() : wrongMethod();

    // Version headers: on every request after login; checked on login when present.
    const QByteArray protoHeader = header(request, "X-CCN-Protocol");
    const QByteArray schemaHeader = header(request, "X-CCN-Schema");
    const bool isLogin = head == QLatin1String("login") && seg.size() == 1;
    if (!isLogin || !protoHeader.isEmpty() || !schemaHeader.isEmpty()) {
        qint64 proto = 0, schema = 0;
        if (!parseInt(protoHeader, 0, 1000000, &proto) ||
            !parseInt(schemaHeader, 0, 1000000, &schema))
            return error(
                400, "missing_version",
                QStringLiteral("Thiếu phiên bản: hãy gửi tiêu đề X-CCN-Protocol và X-CCN-Schema "
                               "dạng số nguyên."));
        if (proto < ProtocolVersion::minimumAccepted ||
            schema < ProtocolVersion::minimumDeviceSchema)
            return error(
                426, "update_required",
                QStringLiteral("Vui lòng cập nhật CCN Inspect: máy chủ cần giao thức %1 và lược đồ "
                               "dữ liệu thiết bị %2 trở lên.")
                    .arg(ProtocolVersion::minimumAccepted)
                    .arg(ProtocolVersion::minimumDeviceSchema));
    }
    if (isLogin)
        return post ? login(request, body) : wrongMethod();

    const QByteArray auth = header(request, "Authorization");
    if (!auth.startsWith("Bearer "))
        return error(401, "unauthorized",
                     QStringLiteral("Bạn chưa đăng nhập. Hãy đăng nhập rồi thử lại."));
    const auto who = m_store->authenticate(QString::fromLatin1(auth.mid(7).trimmed()));
    if (!who)
        return error(401, "unauthorized",
                     QStringLiteral("Phiên đăng nhập đã hết hạn hoặc thiết bị đã bị thu hồi. "
                                    "Hãy đăng nhập lại."));

    if (head == QLatin1String("logout") && seg.size() == 1) {
        if (!post)
            return wrongMethod();
        m_store->logout(QString::fromLatin1(auth.mid(7).trimmed()));
        return json({{QStringLiteral("ok"), true}});
    }
    if (head == QLatin1String("push") && seg.size() == 1)
        return post ? push(*who, body) : wrongMethod();
    if (head == QLatin1String("pull") && seg.size() == 1)
        return get ? pull(*who, request) : wrongMethod();
    if (head == QLatin1String("photos")) {
        if (seg.size() == 2 && seg.at(1) == QLatin1String("status"))
            return post ? photoStatus(body) : wrongMethod();
        if (seg.size() < 2 || seg.size() > 3 || !RegistryPhotoStore::isValidSha(seg.at(1)))
            return error(400, "invalid_sha256",
                         QStringLiteral("Mã ảnh phải là SHA-256: 64 chữ số hex viết thường."));
        if (seg.size() == 3) {
            if (seg.at(2) != QLatin1String("thumbnail"))
                return error(404, "not_found",
                             QStringLiteral("Không có địa chỉ API này. Hãy kiểm tra đường dẫn."));
            return get ? photoGet(*who, seg.at(1), true) : wrongMethod();
        }
        if (put)
            return photoPut(*who, seg.at(1), request, body);
        return get ? photoGet(*who, seg.at(1), false) : wrongMethod();
    }
    if (head == QLatin1String("conflicts")) {
        if (seg.size() == 1)
            return get ? conflicts(*who, request) : wrongMethod();
        if (seg.size() == 3 && seg.at(2) == QLatin1String("resolve")) {
            if (!isValidId(seg.at(1)))
                return error(400, "invalid_id", QStringLiteral("Mã xung đột không hợp lệ."));
            return post ? resolve(*who, seg.at(1), body) : wrongMethod();
        }
    }
    if (head == QLatin1String("rejections") && seg.size() == 1)
        return get ? rejections(*who, request) : wrongMethod();
    if (head == QLatin1String("devices")) {
        if (seg.size() == 1)
            return get ? devices(*who) : wrongMethod();
        if (seg.size() == 3 && seg.at(2) == QLatin1String("revoke")) {
            if (!isValidId(seg.at(1)))
                return error(400, "invalid_id", QStringLiteral("Mã thiết bị không hợp lệ."));
            return post ? revoke(*who, seg.at(1)) : wrongMethod();
        }
    }
    if (head == QLatin1String("users") && seg.size() == 1) {
        if (get)
            return users(*who);
        return post ? addUser(*who, body) : wrongMethod();
    }
    return error(404, "not_found",
                 QStringLiteral("Không có địa chỉ API này. Hãy kiểm tra đường dẫn."));
}

Reply RegistryServer::info() const
{
    QJsonArray entities;
    for (const QString &t : m_store->schema().tables())
        entities.append(t);
    return json({{QStringLiteral("protocol"), ProtocolVersion::current},
                 {QStringLiteral("min_protocol"), ProtocolVersion::minimumAccepted},
                 {QStringLiteral("min_schema"), ProtocolVersion::minimumDeviceSchema},
                 {QStringLiteral("device_schema"), m_store->schema().deviceSchemaVersion()},
                 {QStringLiteral("registry_schema"), m_store->schemaVersion()},
                 {QStringLiteral("max_changes_per_push"), ProtocolVersion::maxChangesPerPush},
                 {QStringLiteral("max_pull_limit"), ProtocolVersion::maxPullLimit},
                 {QStringLiteral("max_photo_chunk"), double(ProtocolVersion::maxPhotoChunkBytes)},
                 {QStringLiteral("entities"), entities},
                 {QStringLiteral("backend"), m_store->isPostgres() ? QStringLiteral("postgresql")
                                                                   : QStringLiteral("sqlite")}});
}

Reply RegistryServer::openApi() const
{
    QFile f(QStringLiteral(":/registry/openapi.json"));
    if (!f.open(QIODevice::ReadOnly))
        return error(500, "internal_error",
                     QStringLiteral("Bản dựng này thiếu mô tả API; báo quản trị viên."));
    Reply r;
    r.body = f.readAll();
    return r;
}

Reply RegistryServer::login(const QHttpServerRequest &request, const QByteArray &body)
{
    QJsonObject o;
    Reply err;
    if (!parseStrict(body,
                     {QStringLiteral("username"), QStringLiteral("password"),
                      QStringLiteral("device_id"), QStringLiteral("device_name")},
                     &o, &err))
        return err;
    QString username, password, deviceId, deviceName;
    if (!needString(o, "username", 64, &username, &err) ||
        !needString(o, "password", 1024, &password, &err) ||
        !needString(o, "device_id", 128, &deviceId, &err) ||
        !needString(o, "device_name", 200, &deviceName, &err, true))
        return err;
    if (!isValidId(deviceId))
        return error(400, "invalid_field",
                     QStringLiteral("'device_id' chỉ được chứa chữ cái, chữ số và . _ : -"));
    const QString address = request.remoteAddress().toString();
    const qint64 wait = m_throttle.retryAfter(username, address);
    if (wait > 0) {
        Reply r = error(
            429, "too_many_attempts",
            QStringLiteral("Đăng nhập sai quá nhiều lần. Hãy thử lại sau %1 giây.").arg(wait));
        r.headers.append(
            qMakePair(QByteArray("Retry-After"), QByteArray(QByteArray::number(wait))));
        return r;
    }
    Principal user;
    QString token;
    qint64 expires = 0;
    const CoreError e = m_store->login(username, password, deviceId, deviceName, m_tokenTtlMs,
                                       &user, &token, &expires);
    if (e.code() == CoreError::Code::InvalidInput) {
        m_throttle.failed(username, address);
        return error(401, "invalid_credentials", e.message());
    }
    if (e.code() == CoreError::Code::NotEditable)
        return error(403, "device_revoked", e.message());
    if (e.failed())
        return error(500, "storage_error",
                     QStringLiteral("Máy chủ không ghi được phiên đăng nhập: %1. Hãy thử lại sau.")
                         .arg(e.message()));
    m_throttle.succeeded(username, address);
    return json({{QStringLiteral("token"), token},
                 {QStringLiteral("expires_at"), double(expires)},
                 {QStringLiteral("user"), user.toJson()}});
}

Reply RegistryServer::push(const Principal &who, const QByteArray &body)
{
    // Checked in place: the body is not converted to UTF-16 only to learn whether it is UTF-8.
    if (!body.isValidUtf8())
        return error(400, "invalid_utf8",
                     QStringLiteral("Nội dung gửi lên không phải văn bản UTF-8 hợp lệ. Hãy gửi "
                                    "lại bằng UTF-8."));
    QString why;
    const PushRequest req = PushRequest::fromJson(body, &why);
    if (!why.isEmpty())
        return error(400, "malformed_push",
                     QStringLiteral("Gói thay đổi gửi lên không đúng định dạng (%1); không có "
                                    "gì được lưu. Hãy cập nhật ứng dụng hoặc báo quản trị viên.")
                         .arg(why));
    if (req.protocol < ProtocolVersion::minimumAccepted)
        return error(426, "update_required",
                     QStringLiteral("Vui lòng cập nhật CCN Inspect: giao thức %1 đã quá cũ.")
                         .arg(req.protocol));
    if (req.protocol > ProtocolVersion::current)
        return error(400, "unsupported_protocol",
                     QStringLiteral("Máy chủ này chỉ hỗ trợ giao thức đến %1; hãy dùng phiên bản "
                                    "ứng dụng phù hợp.")
                         .arg(ProtocolVersion::current));
    if (req.deviceId != who.deviceId)
        return error(403, "device_mismatch",
                     QStringLiteral("device_id khác với thiết bị đã đăng nhập. Hãy đăng nhập "
                                    "lại trên thiết bị này."));
    PushResult result;
    result.protocol = ProtocolVersion::current;
    // One transaction per batch (PROTOCOL.md, Push): the results and every stored change become
    // durable together, with one commit (one fsync) per batch.
    const CoreError stored = m_store->push(who, req.changes, &result.results);
    if (stored.failed())
        return error(503, "storage_error",
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
    if (header(request, "X-CCN-Protocol").toInt() < ProtocolVersion::minimumPull)
        return error(426, "update_required",
                     QStringLiteral("Vui lòng cập nhật CCN Inspect: máy chủ gửi dữ liệu theo giao "
                                    "thức %1 trở lên; các thay đổi trên máy vẫn được gửi lên.")
                         .arg(ProtocolVersion::minimumPull));
    const QUrlQuery query(request.url());
    qint64 since = 0, limit = 500;
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("since")) {
            if (!parseInt(item.second.toLatin1(), 0, 9007199254740991LL, &since))
                return error(400, "invalid_parameter",
                             QStringLiteral("'since' phải là số nguyên không âm."));
        } else if (item.first == QLatin1String("limit")) {
            if (!parseInt(item.second.toLatin1(), 1, ProtocolVersion::maxPullLimit, &limit))
                return error(400, "invalid_parameter",
                             QStringLiteral("'limit' phải nằm trong khoảng 1 đến %1.")
                                 .arg(ProtocolVersion::maxPullLimit));
        } else {
            return error(
                400, "invalid_parameter",
                QStringLiteral("Tham số '%1' không được hỗ trợ.").arg(item.first.left(32)));
        }
    }
    // A device that keeps the seqs its push replies name (`own`) says so: its own rows held as
    // they are are not sent back to it. Others get every row.
    const bool skipOwn = header(request, "X-CCN-Skip-Own") == "1";
    QString why;
    PullPage page = m_store->pull(who, since, int(limit), skipOwn, &why);
    if (!why.isEmpty())
        return error(503, "storage_error",
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

Reply RegistryServer::photoStatus(const QByteArray &body)
{
    QJsonObject o;
    Reply err;
    if (!parseStrict(body, {QStringLiteral("sha256")}, &o, &err))
        return err;
    const QJsonValue list = o.value(QLatin1String("sha256"));
    if (!list.isArray() || list.toArray().size() > 1000)
        return error(400, "invalid_field",
                     QStringLiteral("'sha256' phải là danh sách tối đa 1000 mã ảnh."));
    QJsonObject photos;
    for (const QJsonValue &v : list.toArray()) {
        if (!RegistryPhotoStore::isValidSha(v.toString()))
            return error(400, "invalid_sha256",
                         QStringLiteral("Mỗi mã ảnh phải gồm 64 chữ số hex viết thường."));
        qint64 received = 0;
        const auto st = m_photos.state(v.toString(), &received);
        photos.insert(
            v.toString(),
            QJsonObject{{QStringLiteral("state"),
                         st == RegistryPhotoStore::State::Complete  ? QStringLiteral("complete")
                         : st == RegistryPhotoStore::State::Partial ? QStringLiteral("partial")
                                                                    : QStringLiteral("missing")},
                        {QStringLiteral("received"), double(received)}});
    }
    return json({{QStringLiteral("photos"), photos}});
}

Reply RegistryServer::photoPut(const Principal &who, const QString &sha,
                               const QHttpServerRequest &request, const QByteArray &body)
{
    if (body.size() > ProtocolVersion::maxPhotoChunkBytes)
        return error(413, "chunk_too_large",
                     QStringLiteral("Mỗi phần ảnh tối đa 1 MiB; hãy chia nhỏ hơn."));
    qint64 offset = 0, total = 0;
    if (!parseInt(header(request, "X-CCN-Offset"), 0, RegistryPhotoStore::maxPhotoBytes, &offset) ||
        !parseInt(header(request, "X-CCN-Total-Size"), 1, 1LL << 40, &total))
        return error(
            400, "invalid_header",
            QStringLiteral("Hãy gửi tiêu đề X-CCN-Offset và X-CCN-Total-Size dạng số nguyên."));
    if (!m_store->canUploadPhoto(who, sha))
        return m_store->canSeePhoto(who, sha)
                   ? error(403, "forbidden", QStringLiteral("Bạn không có quyền tải ảnh này lên."))
                   : error(404, "photo_unknown",
                           QStringLiteral("Chưa có bản ghi ảnh nào bạn được ghi trỏ tới ảnh này. "
                                          "Hãy đồng bộ bản ghi trước rồi tải ảnh."));
    qint64 received = 0;
    QString message;
    const auto result = m_photos.append(sha, offset, total, body, &received, &message);
    switch (result) {
    case RegistryPhotoStore::Append::Ok:
        return json({{QStringLiteral("state"), QStringLiteral("partial")},
                     {QStringLiteral("received"), double(received)}});
    case RegistryPhotoStore::Append::Complete:
        return json({{QStringLiteral("state"), QStringLiteral("complete")},
                     {QStringLiteral("received"), double(received)}});
    case RegistryPhotoStore::Append::OffsetMismatch: {
        Reply r = json({{QStringLiteral("code"), QStringLiteral("offset_mismatch")},
                        {QStringLiteral("message"), message},
                        {QStringLiteral("received"), double(received)}},
                       409);
        return r;
    }
    case RegistryPhotoStore::Append::HashMismatch:
        return error(422, "photo_hash_mismatch", message);
    case RegistryPhotoStore::Append::TooLarge:
        return error(413, "photo_too_large", message);
    case RegistryPhotoStore::Append::Invalid:
        return error(400, "invalid_chunk", message);
    case RegistryPhotoStore::Append::IoError:
        break;
    }
    return error(500, "storage_error",
                 QStringLiteral("Máy chủ không lưu được ảnh: %1. Hãy thử lại sau; nếu vẫn lỗi, báo "
                                "quản trị viên.")
                     .arg(message));
}

Reply RegistryServer::photoGet(const Principal &who, const QString &sha, bool thumbnail)
{
    if (!m_store->canSeePhoto(who, sha))
        return error(404, "photo_unknown",
                     QStringLiteral("Không có ảnh nào bạn được xem mang mã này."));
    qint64 received = 0;
    if (m_photos.state(sha, &received) != RegistryPhotoStore::State::Complete)
        return error(
            404, "photo_missing",
            QStringLiteral("Máy chủ chưa có ảnh này; hãy thử lại sau khi ảnh được tải lên."));
    QFile f(thumbnail ? m_photos.thumbnailPath(sha) : m_photos.originalPath(sha));
    if (!f.open(QIODevice::ReadOnly))
        return thumbnail
                   ? error(404, "thumbnail_unavailable",
                           QStringLiteral(
                               "Ảnh này không có ảnh thu nhỏ (tệp không đọc được như ảnh)."))
                   : error(500, "storage_error",
                           QStringLiteral("Máy chủ không đọc được ảnh: %1. Báo quản trị viên.")
                               .arg(f.errorString()));
    Reply r;
    r.body = f.readAll();
    r.compressible = false;
    r.contentType = thumbnail
                        ? QByteArray("image/jpeg")
                        : QMimeDatabase().mimeTypeForData(r.body.left(4096)).name().toLatin1();
    return r;
}

Reply RegistryServer::conflicts(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.isAdmin() && !who.isSupervisor())
        return error(403, "forbidden",
                     QStringLiteral("Chỉ giám sát viên và quản trị viên được xem xung đột."));
    const QUrlQuery query(request.url());
    bool all = false;
    for (const auto &item : query.queryItems()) {
        if (item.first != QLatin1String("resolved") ||
            (item.second != QLatin1String("0") && item.second != QLatin1String("1")))
            return error(400, "invalid_parameter",
                         QStringLiteral("Chỉ chấp nhận tham số 'resolved=0|1'."));
        all = item.second == QLatin1String("1");
    }
    return json({{QStringLiteral("conflicts"), m_store->conflicts(who, all)}});
}

Reply RegistryServer::rejections(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.isAdmin() && !who.isSupervisor())
        return error(403, "forbidden",
                     QStringLiteral("Chỉ giám sát viên và quản trị viên được xem các thay đổi bị "
                                    "từ chối của các máy."));
    if (!QUrlQuery(request.url()).isEmpty())
        return error(400, "invalid_parameter",
                     QStringLiteral("Danh sách thay đổi bị từ chối không nhận tham số nào."));
    return json({{QStringLiteral("rejections"), m_store->rejections(who)}});
}

Reply RegistryServer::resolve(const Principal &who, const QString &id, const QByteArray &body)
{
    if (!who.isAdmin() && !who.isSupervisor())
        return error(403, "forbidden",
                     QStringLiteral("Chỉ giám sát viên và quản trị viên được xử lý xung đột."));
    QJsonObject o;
    Reply err;
    if (!parseStrict(body, {QStringLiteral("choice"), QStringLiteral("value")}, &o, &err))
        return err;
    QString choice;
    if (!needString(o, "choice", 16, &choice, &err))
        return err;
    QJsonObject out;
    const CoreError e = m_store->resolveConflict(who, id, choice, o.value(QLatin1String("value")),
                                                 o.contains(QLatin1String("value")), &out);
    if (e.code() == CoreError::Code::NotFound)
        return error(404, "not_found", e.message());
    if (e.code() == CoreError::Code::NotEditable)
        return error(403, "forbidden", e.message());
    if (e.code() == CoreError::Code::InvalidInput)
        return error(400, "invalid_field", e.message());
    if (e.failed())
        return error(500, "storage_error",
                     QStringLiteral("Máy chủ không lưu được cách xử lý: %1. Hãy thử lại sau.")
                         .arg(e.message()));
    return json(out);
}

Reply RegistryServer::devices(const Principal &who)
{
    return json({{QStringLiteral("devices"), m_store->devices(who)}});
}

Reply RegistryServer::revoke(const Principal &who, const QString &id)
{
    const CoreError e = m_store->revokeDevice(who, id);
    if (e.code() == CoreError::Code::NotFound)
        return error(404, "not_found", e.message());
    if (e.failed())
        return error(500, "storage_error",
                     QStringLiteral("Máy chủ không thu hồi được thiết bị: %1. Hãy thử lại sau.")
                         .arg(e.message()));
    return json({{QStringLiteral("revoked"), id}});
}

Reply RegistryServer::users(const Principal &who)
{
    if (!who.isAdmin())
        return error(403, "forbidden",
                     QStringLiteral("Chỉ quản trị viên được quản lý người dùng."));
    QJsonArray list;
    for (const Principal &p : m_store->users())
        list.append(p.toJson());
    return json({{QStringLiteral("users"), list}});
}

Reply RegistryServer::addUser(const Principal &who, const QByteArray &body)
{
    if (!who.isAdmin())
        return error(403, "forbidden",
                     QStringLiteral("Chỉ quản trị viên được quản lý người dùng."));
    QJsonObject o;
    Reply err;
    if (!parseStrict(body,
                     {QStringLiteral("username"), QStringLiteral("password"),
                      QStringLiteral("role"), QStringLiteral("province_id"),
                      QStringLiteral("clusters"), QStringLiteral("communes")},
                     &o, &err))
        return err;
    Principal p;
    QString password;
    if (!needString(o, "username", 64, &p.username, &err) ||
        !needString(o, "password", 1024, &password, &err) ||
        !needString(o, "role", 32, &p.role, &err) ||
        !needString(o, "province_id", 128, &p.provinceId, &err))
        return err;
    for (const char *k : {"clusters", "communes"}) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isUndefined())
            continue;
        if (!v.isArray())
            return error(400, "invalid_field",
                         QStringLiteral("'%1' phải là danh sách mã.").arg(QLatin1String(k)));
        for (const QJsonValue &id : v.toArray()) {
            if (!id.isString() || !isValidId(id.toString()))
                return error(400, "invalid_field",
                             QStringLiteral("'%1' phải là danh sách mã.").arg(QLatin1String(k)));
            (qstrcmp(k, "clusters") == 0 ? p.clusters : p.communes) << id.toString();
        }
    }
    QString id;
    const CoreError e = m_store->addUser(p, password, m_fastHash, &id);
    if (e.failed())
        return error(e.code() == CoreError::Code::InvalidInput ? 400 : 500, "invalid_user",
                     e.message());
    p.userId = id;
    return json(p.toJson(), 201);
}
