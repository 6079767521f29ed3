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
#include <QStringDecoder>
#include <QTcpSocket>
#include <QUrlQuery>

namespace {
using Reply = RegistryServer::Reply;

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
    QStringDecoder dec(QStringDecoder::Utf8);
    const QString text = dec.decode(body);
    if (dec.hasError()) {
        *err = RegistryServer::error(400, "invalid_utf8",
                                     QStringLiteral("The body is not valid UTF-8."));
        return false;
    }
    Q_UNUSED(text);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *err = RegistryServer::error(400, "malformed_json",
                                     QStringLiteral("The body must be a JSON object (%1).")
                                         .arg(pe.error != QJsonParseError::NoError
                                                  ? pe.errorString()
                                                  : QStringLiteral("not an object")));
        return false;
    }
    *out = doc.object();
    for (auto it = out->begin(); it != out->end(); ++it) {
        if (!allowed.contains(it.key())) {
            *err = RegistryServer::error(
                400, "unknown_field",
                QStringLiteral("Unknown member '%1'.").arg(it.key().left(64)));
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
        *err = RegistryServer::error(400, "invalid_field",
                                     QStringLiteral("'%1' must be a string of 1 to %2 characters.")
                                         .arg(QLatin1String(key))
                                         .arg(maxLen));
        return false;
    }
    *out = v.toString();
    return true;
}

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
            "--demo creates accounts with a published password; it is allowed "
            "only when the registry listens on loopback (--bind 127.0.0.1 or ::1).");
    if (!tls && !allLoopback && !allowInsecureHttp)
        return QStringLiteral("Refusing plain HTTP on a non-loopback address: passwords and tokens "
                              "would travel in clear text. Give --tls-cert and --tls-key, or "
                              "--allow-insecure-http if a trusted proxy terminates TLS.");
    return {};
}

quint16 RegistryServer::listenOn(const QHostAddress &address, quint16 port,
                                 const QSslConfiguration &ssl, QString *error)
{
    QTcpServer *server = nullptr;
    if (!ssl.localCertificate().isNull()) {
        auto *s = new QSslServer(this);
        s->setSslConfiguration(ssl);
        server = s;
    } else {
        server = new QTcpServer(this);
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
    send(request, socket, error(404, "not_found", QStringLiteral("No such endpoint.")));
}

bool RegistryServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Reply reply;
    try {
        reply = dispatch(request);
    } catch (...) {
        reply =
            error(500, "internal_error", QStringLiteral("The registry failed on this request."));
    }
    send(request, socket, std::move(reply));
    return true;
}

void RegistryServer::send(const QHttpServerRequest &request, QTcpSocket *socket, Reply reply)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const QByteArray accept = header(request, "Accept-Encoding");
    if (reply.compressible && reply.body.size() > 512 && accept.contains("gzip")) {
        reply.body = Compression::gzip(reply.body);
        reply.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    } else if (reply.compressible && reply.body.size() > 512 && accept.contains("deflate")) {
        reply.body = Compression::deflate(reply.body);
        reply.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("deflate")));
    }
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
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
        QStringDecoder dec(QStringDecoder::Utf8);
        seg << dec.decode(decoded);
        if (dec.hasError())
            return error(400, "invalid_path", QStringLiteral("The path is not valid UTF-8."));
    }
    const auto method = request.method();
    const bool get = method == QHttpServerRequest::Method::Get;
    const bool post = method == QHttpServerRequest::Method::Post;
    const bool put = method == QHttpServerRequest::Method::Put;
    const auto wrongMethod = [] {
        return error(405, "method_not_allowed",
                     QStringLiteral("This endpoint does not take that method."));
    };

    if (seg == QStringList{QStringLiteral("openapi.json")})
        return get ? openApi() : wrongMethod();
    if (seg.size() < 3 || seg.at(0) != QLatin1String("api") || seg.at(1) != QLatin1String("v1"))
        return error(404, "not_found",
                     QStringLiteral("No such endpoint. The API is under /api/v1."));
    seg = seg.mid(2);
    const QString head = seg.at(0);

    // Body: size cap, then optional zlib/gzip decoding with the same cap.
    QByteArray body = request.body();
    if (body.size() > ProtocolVersion::maxBodyBytes)
        return error(413, "body_too_large", QStringLiteral("The body is larger than 16 MiB."));
    const QByteArray encoding = header(request, "Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        if (encoding != "deflate" && encoding != "gzip")
            return error(415, "unsupported_encoding",
                         QStringLiteral("Content-Encoding must be deflate or gzip."));
        QByteArray out;
        bool tooLarge = false;
        if (!Compression::inflate(body, ProtocolVersion::maxBodyBytes, &out, &tooLarge))
            return tooLarge ? error(413, "body_too_large",
                                    QStringLiteral("The decompressed body is larger than 16 MiB."))
                            : error(400, "bad_encoding",
                                    QStringLiteral("The compressed body is corrupt or truncated."));
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
                QStringLiteral("Send the headers X-CCN-Protocol and X-CCN-Schema as integers."));
        if (proto < ProtocolVersion::minimumAccepted ||
            schema < ProtocolVersion::minimumDeviceSchema)
            return error(
                426, "update_required",
                QStringLiteral("Vui lòng cập nhật CCN Inspect. / Please update CCN Inspect: "
                               "this registry needs protocol %1 and device schema %2 or newer.")
                    .arg(ProtocolVersion::minimumAccepted)
                    .arg(ProtocolVersion::minimumDeviceSchema));
    }
    if (isLogin)
        return post ? login(request, body) : wrongMethod();

    const QByteArray auth = header(request, "Authorization");
    if (!auth.startsWith("Bearer "))
        return error(401, "unauthorized",
                     QStringLiteral("Log in first: send Authorization: Bearer <token>."));
    const auto who = m_store->authenticate(QString::fromLatin1(auth.mid(7).trimmed()));
    if (!who)
        return error(401, "unauthorized",
                     QStringLiteral(
                         "The token is unknown, expired or its device was revoked. Log in again."));

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
        if (seg.size() < 2 || seg.size() > 3 || !PhotoStore::isValidSha(seg.at(1)))
            return error(
                400, "invalid_sha256",
                QStringLiteral("A photo is named by its SHA-256: 64 lower-case hex digits."));
        if (seg.size() == 3) {
            if (seg.at(2) != QLatin1String("thumbnail"))
                return error(404, "not_found", QStringLiteral("No such endpoint."));
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
                return error(400, "invalid_id", QStringLiteral("That is not a conflict id."));
            return post ? resolve(*who, seg.at(1), body) : wrongMethod();
        }
    }
    if (head == QLatin1String("devices")) {
        if (seg.size() == 1)
            return get ? devices(*who) : wrongMethod();
        if (seg.size() == 3 && seg.at(2) == QLatin1String("revoke")) {
            if (!isValidId(seg.at(1)))
                return error(400, "invalid_id", QStringLiteral("That is not a device id."));
            return post ? revoke(*who, seg.at(1)) : wrongMethod();
        }
    }
    if (head == QLatin1String("users") && seg.size() == 1) {
        if (get)
            return users(*who);
        return post ? addUser(*who, body) : wrongMethod();
    }
    return error(404, "not_found", QStringLiteral("No such endpoint."));
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
                     QStringLiteral("The API description is missing from this build."));
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
                     QStringLiteral("'device_id' may hold letters, digits and . _ : - only."));
    const QString address = request.remoteAddress().toString();
    const qint64 wait = m_throttle.retryAfter(username, address);
    if (wait > 0) {
        Reply r =
            error(429, "too_many_attempts",
                  QStringLiteral("Too many failed logins. Try again in %1 seconds.").arg(wait));
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
        return error(500, "storage_error", e.message());
    m_throttle.succeeded(username, address);
    return json({{QStringLiteral("token"), token},
                 {QStringLiteral("expires_at"), double(expires)},
                 {QStringLiteral("user"), user.toJson()}});
}

Reply RegistryServer::push(const Principal &who, const QByteArray &body)
{
    QStringDecoder dec(QStringDecoder::Utf8);
    const QString text = dec.decode(body);
    Q_UNUSED(text);
    if (dec.hasError())
        return error(400, "invalid_utf8", QStringLiteral("The body is not valid UTF-8."));
    QString why;
    const PushRequest req = PushRequest::fromJson(body, &why);
    if (!why.isEmpty())
        return error(400, "malformed_push", why);
    if (req.protocol < ProtocolVersion::minimumAccepted)
        return error(
            426, "update_required",
            QStringLiteral("Please update CCN Inspect: protocol %1 is too old.").arg(req.protocol));
    if (req.protocol > ProtocolVersion::current)
        return error(
            400, "unsupported_protocol",
            QStringLiteral("This registry speaks protocol %1.").arg(ProtocolVersion::current));
    if (req.deviceId != who.deviceId)
        return error(403, "device_mismatch",
                     QStringLiteral("device_id differs from the device this token belongs to."));
    PushResult result;
    result.protocol = ProtocolVersion::current;
    for (const PushChange &c : req.changes)
        result.results.append(m_store->push(who, c));
    result.serverSeq = m_store->serverSeq();
    Reply r;
    r.body = result.toJson();
    return r;
}

Reply RegistryServer::pull(const Principal &who, const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url());
    qint64 since = 0, limit = 500;
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("since")) {
            if (!parseInt(item.second.toLatin1(), 0, 9007199254740991LL, &since))
                return error(400, "invalid_parameter",
                             QStringLiteral("'since' must be a non-negative integer."));
        } else if (item.first == QLatin1String("limit")) {
            if (!parseInt(item.second.toLatin1(), 1, ProtocolVersion::maxPullLimit, &limit))
                return error(400, "invalid_parameter",
                             QStringLiteral("'limit' must be between 1 and 1000."));
        } else {
            return error(400, "invalid_parameter",
                         QStringLiteral("Unknown parameter '%1'.").arg(item.first.left(32)));
        }
    }
    Reply r;
    r.body = m_store->pull(who, since, int(limit)).toJson();
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
                     QStringLiteral("'sha256' must be an array of at most 1000 hashes."));
    QJsonObject photos;
    for (const QJsonValue &v : list.toArray()) {
        if (!PhotoStore::isValidSha(v.toString()))
            return error(400, "invalid_sha256",
                         QStringLiteral("Each hash must be 64 lower-case hex digits."));
        qint64 received = 0;
        const auto st = m_photos.state(v.toString(), &received);
        photos.insert(v.toString(),
                      QJsonObject{{QStringLiteral("state"),
                                   st == PhotoStore::State::Complete  ? QStringLiteral("complete")
                                   : st == PhotoStore::State::Partial ? QStringLiteral("partial")
                                                                      : QStringLiteral("missing")},
                                  {QStringLiteral("received"), double(received)}});
    }
    return json({{QStringLiteral("photos"), photos}});
}

Reply RegistryServer::photoPut(const Principal &who, const QString &sha,
                               const QHttpServerRequest &request, const QByteArray &body)
{
    if (body.size() > ProtocolVersion::maxPhotoChunkBytes)
        return error(413, "chunk_too_large", QStringLiteral("A chunk may be at most 1 MiB."));
    qint64 offset = 0, total = 0;
    if (!parseInt(header(request, "X-CCN-Offset"), 0, PhotoStore::maxPhotoBytes, &offset) ||
        !parseInt(header(request, "X-CCN-Total-Size"), 1, 1LL << 40, &total))
        return error(400, "invalid_header",
                     QStringLiteral("Send X-CCN-Offset and X-CCN-Total-Size as integers."));
    if (!m_store->canUploadPhoto(who, sha))
        return m_store->canSeePhoto(who, sha)
                   ? error(403, "forbidden", QStringLiteral("You may not upload this photo."))
                   : error(404, "photo_unknown",
                           QStringLiteral("No photo record you may write refers to this photo. "
                                          "Push the record first."));
    qint64 received = 0;
    QString message;
    const auto result = m_photos.append(sha, offset, total, body, &received, &message);
    switch (result) {
    case PhotoStore::Append::Ok:
        return json({{QStringLiteral("state"), QStringLiteral("partial")},
                     {QStringLiteral("received"), double(received)}});
    case PhotoStore::Append::Complete:
        return json({{QStringLiteral("state"), QStringLiteral("complete")},
                     {QStringLiteral("received"), double(received)}});
    case PhotoStore::Append::OffsetMismatch: {
        Reply r = json({{QStringLiteral("code"), QStringLiteral("offset_mismatch")},
                        {QStringLiteral("message"), message},
                        {QStringLiteral("received"), double(received)}},
                       409);
        return r;
    }
    case PhotoStore::Append::HashMismatch:
        return error(422, "photo_hash_mismatch", message);
    case PhotoStore::Append::TooLarge:
        return error(413, "photo_too_large", message);
    case PhotoStore::Append::Invalid:
        return error(400, "invalid_chunk", message);
    case PhotoStore::Append::IoError:
        break;
    }
    return error(500, "storage_error",
                 QStringLiteral("The registry could not store the photo: %1").arg(message));
}

Reply RegistryServer::photoGet(const Principal &who, const QString &sha, bool thumbnail)
{
    if (!m_store->canSeePhoto(who, sha))
        return error(404, "photo_unknown", QStringLiteral("No photo you may see has this hash."));
    qint64 received = 0;
    if (m_photos.state(sha, &received) != PhotoStore::State::Complete)
        return error(404, "photo_missing",
                     QStringLiteral("The registry does not have this photo yet."));
    QFile f(thumbnail ? m_photos.thumbnailPath(sha) : m_photos.originalPath(sha));
    if (!f.open(QIODevice::ReadOnly))
        return thumbnail
                   ? error(404, "thumbnail_unavailable",
                           QStringLiteral("This photo has no thumbnail (not a readable image)."))
                   : error(500, "storage_error", f.errorString());
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
                     QStringLiteral("Only supervisors and admins see conflicts."));
    const QUrlQuery query(request.url());
    bool all = false;
    for (const auto &item : query.queryItems()) {
        if (item.first != QLatin1String("resolved") ||
            (item.second != QLatin1String("0") && item.second != QLatin1String("1")))
            return error(400, "invalid_parameter",
                         QStringLiteral("Only 'resolved=0|1' is accepted."));
        all = item.second == QLatin1String("1");
    }
    return json({{QStringLiteral("conflicts"), m_store->conflicts(who, all)}});
}

Reply RegistryServer::resolve(const Principal &who, const QString &id, const QByteArray &body)
{
    if (!who.isAdmin() && !who.isSupervisor())
        return error(403, "forbidden",
                     QStringLiteral("Only supervisors and admins resolve conflicts."));
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
        return error(500, "storage_error", e.message());
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
        return error(500, "storage_error", e.message());
    return json({{QStringLiteral("revoked"), id}});
}

Reply RegistryServer::users(const Principal &who)
{
    if (!who.isAdmin())
        return error(403, "forbidden", QStringLiteral("Only admins manage users."));
    QJsonArray list;
    for (const Principal &p : m_store->users())
        list.append(p.toJson());
    return json({{QStringLiteral("users"), list}});
}

Reply RegistryServer::addUser(const Principal &who, const QByteArray &body)
{
    if (!who.isAdmin())
        return error(403, "forbidden", QStringLiteral("Only admins manage users."));
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
                         QStringLiteral("'%1' must be an array of ids.").arg(QLatin1String(k)));
        for (const QJsonValue &id : v.toArray()) {
            if (!id.isString() || !isValidId(id.toString()))
                return error(400, "invalid_field",
                             QStringLiteral("'%1' must be an array of ids.").arg(QLatin1String(k)));
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
