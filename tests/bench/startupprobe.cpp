#include "startupprobe.h"

#include <QElapsedTimer>
#include <QProcess>

StartupProbe::StartupProbe(QString program, QStringList arguments, QByteArray marker)
    : m_program(std::move(program)), m_arguments(std::move(arguments)), m_marker(std::move(marker))
{
}

CoreError StartupProbe::runOnce(double *ms)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    p.start(m_program, m_arguments);
    if (!p.waitForStarted(m_timeoutMs))
        return {CoreError::Code::Io,
                QStringLiteral("%1 did not start: %2").arg(m_program, p.errorString())};
    QByteArray out;
    bool seen = false;
    while (!seen && timer.elapsed() < m_timeoutMs) {
        if (!p.waitForReadyRead(int(m_timeoutMs - timer.elapsed())) &&
            p.state() != QProcess::Running)
            break;
        out += p.readAll();
        seen = out.contains(m_marker);
    }
    const double elapsed = timer.nsecsElapsed() / 1e6;
    // The marker is all we wait for: the program is stopped now (an app does not exit by itself).
    if (!p.waitForFinished(m_killAfterMarker ? 0 : 10000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    if (!seen)
        return {CoreError::Code::Io,
                QStringLiteral("%1 never printed %2 (exit %3): %4")
                    .arg(m_program, QString::fromLatin1(m_marker))
                    .arg(p.exitCode())
                    .arg(QString::fromLocal8Bit((out + p.readAll()).right(2000)))};
    *ms = elapsed;
    return {};
}
