#pragma once

#include "coreerror.h"

#include <QProcess>
#include <QString>

// The real ccn-registry, started for the benchmark: `serve --demo --fast-hash --port 0` on
// 127.0.0.1 with its own data directory, SQLite by default or PostgreSQL with a database URL.
// --demo seeds the demo records and accounts (loopback only), the same rows the devices load
// with DemoDataLoader, so pushed inspections refer to clusters the registry knows.
class RegistryProcess
{
public:
    RegistryProcess(QString program, QString dataDir, QString databaseUrl = QString());
    ~RegistryProcess();

    CoreError start(quint16 *port);
    void stop();
    // The registry's latest sequence, read from its SQLite file (a second reader beside the
    // running server); not for a PostgreSQL registry.
    CoreError latestSeq(qint64 *seq) const;
    // The running registry's process id (0 when it is not running).
    qint64 pid() const { return m_process.processId(); }
    static QString defaultProgram();
    static QString demoUser() { return QStringLiteral("admin.demo"); }
    static QString demoPassword() { return QStringLiteral("demo-password"); }

private:
    QString m_program, m_dataDir, m_databaseUrl;
    QProcess m_process;
};
