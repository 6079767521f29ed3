#pragma once

#include "benchstats.h"
#include "coreerror.h"

#include <QProcessEnvironment>
#include <QStringList>

// Times a program from its start (QProcess::start) to the moment it prints a marker line on
// stdout (its first frame swapped), over several runs. The program is then left to exit (or
// killed after a bound); runs that fail are reported, never silently dropped.
class StartupProbe
{
public:
    StartupProbe(QString program, QStringList arguments, QByteArray marker);

    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // One timed start; `ms` is the time to the marker.
    CoreError runOnce(double *ms);

private:
    QString m_program;
    QStringList m_arguments;
    QByteArray m_marker;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    int m_timeoutMs = 60000;
};
