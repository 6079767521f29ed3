#pragma once

#include <QString>
#include <QStringList>

// CPU time spent by a process's threads, read from /proc (Linux): user plus system time, in
// milliseconds, at the kernel's clock-tick resolution (10 ms here). For the benchmark's figures of
// where a phase's time goes (the device's threads, the registry), not for timing anything short.
class ProcessCpu
{
public:
    // The CPU time so far of process `pid`'s threads, but those named in `except` (a thread's
    // name as /proc/PID/task/TID/comm gives it). -1 when the process cannot be read.
    static double ms(qint64 pid, const QStringList &except = {});
};
