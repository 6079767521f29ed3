#pragma once

// A faulty network in front of the registry: an HTTP/1.1-aware TCP proxy on 127.0.0.1. Each
// complete request is given a fate drawn from a seeded QRandomGenerator: forwarded, dropped before
// the registry sees it, forwarded but its reply dropped (the registry processed it), forwarded
// twice (the client gets the second answer), forwarded and replayed again later (a stale copy that
// arrives after newer requests: reordering), held back and delivered only after later requests
// (the client gave up on it already), delayed until a held-back request has overtaken it, cut off
// in the middle of its body, or answered with only half of the reply. The proxy also "crashes" the
// registry on chosen request numbers (onCrash runs right after the request was written upstream,
// before the server could read it). Header-only, no moc: connections are lambdas.
//
// Deterministic by construction: the registry sees one request at a time, in the order the proxy
// queues them (a request, then the held-back ones that became due with it), and no fate depends
// on a wall-clock timer. So the same seed gives the same arrival order, however loaded the machine.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

namespace synctest {

class FaultProxy : public QTcpServer
{
public:
    enum Fate {
        Forward,
        DropRequest,
        DropReply,
        Duplicate,
        ReplayLater,
        DeliverLate,
        Delay,
        CutRequest,
        CutReply,
        FateCount
    };
    static const char *fateName(int f)
    {
        static const char *names[] = {"forward",   "drop_request", "drop_reply",
                                      "duplicate", "replay_later", "deliver_late",
                                      "delay",     "cut_request",  "cut_reply"};
        return names[f];
    }

    explicit FaultProxy(quint32 seed) : m_rng(seed) { listen(QHostAddress::LocalHost, 0); }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    void setUpstreamPort(quint16 port) { m_upstream = port; }
    // Probability (0..1) that a request gets a fault at all; the fault kind is then uniform.
    void setFaultRate(double rate) { m_rate = rate; }
    double faultRate() const { return m_rate; }
    // onCrash runs once, on the first request numbered `number` or later (counted from 1 over
    // everything forwarded) that reaches the registry.
    void setCrashFrom(int number) { m_crashFrom = number; }
    std::function<void()> onCrash;
    // When set and true for a request (its raw bytes), that request is dropped before the
    // registry sees it, whatever the fault rate (a test's chosen request; no draw is made).
    std::function<bool(const QByteArray &request)> dropIf;

    int count(Fate f) const { return m_counts[f]; }
    int crashes() const { return m_crashes; }
    int requests() const { return m_requests; }
    int pendingLate() const { return int(m_late.size()); }
    int inFlight() const { return m_inFlight; }
    // Requests sent again on their own by the client's HTTP stack right after a fault (the same
    // bytes on a new connection). QNetworkAccessManager does that for a request whose connection
    // closes before any reply byte; SyncHttp refuses it, so this stays 0.
    int clientResends() const { return m_resends; }
    // Delivers every held-back / replayed request now (the network heals).
    void flushLate()
    {
        const QList<Late> late = m_late;
        m_late.clear();
        for (const Late &l : late)
            sendBlind(l.raw);
    }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(fd);
        auto state = std::make_shared<ClientState>();
        connect(client, &QTcpSocket::readyRead, this, [this, client, state]() {
            if (!client->isOpen())
                return;
            state->buffer.append(client->readAll());
            next(client, state);
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }

private:
    struct ClientState {
        QByteArray buffer;
        bool busy = false;
    };
    struct Late {
        QByteArray raw;
        int fireAt = 0;
    };

    // Length of the first complete HTTP message in `b` (request or response), or -1.
    // A response without Content-Length or chunking is complete only at close (`closed`).
    static int messageLength(const QByteArray &b, bool response, bool closed)
    {
        const int end = b.indexOf("\r\n\r\n");
        if (end < 0)
            return -1;
        const QByteArray head = b.left(end).toLower();
        int length = -1;
        bool chunked = false;
        for (const QByteArray &line : head.split('\n')) {
            const int colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toInt();
            else if (name == "transfer-encoding" && value.contains("chunked"))
                chunked = true;
        }
        if (chunked) {
            const int last = b.indexOf("\r\n0\r\n\r\n", end);
            return last < 0 ? -1 : last + 7;
        }
        if (length < 0)
            length = response ? (closed ? b.size() - end - 4 : -1) : 0;
        if (length < 0 || b.size() < end + 4 + length)
            return -1;
        return end + 4 + length;
    }

    Fate decide()
    {
        if (m_rate <= 0 || m_rng.generateDouble() >= m_rate)
            return Forward;
        return Fate(1 + m_rng.bounded(int(FateCount) - 1));
    }

    void next(QTcpSocket *client, const std::shared_ptr<ClientState> &state)
    {
        if (state->busy)
            return;
        const int n = messageLength(state->buffer, false, false);
        if (n < 0)
            return;
        const QByteArray raw = state->buffer.left(n);
        state->buffer.remove(0, n);
        state->busy = true;
        if (raw == m_lastFaulted)
            ++m_resends;
        m_lastFaulted.clear();
        const Fate fate = dropIf && dropIf(raw) ? DropRequest : decide();
        ++m_counts[fate];
        if (fate != Forward && fate != Delay && fate != Duplicate && fate != ReplayLater)
            m_lastFaulted = raw;
        QPointer<QTcpSocket> c(client);
        const auto done = [this, c, state]() {
            if (!c)
                return;
            state->busy = false;
            next(c, state);
        };
        switch (fate) {
        case DropRequest:
            client->abort();
            return;
        case DeliverLate:
            m_late.append({raw, m_requests + 1 + int(m_rng.bounded(12))});
            client->abort();
            return;
        case CutRequest: {
            const int end = raw.indexOf("\r\n\r\n") + 4;
            const int keep = end + (raw.size() - end) / 2;
            auto *up = new QTcpSocket(this);
            const QByteArray part = raw.left(keep);
            // Half the request, then the connection is reset once those bytes are out (no timer:
            // the registry never sees a complete request, whatever the timing).
            const qint64 size = part.size();
            auto written = std::make_shared<qint64>(0);
            connect(up, &QTcpSocket::bytesWritten, up, [up, size, written](qint64 n) {
                *written += n;
                if (*written >= size) {
                    up->abort();
                    up->deleteLater();
                }
            });
            connect(up, &QTcpSocket::connected, up, [up, part]() {
                up->write(part);
                up->flush();
            });
            connect(up, &QTcpSocket::errorOccurred, up, [up]() { up->deleteLater(); });
            up->connectToHost(QHostAddress::LocalHost, m_upstream);
            client->abort();
            return;
        }
        case Delay:
            // Overtaken: the oldest held-back request (if any) reaches the registry first.
            if (!m_late.isEmpty())
                sendBlind(m_late.takeFirst().raw);
            break;
        default:
            break;
        }
        if (fate == ReplayLater)
            m_late.append({raw, m_requests + 2 + int(m_rng.bounded(15))});
        const int cut = int(m_rng.bounded(1000));
        forward(raw, [this, c, raw, fate, done, cut](bool ok, const QByteArray &reply) {
            if (!c)
                return;
            if (!ok)
                return c->abort();
            switch (fate) {
            case DropReply:
                c->abort();
                return;
            case CutReply:
                c->write(reply.left(qMax(1, reply.size() * cut / 1000)));
                c->flush();
                c->abort();
                return;
            case Duplicate:
                forward(raw, [c, done](bool ok2, const QByteArray &second) {
                    if (!c)
                        return;
                    if (!ok2)
                        return c->abort();
                    c->write(second);
                    done();
                });
                return;
            default:
                c->write(reply);
                done();
            }
        });
    }

    // Queues `raw` for the registry; `then(ok, reply)` with the whole reply. Requests go upstream
    // one at a time, each on a new connection, in queue order.
    void forward(const QByteArray &raw, std::function<void(bool, const QByteArray &)> then)
    {
        ++m_inFlight;
        m_queue.append({raw, std::move(then)});
        pump();
    }

    void pump()
    {
        if (m_upstreamBusy || m_queue.isEmpty())
            return;
        m_upstreamBusy = true;
        Queued item = m_queue.takeFirst();
        const QByteArray raw = item.raw;
        const auto then = std::move(item.then);
        const int number = ++m_requests;
        fireLate(); // held-back requests due now go right after this one
        auto *up = new QTcpSocket(this);
        auto buffer = std::make_shared<QByteArray>();
        auto finished = std::make_shared<bool>(false);
        const auto finish = [this, up, buffer, finished, then](bool ok) {
            if (*finished)
                return;
            *finished = true;
            --m_inFlight;
            up->abort();
            up->deleteLater();
            m_upstreamBusy = false;
            then(ok, *buffer);
            pump();
        };
        connect(up, &QTcpSocket::connected, up, [this, up, raw, number, finish]() {
            up->write(raw);
            up->flush();
            if (m_crashFrom > 0 && number >= m_crashFrom && onCrash) {
                m_crashFrom = 0;
                ++m_crashes;
                onCrash(); // the registry dies before it could read the request
                finish(false);
            }
        });
        connect(up, &QTcpSocket::readyRead, up, [up, buffer, finish]() {
            if (!up->isOpen())
                return;
            buffer->append(up->readAll());
            const int n = messageLength(*buffer, true, false);
            if (n >= 0) {
                buffer->truncate(n);
                finish(true);
            }
        });
        connect(up, &QTcpSocket::disconnected, up, [up, buffer, finish]() {
            if (up->isOpen())
                buffer->append(up->readAll());
            const int n = messageLength(*buffer, true, true);
            if (n >= 0)
                buffer->truncate(n);
            finish(n >= 0);
        });
        connect(up, &QTcpSocket::errorOccurred, up, [finish](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                finish(false);
        });
        up->connectToHost(QHostAddress::LocalHost, m_upstream);
    }

    // A request whose reply nobody reads (replays and late deliveries).
    void sendBlind(const QByteArray &raw)
    {
        forward(raw, [](bool, const QByteArray &) {});
    }

    void fireLate()
    {
        QList<Late> due;
        for (int i = 0; i < m_late.size();) {
            if (m_late.at(i).fireAt <= m_requests) {
                due << m_late.takeAt(i);
            } else {
                ++i;
            }
        }
        for (const Late &l : due)
            sendBlind(l.raw);
    }

    struct Queued {
        QByteArray raw;
        std::function<void(bool, const QByteArray &)> then;
    };

    QRandomGenerator m_rng;
    QList<Queued> m_queue;
    bool m_upstreamBusy = false;
    QByteArray m_lastFaulted;
    int m_resends = 0;
    quint16 m_upstream = 0;
    double m_rate = 0;
    int m_counts[FateCount] = {};
    int m_requests = 0;
    int m_crashes = 0;
    int m_crashFrom = 0;
    int m_inFlight = 0;
    QList<Late> m_late;
};

} // namespace synctest
