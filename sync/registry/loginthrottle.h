#pragma once

#include <QHash>
#include <QString>

#include <functional>

// Slows down repeated failed logins per (username, address), per username from any address and
// per address: after `freeFailures` failures of a (username, address) pair the next attempt must
// wait base * 2^(n - freeFailures) seconds (capped); a username or an address gets four times as
// many free failures first (a user may try from several places; several people may share an
// address), so that guesses for one username spread over many addresses slow that username down
// too. An attempt inside a wait is answered 429 with Retry-After, without blocking the event
// loop. A success clears its pair and its username. Counts no failure has added to for a day are
// forgotten. Each table keeps at most 100,000 entries: past it, the forgotten ones go, then
// those that hold no wait and then those that do, the least recently failed first (never the
// whole table: a spray of names must not wipe out the count of a user under attack).
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

    static constexpr qint64 forgetAfterMs = 24 * 60 * 60 * 1000;

private:
    struct Entry {
        int failures = 0;
        qint64 until = 0; // ms
        qint64 last = 0;  // ms: the last failure
    };
    using Table = QHash<QString, Entry>;
    // One more failure of `e`, which waits from its `freeFailures`-th on.
    void bump(Entry &e, int freeFailures);
    qint64 wait(const Entry &e) const;
    // Keeps `table` within the capacity (see the class comment), and the entry `kept` in it.
    void trim(Table &table, const QString &kept) const;
    static QString pairKey(const QString &username, const QString &address);

    Table m_byPair;
    Table m_byUser;
    Table m_byAddress;
    std::function<qint64()> m_clock;
    int m_free = 3;
    qint64 m_base = 1;
    qint64 m_max = 900;
    static constexpr qsizetype capacity = 100000;
};
