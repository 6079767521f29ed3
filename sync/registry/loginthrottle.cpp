#include "loginthrottle.h"

#include <QDateTime>

LoginThrottle::LoginThrottle() : m_clock([] { return QDateTime::currentMSecsSinceEpoch(); }) {}

void LoginThrottle::setPolicy(int freeFailures, qint64 baseSeconds, qint64 maxSeconds)
{
    m_free = freeFailures;
    m_base = baseSeconds;
    m_max = maxSeconds;
}

qint64 LoginThrottle::wait(const Entry &e) const
{
    const qint64 left = e.until - m_clock();
    return left > 0 ? (left + 999) / 1000 : 0;
}

qint64 LoginThrottle::retryAfter(const QString &username, const QString &address) const
{
    const qint64 a = wait(m_byUser.value(username.toLower() + QLatin1Char('|') + address));
    // An address gets more room than a (user, address) pair: several people may share it.
    const Entry byAddr = m_byAddress.value(address);
    const qint64 b = byAddr.failures > m_free * 4 ? wait(byAddr) : 0;
    return qMax(a, b);
}

void LoginThrottle::bump(Entry &e)
{
    ++e.failures;
    if (e.failures >= m_free) {
        const int exp = qMin(e.failures - m_free, 20);
        e.until = m_clock() + qMin(m_base << exp, m_max) * 1000;
    }
}

void LoginThrottle::failed(const QString &username, const QString &address)
{
    bump(m_byUser[username.toLower() + QLatin1Char('|') + address]);
    bump(m_byAddress[address]);
    if (m_byUser.size() > 100000)
        m_byUser.clear(); // bounded memory under a spray of names
}

void LoginThrottle::succeeded(const QString &username, const QString &address)
{
    m_byUser.remove(username.toLower() + QLatin1Char('|') + address);
}
