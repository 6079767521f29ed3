#include "throwawaypostgres.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace {
QString script()
{
    return QStringLiteral(CCN_SOURCE_DIR "/scripts/pg-throwaway.sh");
}
} // namespace

ThrowawayPostgres::~ThrowawayPostgres()
{
    stop();
}

CoreError ThrowawayPostgres::start()
{
    QProcess p;
    p.start(QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "set -e; source '%1'; pg_throwaway_start >&2; echo \"URL=$CCN_TEST_PG_URL\"; "
                 "echo \"DIR=$PG_DIR\"; echo \"BIN=$PG_BINDIR\"")
                 .arg(script())});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return {CoreError::Code::Io,
                QStringLiteral("cannot start a throw-away PostgreSQL: %1")
                    .arg(QString::fromLocal8Bit(p.readAllStandardError().right(2000)))};
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (line.startsWith("URL="))
            m_url = QString::fromUtf8(line.mid(4));
        else if (line.startsWith("DIR="))
            m_dir = QString::fromUtf8(line.mid(4));
        else if (line.startsWith("BIN="))
            m_binDir = QString::fromUtf8(line.mid(4));
    }
    if (m_url.isEmpty())
        return {CoreError::Code::Io, QStringLiteral("pg_throwaway_start gave no URL")};
    return {};
}

void ThrowawayPostgres::stop()
{
    if (m_dir.isEmpty())
        return;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PG_DIR"), m_dir);
    env.insert(QStringLiteral("PG_BINDIR"), m_binDir);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("bash"),
            {QStringLiteral("-c"), QStringLiteral("source '%1'; pg_throwaway_stop").arg(script())});
    p.waitForFinished(60000);
    m_dir.clear();
}
