#include "syncdevice.h"

#include "demodataloader.h"
#include "syncclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSet>
#include <QTimer>

SyncDevice::SyncDevice(QString dir) : m_dir(std::move(dir)) {}

SyncDevice::~SyncDevice()
{
    m_client.reset();
}

CoreError SyncDevice::open()
{
    QDir().mkpath(dataRoot());
    CoreError e = m_db.open(m_dir + QStringLiteral("/device.sqlite"));
    if (e.ok())
        e = DemoDataLoader(m_db.connection()).loadDefaults();
    if (e.failed())
        return e;
    m_client = std::make_unique<SyncClient>(m_db.connection(), dataRoot());
    m_client->setAutoSync(false);
    m_client->setTimeoutMs(120000);
    return {};
}

CoreError SyncDevice::login(const QUrl &server, const QString &user, const QString &password)
{
    m_client->setServerUrl(server);
    QEventLoop loop;
    bool ok = false;
    QString message = QStringLiteral("timed out");
    QObject::connect(m_client.get(), &SyncClient::loginFinished, &loop,
                     [&](bool good, const QString &m) {
                         ok = good;
                         message = m;
                         loop.quit();
                     });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    m_client->login(user, password);
    loop.exec();
    if (!ok)
        return {CoreError::Code::Io, QStringLiteral("login failed: %1").arg(message)};
    return {};
}

CoreError SyncDevice::round(double *ms, int timeoutMs, double *longestStallMs)
{
    QTimer ticks;
    QElapsedTimer sinceTick;
    qint64 longestNs = 0;
    if (longestStallMs) {
        ticks.setTimerType(Qt::PreciseTimer);
        ticks.setInterval(4);
        QObject::connect(&ticks, &QTimer::timeout, [&] {
            longestNs = qMax(longestNs, sinceTick.nsecsElapsed());
            sinceTick.start();
        });
        sinceTick.start();
        ticks.start();
    }
    QEventLoop loop;
    bool finished = false, ok = false;
    QString message = QStringLiteral("timed out");
    QObject::connect(m_client.get(), &SyncClient::roundFinished, &loop,
                     [&](bool good, const QString &m) {
                         finished = true;
                         ok = good;
                         message = m;
                         loop.quit();
                     });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    if (!m_client->sync())
        return {CoreError::Code::Io,
                QStringLiteral("no sync round started: %1").arg(m_client->lastError())};
    if (!finished)
        loop.exec();
    *ms = t.nsecsElapsed() / 1e6;
    if (longestStallMs)
        *longestStallMs = qMax(longestNs, sinceTick.nsecsElapsed()) / 1e6;
    if (!finished) {
        m_client->cancel();
        return {CoreError::Code::Io, QStringLiteral("sync round timed out")};
    }
    if (!ok)
        return {CoreError::Code::Io, QStringLiteral("sync round failed: %1").arg(message)};
    return {};
}

CoreError SyncDevice::waitSearchable(double *ms, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    if (m_client->searchBacklog() > 0) {
        QEventLoop loop;
        QObject::connect(m_client.get(), &SyncClient::searchBacklogChanged, &loop, [&] {
            if (m_client->searchBacklog() == 0)
                loop.quit();
        });
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    *ms = t.nsecsElapsed() / 1e6;
    if (m_client->searchBacklog() > 0)
        return {CoreError::Code::Io,
                QStringLiteral("%1 pulled rows still not searchable after %2 ms")
                    .arg(m_client->searchBacklog())
                    .arg(timeoutMs)};
    return {};
}

CoreError SyncDevice::fetchOriginals(const QStringList &shas, double *ms, int timeoutMs)
{
    QEventLoop loop;
    QSet<QString> waiting(shas.begin(), shas.end());
    QString failure;
    auto check = [&] {
        if (waiting.isEmpty() || !failure.isEmpty())
            loop.quit();
    };
    QObject::connect(m_client.get(), &SyncClient::originalReady, &loop,
                     [&](const QString &sha, const QString &) {
                         waiting.remove(sha);
                         check();
                     });
    QObject::connect(m_client.get(), &SyncClient::originalFailed, &loop,
                     [&](const QString &sha, const QString &m) {
                         failure = sha + QStringLiteral(": ") + m;
                         check();
                     });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    for (const QString &sha : shas)
        m_client->fetchOriginal(sha);
    if (!waiting.isEmpty())
        loop.exec();
    *ms = t.nsecsElapsed() / 1e6;
    if (!failure.isEmpty())
        return {CoreError::Code::Io, QStringLiteral("photo download failed: %1").arg(failure)};
    if (!waiting.isEmpty())
        return {CoreError::Code::Io,
                QStringLiteral("%1 photo downloads timed out").arg(waiting.size())};
    return {};
}
