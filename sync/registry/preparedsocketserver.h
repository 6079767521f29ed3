#pragma once

#include <QAbstractSocket>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

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
