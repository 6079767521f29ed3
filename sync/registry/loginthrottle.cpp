#include "loginthrottle.h"

#include <QDateTime>
#include <QList>

#include <algorithm>
#include <utility>

LoginThrottle::LoginThrottle() : m_clock([] { return QDateTime::currentMSecsSinceEpoch(); }) {}

void LoginThrottle::setPolicy(int freeFailures, qint64 baseSeconds, qint64 maxSeconds)
{
    m_free = freeFailures;
    m_base = baseSeconds;
    m_max = maxSeconds;
}

QString LoginThrottle::pairKey(const QString &username, const QString &address)
{
    return username.toLower() + QLatin1Char('|') + address;
}

qint64 LoginThrottle::wait(const Entry &e) const
{
    const qint64 left = e.until - m_clock();
    return left > 0 ? (left + 999) / 1000 : 0;
}

qint64 LoginThrottle::retryAfter(const QString &username, const QString &address) const
{
    const qint64 pair = wait(m_byPair.value(pairKey(username, address)));
    const qint64 user = wait(m_byUser.value(username.toLower()));
    // An address gets more room than a (user, address) pair: several people may share it.
    const Entry byAddr = m_byAddress.value(address);
    const qint64 addr = byAddr.failures > m_free * 4 ? wait(byAddr) : 0;
    return qMax(pair, qMax(user, addr));
}

void LoginThrottle::bump(Entry &e, int freeFailures)
{
    const qint64 now = m_clock();
    if (now - e.last > forgetAfterMs)
        e = Entry();
    ++e.failures;
    e.last = now;
    if (e.failures >= freeFailures) {
        const int exp = qMin(e.failures - freeFailures, 20);
        e.until = now + qMin(m_base << exp, m_max) * 1000;
    }
}

void LoginThrottle::trim(Table &table, const QString &kept) const
{
    if (table.size() <= capacity)
        return;
    const qint64 now = m_clock();
    for (auto it = table.begin(); it != table.end();)
        it = now - it->last > forgetAfterMs && it.key() != kept ? table.erase(it) : std::next(it);
    // Down to nine tenths, so that a table kept full is swept once per tenth of its capacity.
    const qsizetype keep = capacity - capacity / 10;
    if (table.size() <= keep)
        return;
    // Entries that hold no wait go first, then those that do; the least recently failed first.
    const auto order = [now](const Entry &e) { return std::pair(e.until > now, e.last); };
    QList<std::pair<bool, qint64>> orders;
    orders.reserve(table.size());
    for (const Entry &e : std::as_const(table))
        orders << order(e);
    qsizetype drop = table.size() - keep;
    std::nth_element(orders.begin(), orders.begin() + (drop - 1), orders.end());
    const std::pair<bool, qint64> cut = orders.at(drop - 1);
    for (const bool atCut : {false, true})
        for (auto it = table.begin(); drop > 0 && it != table.end();) {
            const std::pair<bool, qint64> o = order(*it);
            if ((atCut ? o == cut : o < cut) && it.key() != kept) {
                it = table.erase(it);
                --drop;
            } else {
                ++it;
            }
        }
}

void LoginThrottle::failed(const QString &username, const QString &address)
{
    const QString pair = pairKey(username, address), user = username.toLower();
    bump(m_byPair[pair], m_free);
    bump(m_byUser[user], m_free * 4);
    bump(m_byAddress[address], m_free);
    trim(m_byPair, pair);
    trim(m_byUser, user);
    trim(m_byAddress, address);
}

void LoginThrottle::succeeded(const QString &username, const QString &address)
{
    m_byPair.remove(pairKey(username, address));
    m_byUser.remove(username.toLower());
}
