#pragma once

#include "benchstats.h"
#include "coreerror.h"

#include <QProcessEnvironment>
#include <QStringList>

// Times a program from its start (QProcess::start) to the moment a marker appears on its output
// (stdout and stderr merged), e.g. Qt's own "Frame rendered" line of the render loop (logging
// rule qt.scenegraph.time.renderloop=true), printed when the first frame has been swapped. The
// program is then stopped; runs that fail are reported, never silently dropped.
class StartupProbe
{
public:
    StartupProbe(QString program, QStringList arguments, QByteArray marker);

    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Kill the program as soon as the marker was seen (for programs that do not exit by
    // themselves).
    void setKillAfterMarker(bool kill) { m_killAfterMarker = kill; }

    // One timed start; `ms` is the time to the marker.
    CoreError runOnce(double *ms);

private:
    QString m_program;
    QStringList m_arguments;
    QByteArray m_marker;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    int m_timeoutMs = 60000;
    bool m_killAfterMarker = false;
};
