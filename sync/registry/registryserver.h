#pragma once

#include "apireply.h"
#include "registryaccountapi.h"
#include "registryphotoapi.h"
#include "registryreviewapi.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSslConfiguration>

class RegistryStore;
class Principal;

// The registry's HTTP API (sync/PROTOCOL.md, sync/openapi.json) on Qt HttpServer 6.4: one
// dispatcher over method + path, every request authorised by role and scope, every error JSON
// {"code", "message"}. Listens on plain TCP or, with a certificate, on a QSslServer.
class RegistryServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    RegistryServer(RegistryStore *store, const QString &dataDir, QObject *parent = nullptr);

    // Listens on address:port (port 0: any free port); with ssl set, HTTPS. Returns the port or 0.
    quint16 listenOn(const QHostAddress &address, quint16 port, const QSslConfiguration &ssl,
                     QString *error);
    // Whether serving is allowed: plain HTTP only on loopback or with allowInsecureHttp; demo
    // accounts only on loopback. Returns an empty string when allowed, else what to do instead.
    static QString checkListenPolicy(const QList<QHostAddress> &addresses, bool tls,
                                     bool allowInsecureHttp, bool demo);
    static bool isLoopback(const QHostAddress &address);
    // Every address is loopback (and there is one at least).
    static bool allLoopback(const QList<QHostAddress> &addresses);
    // Every method and path dispatch() serves, in OpenAPI form ("/api/v1/photos/{sha}"); kept in
    // step with dispatch() and sync/openapi.json by tests.
    static QList<QPair<QByteArray, QString>> routes();

    LoginThrottle &throttle() { return m_accountApi.throttle(); }
    void setTokenLifetime(qint64 ms) { m_accountApi.setTokenLifetime(ms); }
    // A connection that neither sends nor receives a byte for this long is closed (keep-alive
    // connections left open, requests that never finish). Qt HttpServer 6.4 has no such limit of
    // its own. Applies to connections accepted afterwards.
    void setIdleTimeout(int ms) { m_idleTimeoutMs = ms; }
    int idleTimeout() const { return m_idleTimeoutMs; }
    static constexpr int defaultIdleTimeoutMs = 60000;

    using Reply = ApiReply;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Reply dispatch(const QHttpServerRequest &request);
    Reply info() const;
    Reply openApi() const;
    Reply push(const Principal &who, const QByteArray &body, const QByteArray &deviceEpoch);
    Reply pull(const Principal &who, const QHttpServerRequest &request);
    Reply discards(const Principal &who, const QByteArray &body);
    void send(const QHttpServerRequest &request, QTcpSocket *socket, Reply reply);

    RegistryStore *m_store;
    // The endpoints by concern; dispatch() routes to them.
    RegistryPhotoApi m_photoApi;
    RegistryAccountApi m_accountApi;
    RegistryReviewApi m_reviewApi;
    int m_idleTimeoutMs = defaultIdleTimeoutMs;

public:
    // Tests: hash new users' passwords with libsodium's MIN limits (fast, weak).
    void setFastPasswordHashing(bool fast) { m_accountApi.setFastPasswordHashing(fast); }
};
