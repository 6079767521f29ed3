// LoginThrottle on its own clock: failed logins slow down their (username, address) pair, their
// username from any address and their address; counts are forgotten after a day without
// failures; a full table drops idle entries, never the count of a user under attack.
#include "loginthrottle.h"

#include <QTest>

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1000000;
    LoginThrottle m_throttle;

private slots:
    void init()
    {
        m_throttle = LoginThrottle();
        m_now = 1000000;
        m_throttle.setClock([this] { return m_now; });
        m_throttle.setPolicy(3, 60, 900);
    }

    void aPairWaitsAfterItsFreeFailures()
    {
        for (int i = 0; i < 2; ++i)
            m_throttle.failed("sup2", "10.0.0.1");
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.1"), 0);
        m_throttle.failed("sup2", "10.0.0.1");
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.1"), 60);
        QCOMPARE(m_throttle.retryAfter("SUP2", "10.0.0.1"), 60); // usernames in any case
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.2"), 0);  // three are not a spray
        QCOMPARE(m_throttle.retryAfter("sup1", "10.0.0.1"), 0);
    }

    void aUsernameTriedFromManyAddressesWaits()
    {
        // Two guesses from each address, under the pair's limit: the username's own count
        // stops them at its twelfth failure, wherever the next attempt comes from.
        for (int a = 0; a < 6; ++a)
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(m_throttle.retryAfter("sup2", QStringLiteral("10.0.0.%1").arg(a)), 0);
                m_throttle.failed("sup2", QStringLiteral("10.0.0.%1").arg(a));
                m_now += 10;
            }
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.99"), 60);
        QCOMPARE(m_throttle.retryAfter("sup1", "10.0.0.99"), 0); // other users are not held up
        // The wait doubles as the guesses go on.
        m_now += 61 * 1000;
        m_throttle.failed("sup2", "10.0.1.1");
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.1.2"), 120);
        // The review's case: three guesses from each of twenty addresses.
        for (int a = 0; a < 20; ++a)
            for (int i = 0; i < 3; ++i)
                m_throttle.failed("admin", QStringLiteral("10.1.0.%1").arg(a));
        QVERIFY(m_throttle.retryAfter("admin", "10.1.0.99") > 0);
    }

    void aSuccessClearsItsUsername()
    {
        for (int a = 0; a < 11; ++a)
            m_throttle.failed("sup2", QStringLiteral("10.0.0.%1").arg(a));
        m_throttle.succeeded("sup2", "10.0.0.50");
        m_throttle.failed("sup2", "10.0.0.51");
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.52"), 0);
    }

    void aDayWithoutFailuresForgetsThem()
    {
        for (int i = 0; i < 3; ++i)
            m_throttle.failed("sup2", "10.0.0.1");
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.1"), 60);
        const qint64 day = 24 * 60 * 60 * 1000; // LoginThrottle::forgetAfterMs
        m_now += day - 1000;
        m_throttle.failed("sup2", "10.0.0.1"); // within the day: counted on
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.1"), 120);
        m_now += day + 1;
        m_throttle.failed("sup2", "10.0.0.1"); // a day later: the first of a new count
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.1"), 0);
    }

    void aFullTableKeepsTheCountOfAUserUnderAttack()
    {
        // The user under attack waits, at one address and at every other one; then a spray of
        // one guess for each of more names than the table holds, from as many addresses.
        for (int i = 0; i < 5; ++i)
            m_throttle.failed("sup2", "10.0.0.1");
        for (int a = 0; a < 7; ++a)
            m_throttle.failed("sup2", QStringLiteral("10.0.1.%1").arg(a));
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.1"), 240);
        for (int n = 0; n < 100001; ++n)
            m_throttle.failed(
                QStringLiteral("name%1").arg(n),
                QStringLiteral("10.%1.%2.%3").arg(n >> 16).arg((n >> 8) & 255).arg(n & 255));
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.0.1"), 240);
        QCOMPARE(m_throttle.retryAfter("sup2", "10.0.9.9"), 60);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
