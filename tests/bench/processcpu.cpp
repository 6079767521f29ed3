#include "processcpu.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

double ProcessCpu::ms(qint64 pid, const QStringList &except)
{
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    const QStringList tids = QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (pid <= 0 || tids.isEmpty())
        return -1;
    const double msPerTick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    qint64 ticks = 0;
    for (const QString &tid : tids) {
        const QString dir = taskDir + QLatin1Char('/') + tid;
        if (except.contains(QString::fromUtf8(readAll(dir + QStringLiteral("/comm")).trimmed())))
            continue;
        // After the name, which ends at the last ')': state, then utime and stime are the 12th
        // and 13th fields (proc(5): fields 14 and 15 of the whole line).
        const QByteArray stat = readAll(dir + QStringLiteral("/stat"));
        const int close = stat.lastIndexOf(')');
        if (close < 0)
            continue; // the thread ended between the listing and the read
        const QList<QByteArray> f = stat.mid(close + 2).split(' ');
        if (f.size() > 12)
            ticks += f.at(11).toLongLong() + f.at(12).toLongLong();
    }
    return double(ticks) * msPerTick;
}
