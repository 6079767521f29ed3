#pragma once

#include <QHash>
#include <QString>

#include <functional>

// Slows down repeated failed logins per (username, address) and per address: after `freeFailures`
// failures the next attempt must wait base * 2^(n - freeFailures) seconds (capped); an attempt
// inside the wait is answered 429 with Retry-After, without blocking the event loop.
class LoginThrottle
{
public:
    LoginThrottle();
    // Seconds the caller must still wait (0: may try now).
    qint64 retryAfter(const QString &username, const QString &address) const;
    void failed(const QString &username, const QString &address);
    void succeeded(const QString &username, const QString &address);

    void setClock(std::function<qint64()> msClock) { m_clock = std::move(msClock); }
    void setPolicy(int freeFailures, qint64 baseSeconds, qint64 maxSeconds);

private:
    struct Entry {
        int failures = 0;
        qint64 until = 0; // ms
    };
    void bump(Entry &e);
    qint64 wait(const Entry &e) const;
    QHash<QString, Entry> m_byUser;
    QHash<QString, Entry> m_byAddress;
    std::function<qint64()> m_clock;
    int m_free = 3;
    qint64 m_base = 1;
    qint64 m_max = 900;
};
