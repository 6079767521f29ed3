#include "registryprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

RegistryProcess::RegistryProcess(QString program, QString dataDir, QString databaseUrl)
    : m_program(std::move(program)), m_dataDir(std::move(dataDir)),
      m_databaseUrl(std::move(databaseUrl))
{
}

RegistryProcess::~RegistryProcess()
{
    stop();
}

QString RegistryProcess::defaultProgram()
{
    return QDir(QCoreApplication::applicationDirPath())
        .filePath(QStringLiteral("../sync/ccn-registry"));
}

CoreError RegistryProcess::start(quint16 *port)
{
    QDir().mkpath(m_dataDir);
    QStringList args = {
        QStringLiteral("serve"),     QStringLiteral("--data-dir"), m_dataDir,
        QStringLiteral("--port"),    QStringLiteral("0"),          QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--demo"),     QStringLiteral("--fast-hash")};
    if (!m_databaseUrl.isEmpty())
        args << QStringLiteral("--database") << m_databaseUrl;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(m_dataDir + QStringLiteral("/registry.stderr"));
    m_process.start(m_program, args);
    if (!m_process.waitForStarted(20000))
        return {CoreError::Code::Io, QStringLiteral("ccn-registry (%1) did not start: %2")
                                         .arg(m_program, m_process.errorString())};
    static const QRegularExpression listening(
        QStringLiteral("Listening on http://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 120000) {
        if (!m_process.waitForReadyRead(1000) && m_process.state() != QProcess::Running)
            break;
        out += m_process.readAllStandardOutput();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            *port = quint16(m.captured(1).toUInt());
            return {};
        }
    }
    return {CoreError::Code::Io,
            QStringLiteral("ccn-registry did not say where it listens: %1 (stderr in %2)")
                .arg(QString::fromUtf8(out.right(1000)),
                     m_dataDir + QStringLiteral("/registry.stderr"))};
}

void RegistryProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

CoreError RegistryProcess::latestSeq(qint64 *seq) const
{
    if (!m_databaseUrl.isEmpty())
        return {CoreError::Code::InvalidInput,
                QStringLiteral("latestSeq: only a SQLite registry's file can be read")};
    const QString name = QStringLiteral("registry-reader-%1").arg(quintptr(this));
    CoreError e;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(m_dataDir).filePath(QStringLiteral("registry.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (!db.open() || !q.exec(QStringLiteral("SELECT seq FROM registry_counter")) || !q.next())
            e = {CoreError::Code::Io, QStringLiteral("latestSeq: %1 %2")
                                          .arg(db.lastError().text(), q.lastError().text())};
        else
            *seq = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return e;
}
