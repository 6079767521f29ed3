// ccn-bench: `ccn-bench local`, `ccn-bench sync` and `ccn-bench floor`. Progress on stderr; one
// JSON object on the last line of stdout. Benchmarks only: nothing here asserts speed (see
// tests/bench/CMakeLists.txt).
#include "localbenchmark.h"
#include "storagefloorbenchmark.h"
#include "syncbenchmark.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    const QByteArray command = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    // Photos and the start-up probe need QtGui; nothing is shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("CCN Inspect benchmarks: ccn-bench local | sync | floor"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("local, sync or floor"));
    const QCommandLineOption dir(QStringLiteral("dir"),
                                 QStringLiteral("Work directory (default: temp)."),
                                 QStringLiteral("dir"));
    const QCommandLineOption scale(QStringLiteral("scale"),
                                   QStringLiteral("Fraction of the national scale (default 1)."),
                                   QStringLiteral("fraction"), QStringLiteral("1"));
    const QCommandLineOption saves(QStringLiteral("saves"), QStringLiteral("Saves timed (1000)."),
                                   QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption startRuns(QStringLiteral("start-runs"),
                                       QStringLiteral("App start-ups timed (7)."),
                                       QStringLiteral("n"), QStringLiteral("7"));
    const QCommandLineOption appProgram(
        QStringLiteral("app"), QStringLiteral("The ccn-inspect program."), QStringLiteral("path"));
    const QCommandLineOption registry(QStringLiteral("registry"),
                                      QStringLiteral("The ccn-registry program."),
                                      QStringLiteral("path"));
    const QCommandLineOption skipPouch(QStringLiteral("skip-pouchdb"),
                                       QStringLiteral("Do not run the PouchDB peer."));
    const QCommandLineOption skipPostgres(QStringLiteral("skip-postgres"),
                                          QStringLiteral("Do not run the PostgreSQL load phase."));
    const QCommandLineOption devices(QStringLiteral("devices"),
                                     QStringLiteral("Simulated devices in the load phase (200)."),
                                     QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption records(QStringLiteral("records"),
                                     QStringLiteral("Inspections pushed and pulled (10000)."),
                                     QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption serverRecords(
        QStringLiteral("server-records"),
        QStringLiteral("Inspections on the registry for the second incremental push (100000)."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption keepDatabase(
        QStringLiteral("keep-database"),
        QStringLiteral("local: build the national database at this file and keep it."),
        QStringLiteral("file"));
    const QCommandLineOption startOnly(
        QStringLiteral("start-only"),
        QStringLiteral("local: time only the app start-up on this national database (one kept "
                       "by --keep-database; the app runs on a copy)."),
        QStringLiteral("file"));
    parser.addOptions({dir, scale, saves, startRuns, appProgram, registry, skipPouch, skipPostgres,
                       devices, records, serverRecords, keepDatabase, startOnly});
    parser.process(app);

    QJsonObject result;
    CoreError e;
    // The work directory is made when missing (its temporary directory goes inside it).
    if (parser.isSet(dir) && !QDir().mkpath(parser.value(dir))) {
        e = {CoreError::Code::Io,
             QStringLiteral("cannot create the work directory %1").arg(parser.value(dir))};
    } else if (command == "local") {
        LocalBenchmark::Options o;
        o.workDir = parser.value(dir);
        o.scale = parser.value(scale).toDouble();
        o.saves = parser.value(saves).toInt();
        o.startRuns = parser.value(startRuns).toInt();
        o.appProgram = parser.value(appProgram);
        o.keepDatabase = parser.value(keepDatabase);
        o.startOnlyDatabase = parser.value(startOnly);
        e = LocalBenchmark(o).run(&result);
    } else if (command == "sync") {
        SyncBenchmark::Options o;
        o.workDir = parser.value(dir);
        o.registryProgram = parser.value(registry);
        o.runPouchDb = !parser.isSet(skipPouch);
        o.runPostgres = !parser.isSet(skipPostgres);
        o.devices = parser.value(devices).toInt();
        o.records = parser.value(records).toInt();
        o.serverRecords = parser.value(serverRecords).toInt();
        e = SyncBenchmark(o).run(&result);
    } else if (command == "floor") {
        StorageFloorBenchmark::Options o;
        o.workDir = parser.value(dir);
        o.records = parser.value(records).toInt();
        e = StorageFloorBenchmark(o).run(&result);
    } else {
        parser.showHelp(2);
    }
    if (e.failed()) {
        QTextStream(stderr) << "ccn-bench " << command << " failed: " << e.message() << '\n';
        result.insert(QStringLiteral("error"), e.message());
    }
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return e.failed() ? 1 : 0;
}
