#include "postgresdump.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>

QString PostgresDump::program(const char *name)
{
    const QString tool = QString::fromLatin1(name);
    // Debian's wrapper in PATH picks the cluster's version; without it, the newest installed.
    const QString inPath = QStandardPaths::findExecutable(tool);
    if (!inPath.isEmpty())
        return inPath;
    QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(), numeric);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString path = QStringLiteral("/usr/lib/postgresql/%1/bin/%2").arg(*it, tool);
        if (QFileInfo(path).isExecutable())
            return path;
    }
    return {};
}

CoreError PostgresDump::write(const QUrl &database, const QString &outFile)
{
    const QString pgDump = program();
    if (pgDump.isEmpty())
        return {CoreError::Code::Io,
                QObject::tr("Không tìm thấy pg_dump. Hãy cài gói postgresql-client rồi thử lại.")};
    QUrl withoutPassword = database;
    withoutPassword.setPassword(QString());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!database.password().isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), database.password());
    p.setProcessEnvironment(env);
    const QString partial = outFile + QStringLiteral(".partial");
    QFile::remove(partial);
    p.start(pgDump, {QStringLiteral("--format=custom"), QStringLiteral("--no-password"),
                     QStringLiteral("--file=") + partial,
                     QStringLiteral("--dbname=") + withoutPassword.toString(QUrl::FullyEncoded)});
    // No time limit: a big registry takes as long as it takes; pg_dump reports its own errors.
    if (!p.waitForStarted(-1) || !p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit ||
        p.exitCode() != 0) {
        QFile::remove(partial);
        const QString why = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        return {CoreError::Code::Io, QObject::tr("Sao lưu PostgreSQL thất bại (pg_dump): %1")
                                         .arg(why.isEmpty() ? p.errorString() : why.right(2000))};
    }
    // Under its final name only once complete: a file named as the backup is a whole one.
    if (!QFile::rename(partial, outFile)) {
        QFile::remove(partial);
        return {CoreError::Code::Io,
                QObject::tr("Không đặt được tên tệp sao lưu '%1'.").arg(outFile)};
    }
    return {};
}
