#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThread>

class QTcpServer;
class QTcpSocket;

// A TCP proxy on 127.0.0.1 between the sync client and the registry that counts the bytes on
// the wire each way, HTTP headers included, per route ("POST /push", "GET /pull", "PUT /photos",
// ...). It reads the request line of each HTTP/1.1 request (framed by Content-Length) so that the
// bytes of a request and of the reply that follows are charged to that request's route, and it
// notes when each route was first seen (to split a sync round into its phases). It runs in its
// own thread so that the client's work does not delay the forwarding.
class CountingProxy : public QObject
{
    Q_OBJECT
public:
    struct Counts {
        qint64 up = 0;   // client -> server
        qint64 down = 0; // server -> client
        int requests = 0;
        qint64 firstSeenNs = -1; // on the proxy's clock (see elapsedNs())
        qint64 lastSeenNs = -1;
    };

    CountingProxy();
    ~CountingProxy() override;

    // Listens on 127.0.0.1 (any free port), forwarding to 127.0.0.1:targetPort. Returns the port.
    quint16 start(quint16 targetPort);
    void reset();
    QHash<QString, Counts> counts() const;
    qint64 elapsedNs() const { return m_clock.nsecsElapsed(); }
    // Drops the connection that carries `route` ("PUT /photos") once `bytes` more of that
    // route's bytes from the client have passed, once: the connection lost in the middle of an
    // upload. What the client sent after that point is not forwarded.
    void cutAfter(const QString &route, qint64 bytes);
    // Whether the cut asked for has happened.
    bool cut() const;
    // Sums over routes whose name contains `part` (empty: all).
    static Counts total(const QHash<QString, Counts> &counts, const QString &part = QString());

    // The route of a request line: "POST /api/v1/push HTTP/1.1" -> "POST /push";
    // photo hashes are dropped ("PUT /photos/<sha>" -> "PUT /photos").
    static QString routeOf(const QByteArray &requestLine);

private:
    struct Pipe;
    void accept();
    static void quickAck(QTcpSocket *socket);
    void fromClient(Pipe *p);
    void charge(const QString &route, qint64 up, qint64 down, bool newRequest);
    // Counts `up` bytes of `route` towards an asked-for cut; true when the connection must go.
    bool cutNow(const QString &route, qint64 up);

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_target = 0;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    QHash<QString, Counts> m_counts;
    QString m_cutRoute; // empty: no cut asked for
    qint64 m_cutLeft = 0;
    bool m_cutDone = false;
};
