#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

// What came back from one request. status is 0 when no HTTP answer arrived.
struct SyncReply {
    int status = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;
    bool timedOut = false;
    QByteArray body;

    bool ok() const
    {
        return networkError == QNetworkReply::NoError && status >= 200 && status < 300;
    }
    // Parses the body as a JSON object; false when it is not one.
    bool json(QJsonObject *out) const;
};

// The sync transport: requests to the registry's /api/v1, by default one at a time (a new request
// drops the one under way, as a round's requests want), with the protocol headers
// (X-CCN-Protocol, X-CCN-Schema, Authorization) on every request, a transfer timeout, request
// bodies compressed (zstd where the registry said it reads it, else deflate) and compressed
// replies accepted (QNetworkAccessManager decompresses).
class SyncHttp : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SyncReply &)>;
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    // Bytes of the reply received so far, and its whole size (-1 when the reply does not say).
    using Progress = std::function<void(qint64 received, qint64 total)>;

    explicit SyncHttp(QObject *parent = nullptr);

    // Another registry: request bodies go in deflate until it names what it reads.
    void setBaseUrl(const QUrl &url)
    {
        if (url != m_baseUrl)
            m_requestCoding = "deflate";
        m_baseUrl = url;
    }
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    void setSchemaVersion(int version) { m_schemaVersion = version; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    // `path` is relative to /api/v1 ("push", "pull?since=3").
    void get(const QString &path, Callback done) { get(path, {}, std::move(done)); }
    void get(const QString &path, const Headers &headers, Callback done);
    // A GET whose reply is followed as it arrives (a photo's original).
    void get(const QString &path, Callback done, Progress received);
    // Small JSON bodies (login, photo status, a resolution) go uncompressed.
    void postJson(const QString &path, const QJsonObject &body, Callback done);
    // JSON already compressed by encode() with `coding` (e.g. while the previous request was
    // away). `sent`, if given, is called once the whole body has gone to the socket:
    // QNetworkAccessManager takes an upload's bytes from this thread's event loop, so work that
    // would keep the loop busy is best started then, not before.
    void postEncodedJson(const QString &path, const QByteArray &body, const QByteArray &coding,
                         Callback done, std::function<void()> sent = {},
                         const Headers &headers = {});
    void put(const QString &path, const QByteArray &body, const Headers &headers, Callback done);

    // The coding for request bodies: "zstd" once the registry's last reply named it in its
    // Accept-Encoding (RFC 7694 3), else "deflate", which every registry reads. A reply without the
    // header (an older registry, or one that answered 415) sets it back to deflate.
    QByteArray requestCoding() const { return m_requestCoding; }
    // `json` compressed with `coding` ("zstd" or "deflate"); thread-safe.
    static QByteArray encode(const QByteArray &json, const QByteArray &coding);
    // false: requests run side by side and each gets its answer (the supervisor's two lists
    // fetched together, a resolution sent while they are away); a new one drops none.
    void setOneAtATime(bool one) { m_oneAtATime = one; }
    // Aborts the requests under way (their callbacks are not called).
    void abort();
    bool busy() const;

    QUrl urlFor(const QString &path) const;

signals:
    // Every request as it is handed to the network (for tracing a round; the tests count them).
    void requestSent(const QByteArray &verb, const QString &path);

private:
    void send(const QByteArray &verb, const QString &path, const QByteArray &body,
              const Headers &headers, Callback done, std::function<void()> sent = {},
              Progress received = {});

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_schemaVersion = 0;
    int m_timeoutMs = 30000;
    QByteArray m_requestCoding = "deflate";
    bool m_oneAtATime = true;
    QList<QPointer<QNetworkReply>> m_replies; // under way
};
