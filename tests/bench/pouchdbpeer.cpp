#include "pouchdbpeer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>

namespace {
CoreError runTool(const QString &dir, const QString &program, const QStringList &args,
                  int timeoutMs, QByteArray *out)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardErrorFile(dir + QStringLiteral("/%1.stderr").arg(program));
    p.start(program, args);
    if (!p.waitForStarted(20000))
        return {CoreError::Code::Io,
                QStringLiteral("%1 did not start: %2").arg(program, p.errorString())};
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return {CoreError::Code::Io,
                QStringLiteral("%1 %2 timed out").arg(program, args.join(QLatin1Char(' ')))};
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {CoreError::Code::Io, QStringLiteral("%1 %2 failed (exit %3), see %4/%1.stderr")
                                         .arg(program, args.join(QLatin1Char(' ')))
                                         .arg(p.exitCode())
                                         .arg(dir)};
    return {};
}
} // namespace

CoreError PouchDbPeer::run(const Options &options, QJsonObject *result)
{
    const QString source = QStringLiteral(CCN_SHARED_DIR "/peers/pouchdb");
    const QString dir = options.workDir + QStringLiteral("/pouchdb-peer");
    QDir().mkpath(dir);
    for (const QString &f : QDir(source).entryList(QDir::Files))
        if (!QFile::exists(dir + QLatin1Char('/') + f) &&
            !QFile::copy(source + QLatin1Char('/') + f, dir + QLatin1Char('/') + f))
            return {CoreError::Code::Io, QStringLiteral("cannot copy %1").arg(f)};
    QTextStream err(stderr);
    if (!QDir(dir + QStringLiteral("/node_modules/pouchdb")).exists()) {
        err << "bench: npm ci in " << dir << '\n';
        err.flush();
        const CoreError e = runTool(
            dir, QStringLiteral("npm"),
            {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")},
            900000, nullptr);
        if (e.failed())
            return e;
    }
    err << "bench: running the PouchDB peer (node bench.js)\n";
    err.flush();
    QByteArray out;
    const CoreError e = runTool(dir, QStringLiteral("node"),
                                {QStringLiteral("bench.js"), QStringLiteral("--n"),
                                 QString::number(options.records), QStringLiteral("--m"),
                                 QString::number(options.photos), QStringLiteral("--att-bytes"),
                                 QString::number(options.photoBytes), QStringLiteral("--no-gzip")},
                                1900000, &out);
    if (e.failed())
        return e;
    const QList<QByteArray> lines = out.trimmed().split('\n');
    const QJsonDocument doc =
        QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last());
    if (!doc.isObject())
        return {CoreError::Code::Io, QStringLiteral("bench.js printed no JSON object")};
    *result = doc.object();
    return {};
}
