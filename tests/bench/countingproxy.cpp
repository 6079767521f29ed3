#include "countingproxy.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QTcpServer>
#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

// One client connection and its connection to the server.
struct CountingProxy::Pipe {
    QTcpSocket *client = nullptr;
    QTcpSocket *server = nullptr;
    bool dropped = false; // cut by cutAfter: nothing more is forwarded
    QByteArray pending;   // client bytes not yet parsed (request head being read)
    qint64 bodyLeft = 0;  // bytes of the current request body still to come
    QString route;        // route of the current request (replies are charged to it)
};

CountingProxy::CountingProxy()
{
    m_clock.start();
    m_thread.setObjectName(QStringLiteral("counting-proxy"));
    m_thread.start();
}

CountingProxy::~CountingProxy()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            delete m_server;
            m_server = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint16 CountingProxy::start(quint16 targetPort)
{
    m_target = targetPort;
    moveToThread(&m_thread);
    quint16 port = 0;
    QMetaObject::invokeMethod(
        this,
        [this, &port] {
            m_server = new QTcpServer;
            connect(m_server, &QTcpServer::newConnection, this, &CountingProxy::accept);
            if (m_server->listen(QHostAddress::LocalHost, 0))
                port = m_server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    return port;
}

void CountingProxy::reset()
{
    QMutexLocker lock(&m_mutex);
    m_counts.clear();
}

QHash<QString, CountingProxy::Counts> CountingProxy::counts() const
{
    QMutexLocker lock(&m_mutex);
    return m_counts;
}

void CountingProxy::cutAfter(const QString &route, qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_cutRoute = route;
    m_cutLeft = bytes;
    m_cutDone = false;
}

bool CountingProxy::cut() const
{
    QMutexLocker lock(&m_mutex);
    return m_cutDone;
}

bool CountingProxy::cutNow(const QString &route, qint64 up)
{
    QMutexLocker lock(&m_mutex);
    if (m_cutRoute.isEmpty() || route != m_cutRoute)
        return false;
    m_cutLeft -= up;
    if (m_cutLeft > 0)
        return false;
    m_cutRoute.clear();
    m_cutDone = true;
    return true;
}

CountingProxy::Counts CountingProxy::total(const QHash<QString, Counts> &counts,
                                           const QString &part)
{
    Counts t;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        if (!part.isEmpty() && !it.key().contains(part))
            continue;
        t.up += it->up;
        t.down += it->down;
        t.requests += it->requests;
        if (it->firstSeenNs >= 0 && (t.firstSeenNs < 0 || it->firstSeenNs < t.firstSeenNs))
            t.firstSeenNs = it->firstSeenNs;
        t.lastSeenNs = qMax(t.lastSeenNs, it->lastSeenNs);
    }
    return t;
}

QString CountingProxy::routeOf(const QByteArray &requestLine)
{
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() < 2)
        return QStringLiteral("?");
    QByteArray path = parts.at(1);
    const int q = path.indexOf('?');
    if (q >= 0)
        path.truncate(q);
    if (path.startsWith("/api/v1"))
        path = path.mid(7);
    QList<QByteArray> segs = path.split('/');
    // /photos/<sha>[/thumbnail]: drop the hash.
    if (segs.size() >= 3 && segs.at(1) == "photos" && segs.at(2).size() == 64)
        segs.removeAt(2);
    return QString::fromLatin1(parts.at(0) + ' ' + segs.join('/'));
}

void CountingProxy::charge(const QString &route, qint64 up, qint64 down, bool newRequest)
{
    QMutexLocker lock(&m_mutex);
    Counts &c = m_counts[route];
    c.up += up;
    c.down += down;
    const qint64 now = m_clock.nsecsElapsed();
    if (newRequest) {
        ++c.requests;
        if (c.firstSeenNs < 0)
            c.firstSeenNs = now;
    }
    c.lastSeenNs = now;
}

void CountingProxy::quickAck(QTcpSocket *socket)
{
#ifdef Q_OS_LINUX
    const int on = 1;
    ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#else
    Q_UNUSED(socket);
#endif
}

void CountingProxy::accept()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        auto *p = new Pipe;
        p->client = client;
        p->server = new QTcpSocket(client);
        p->route = QStringLiteral("?");
        // Forwarded bytes leave at once (no Nagle) both ways, or the proxy would add the wait
        // for an ACK that client and registry do not have between them. Qt applies a socket
        // option only to an open socket: the upstream one gets it once connected.
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(p->server, &QTcpSocket::connected, this, [this, p] {
            p->server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            fromClient(p);
        });
        connect(client, &QTcpSocket::readyRead, this, [this, p] {
            // The device's side acknowledges as the registry does (RegistryServer's quick
            // ACKs), or the proxy would add the 40 ms delayed ACK that the registry took away.
            quickAck(p->client);
            if (p->server->state() == QAbstractSocket::ConnectedState)
                fromClient(p);
        });
        connect(p->server, &QTcpSocket::readyRead, this, [this, p] {
            const QByteArray data = p->server->readAll();
            charge(p->route, 0, data.size(), false);
            p->client->write(data);
        });
        connect(p->server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, this, [this, p] {
            // The upstream socket lives on until the client's is deleted: its handlers must not
            // reach the pipe after this.
            QObject::disconnect(p->server, nullptr, this, nullptr);
            p->server->disconnectFromHost();
            p->client->deleteLater();
            delete p;
        });
        p->server->connectToHost(QHostAddress::LocalHost, m_target);
    }
}

void CountingProxy::fromClient(Pipe *p)
{
    const QByteArray data = p->client->readAll();
    if (data.isEmpty() || p->dropped)
        return;
    p->server->write(data);
    // Charge each byte to the request it belongs to; a new request head starts a new route.
    p->pending += data;
    while (!p->pending.isEmpty()) {
        if (p->bodyLeft > 0) {
            const qint64 n = qMin<qint64>(p->bodyLeft, p->pending.size());
            charge(p->route, n, 0, false);
            p->bodyLeft -= n;
            p->pending.remove(0, int(n));
            if (cutNow(p->route, n)) {
                // Both sides lose the connection; the pipe goes with the client's socket (its
                // disconnected handler), after this call has returned.
                p->dropped = true;
                QTcpSocket *client = p->client;
                QMetaObject::invokeMethod(
                    client, [client] { client->abort(); }, Qt::QueuedConnection);
                return;
            }
            continue;
        }
        const int end = p->pending.indexOf("\r\n\r\n");
        if (end < 0)
            return; // the head is not complete yet: charged when it is
        const QByteArray head = p->pending.left(end + 4);
        const int lineEnd = head.indexOf("\r\n");
        p->route = routeOf(head.left(lineEnd));
        qint64 length = 0;
        for (const QByteArray &line : head.split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("content-length:"))
                length = l.mid(15).trimmed().toLongLong();
        }
        charge(p->route, head.size(), 0, true);
        p->pending.remove(0, head.size());
        p->bodyLeft = length;
    }
}
