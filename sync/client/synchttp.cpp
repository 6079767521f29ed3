#include "synchttp.h"

#include "compression.h"
#include "protocolversion.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

bool SyncReply::json(QJsonObject *out) const
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

SyncHttp::SyncHttp(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    // Never a cached or redirected answer: every reply is the registry's own.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QUrl SyncHttp::urlFor(const QString &path) const
{
    QString base = m_baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/api/v1/") + path);
}

void SyncHttp::get(const QString &path, const Headers &headers, Callback done)
{
    send("GET", path, QByteArray(), headers, std::move(done));
}

void SyncHttp::get(const QString &path, Callback done, Progress received)
{
    send("GET", path, QByteArray(), {}, std::move(done), {}, std::move(received));
}

void SyncHttp::postJson(const QString &path, const QJsonObject &body, Callback done)
{
    send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
         {{"Content-Type", "application/json"}}, std::move(done));
}

void SyncHttp::postEncodedJson(const QString &path, const QByteArray &body,
                               const QByteArray &coding, Callback done, std::function<void()> sent,
                               const Headers &headers)
{
    Headers all{{"Content-Type", "application/json"}, {"Content-Encoding", coding}};
    all << headers;
    send("POST", path, body, all, std::move(done), std::move(sent));
}

QByteArray SyncHttp::encode(const QByteArray &json, const QByteArray &coding)
{
    // zstd's level 1 on a push batch: smaller than zlib's level 6 and several times faster (a
    // tablet's CPU and battery; see README, Benchmarks).
    return coding == "zstd" ? Compression::zstd(json, 1) : Compression::deflate(json, 6);
}

void SyncHttp::put(const QString &path, const QByteArray &body, const Headers &headers,
                   Callback done)
{
    Headers h = headers;
    h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/octet-stream")));
    send("PUT", path, body, h, std::move(done));
}

void SyncHttp::abort()
{
    const QList<QPointer<QNetworkReply>> replies = std::exchange(m_replies, {});
    for (QNetworkReply *r : replies) {
        if (!r)
            continue;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

bool SyncHttp::busy() const
{
    for (const QPointer<QNetworkReply> &r : m_replies)
        if (r)
            return true;
    return false;
}

void SyncHttp::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                    const Headers &headers, Callback done, std::function<void()> sent,
                    Progress received)
{
    if (m_oneAtATime)
        abort();
    QNetworkRequest req(urlFor(path));
    req.setRawHeader("X-CCN-Protocol", QByteArray::number(ProtocolVersion::current));
    req.setRawHeader("X-CCN-Schema", QByteArray::number(m_schemaVersion));
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    // Accept-Encoding is left to QNetworkAccessManager, which then decompresses the reply itself.
    // Its check against archive bombs refuses a reply that grows more than 40-100 times past
    // 10 MiB; a pull page of long, alike notes (8 MiB and its last row) can, so the check starts
    // past what the registry sends.
    req.setDecompressedSafetyCheckThreshold(4 * ProtocolVersion::maxBodyBytes);
    req.setTransferTimeout(m_timeoutMs);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = body.isNull() && verb == "GET"
                               ? m_nam->get(req)
                               : m_nam->sendCustomRequest(req, verb, body);
    m_replies.append(reply);
    emit requestSent(verb, path);
    if (sent && !body.isEmpty()) {
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(reply, &QNetworkReply::uploadProgress, this,
                        [once, sent = std::move(sent)](qint64 done, qint64 total) {
                            if (total <= 0 || done < total)
                                return;
                            disconnect(*once);
                            sent();
                        });
    }
    if (received)
        connect(reply, &QNetworkReply::downloadProgress, this, std::move(received));
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)]() {
        m_replies.removeAll(reply);
        SyncReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.networkError = reply->error();
        r.networkErrorString = reply->errorString();
        r.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                     reply->error() == QNetworkReply::TimeoutError;
        if (reply->isOpen())
            r.body = reply->readAll();
        // A connection closed before the body it announced was whole: Qt sometimes reports that
        // as a finished reply (seen under load), which would read as a malformed answer. It is a
        // dropped connection. (A compressed body is decompressed by Qt: its length is not the
        // header's, and a cut one fails to decompress.)
        const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
        if (r.networkError == QNetworkReply::NoError && announced.isValid() &&
            reply->rawHeader("Content-Encoding").isEmpty() &&
            r.body.size() < announced.toLongLong()) {
            r.networkError = QNetworkReply::RemoteHostClosedError;
            r.networkErrorString = tr("Kết nối bị đóng khi mới nhận %1 trên %2 byte.")
                                       .arg(r.body.size())
                                       .arg(announced.toLongLong());
        }
        if (r.status > 0)
            m_requestCoding = Compression::accepts(reply->rawHeader("Accept-Encoding"), "zstd")
                                  ? "zstd"
                                  : "deflate";
        // An HTTP error status is not a transport failure: keep the status and the body.
        if (r.status >= 400 && reply->error() != QNetworkReply::NoError &&
            reply->error() >= QNetworkReply::ContentAccessDenied)
            r.networkError = QNetworkReply::NoError;
        reply->deleteLater();
        done(r);
    });
}
