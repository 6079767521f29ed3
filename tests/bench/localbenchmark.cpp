#include "localbenchmark.h"

#include "benchstats.h"
#include "bundlefactory.h"
#include "database.h"
#include "inspectionmanager.h"
#include "rawbundlewriter.h"
#include "searchindex.h"
#include "startupprobe.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QPair>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

#ifdef CCN_BENCH_HAVE_PHOTO
#include "photomanager.h"
#endif

namespace {
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void progress(const QString &text)
{
    err() << "bench: " << text << '\n';
    err().flush();
}

double r3(double v)
{
    return BenchStats::round3(v);
}
} // namespace

LocalBenchmark::LocalBenchmark(Options options)
    : m_options(std::move(options)), m_dataset(m_options.seed)
{
}

CoreError LocalBenchmark::run(QJsonObject *result)
{
    QTemporaryDir temp(m_options.workDir.isEmpty()
                           ? QDir::tempPath() + QStringLiteral("/ccn-bench-XXXXXX")
                           : m_options.workDir + QStringLiteral("/ccn-bench-XXXXXX"));
    if (!temp.isValid())
        return {CoreError::Code::Io,
                QStringLiteral("cannot create a temporary directory in %1: %2")
                    .arg(m_options.workDir.isEmpty() ? QDir::tempPath() : m_options.workDir,
                         temp.errorString())};
    if (!m_options.startOnlyDatabase.isEmpty()) {
        const QString existing = QFileInfo(m_options.startOnlyDatabase).absoluteFilePath();
        if (!QFileInfo::exists(existing))
            return {CoreError::Code::Io, QStringLiteral("no database at %1").arg(existing)};
        // runStart copies the file into a private data directory beside it for the app.
        QJsonObject out{{QStringLiteral("bench"), QStringLiteral("local")},
                        {QStringLiteral("database"), existing},
                        {QStringLiteral("db_mb"), r3(QFileInfo(existing).size() / 1048576.0)}};
        const CoreError e = runStart(existing, &out);
        if (e.failed())
            out.insert(QStringLiteral("start_error"), e.message());
        *result = out;
        return e;
    }
    const QString path = m_options.keepDatabase.isEmpty()
                             ? temp.filePath(QStringLiteral("national.sqlite"))
                             : QFileInfo(m_options.keepDatabase).absoluteFilePath();
    if (!m_options.keepDatabase.isEmpty() && QFileInfo::exists(path))
        return {CoreError::Code::Io,
                QStringLiteral("%1 exists: remove it or give --start-only").arg(path)};

    NationalDataset::Scale scale;
    scale.clusters = qMax(10, int(scale.clusters * m_options.scale));
    scale.tenants = qMax(50, int(scale.tenants * m_options.scale));
    scale.inspections = qMax(100, int(scale.inspections * m_options.scale));
    progress(QStringLiteral("building the national database in %1").arg(path));
    QElapsedTimer timer;
    timer.start();
    CoreError e = m_dataset.build(path, scale);
    if (e.failed())
        return e;
    const double loadS = timer.elapsed() / 1000.0;
    progress(QStringLiteral("loaded %1 rows in %2 s").arg(m_dataset.rowsLoaded()).arg(loadS));

    QJsonObject out;
    out.insert(QStringLiteral("bench"), QStringLiteral("local"));
    out.insert(
        QStringLiteral("dataset"),
        QJsonObject{{QStringLiteral("clusters"), scale.clusters},
                    {QStringLiteral("tenants"), scale.tenants},
                    {QStringLiteral("inspections"), scale.inspections},
                    {QStringLiteral("answers"), m_dataset.answersLoaded()},
                    {QStringLiteral("template"), m_dataset.templateSource()},
                    {QStringLiteral("template_questions"), int(m_dataset.questions().size())},
                    {QStringLiteral("load_s"), r3(loadS)},
                    {QStringLiteral("db_mb"), r3(QFileInfo(path).size() / 1048576.0)},
                    {QStringLiteral("loaded_as"),
                     QStringLiteral("sqlite3 C API, 5000 rows per transaction, "
                                    "sync_flags.applying = 1 (as a pulled registry page)")},
                    {QStringLiteral("seed"), QString::number(m_options.seed)}});

    // A failed step is reported in the JSON and the others still run.
    const std::pair<const char *, CoreError (LocalBenchmark::*)(const QString &, QJsonObject *)>
        steps[] = {{"save", &LocalBenchmark::runSave},
                   {"search", &LocalBenchmark::runSearch},
                   {"start", &LocalBenchmark::runStart},
                   {"photo", &LocalBenchmark::runPhoto}};
    CoreError first;
    for (const auto &step : steps) {
        e = (this->*step.second)(path, &out);
        if (e.failed()) {
            progress(QStringLiteral("%1 failed: %2").arg(QLatin1String(step.first), e.message()));
            out.insert(QLatin1String(step.first) + QStringLiteral("_error"), e.message());
            if (first.ok())
                first = e;
        }
    }
    *result = out;
    return first;
}

CoreError LocalBenchmark::runSave(const QString &path, QJsonObject *result)
{
    Database db;
    CoreError e = db.open(path);
    if (e.failed())
        return e;
    InspectionManager manager(db.connection());
    RawBundleWriter raw;
    e = raw.open(path);
    if (e.failed())
        return e;
    BundleFactory appBundles(m_dataset, m_options.seed + 1);
    BundleFactory rawBundles(m_dataset, m_options.seed + 2);
    RawBundleWriter::Prepared prepared;
    BenchStats app, reference;
    const int warmup = 20;
    progress(
        QStringLiteral("saving %1 inspections through saveBundle and through sqlite3, interleaved")
            .arg(m_options.saves));
    for (int i = 0; i < warmup + m_options.saves; ++i) {
        const QVariantMap appBundle = appBundles.make();
        e = raw.prepare(rawBundles.make(), &prepared);
        if (e.failed())
            return e;
        // Alternate which goes first, so that neither always follows the other's checkpoint.
        for (int turn = 0; turn < 2; ++turn) {
            const bool appTurn = (turn == 0) == (i % 2 == 0);
            QElapsedTimer t;
            QString id;
            t.start();
            e = appTurn ? manager.saveBundle(appBundle, &id) : raw.write(prepared);
            const double ms = t.nsecsElapsed() / 1e6;
            if (e.failed())
                return e;
            if (i >= warmup)
                (appTurn ? app : reference).add(ms);
            if (appTurn && m_savedInspections.size() < 100)
                m_savedInspections << id;
        }
    }
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT count(*) FROM outbox"));
    q.next();
    const double outboxPerSave = q.value(0).toDouble() / (2.0 * (warmup + m_options.saves));
    result->insert(QStringLiteral("save_p50_ms"), r3(app.median()));
    result->insert(QStringLiteral("save_p99_ms"), r3(app.percentile(99)));
    result->insert(QStringLiteral("save_raw_p50_ms"), r3(reference.median()));
    result->insert(QStringLiteral("save_raw_p99_ms"), r3(reference.percentile(99)));
    result->insert(QStringLiteral("save_vs_raw"), r3(app.median() / reference.median()));
    result->insert(QStringLiteral("save_rows"),
                   QStringLiteral("1 inspection + 25 answers + 3 violations + 5 photos"));
    result->insert(QStringLiteral("save_outbox_rows_per_save"), r3(outboxPerSave));
    result->insert(QStringLiteral("saves"), m_options.saves);
    progress(
        QStringLiteral("save p50 %1 ms, raw p50 %2 ms").arg(app.median()).arg(reference.median()));
    return {};
}

QStringList LocalBenchmark::searchQueries() const
{
    // What people type, one keystroke at a time (with and without diacritics).
    QStringList typed = {QStringLiteral("dong huong"), QStringLiteral("khanh phu"),
                         QStringLiteral("Đồng Văn"),   QStringLiteral("cum cong nghiep tan binh"),
                         QStringLiteral("nguyen van"), QStringLiteral("det may"),
                         QStringLiteral("Hòa Khánh"),  QStringLiteral("cong ty co phan thep"),
                         QStringLiteral("tran thi"),   QStringLiteral("ccn-12"),
                         QStringLiteral("xuan loc"),   QStringLiteral("gom su"),
                         QStringLiteral("phu my 2"),   QStringLiteral("quang ninh")};
    typed.insert(3, m_dataset.tenantTaxCodes().value(123));
    typed.insert(9, m_dataset.tenantTaxCodes().value(4567).left(6));
    QStringList queries;
    while (queries.size() < m_options.queries) {
        for (const QString &t : typed) {
            for (int n = 1; n <= t.size() && queries.size() < m_options.queries; ++n)
                queries << t.left(n);
        }
    }
    return queries;
}

CoreError LocalBenchmark::runSearch(const QString &path, QJsonObject *result)
{
    Database db;
    const CoreError e = db.open(path);
    if (e.failed())
        return e;
    SearchIndex index(db.connection());
    BenchStats stats;
    qint64 hits = 0;
    QList<QPair<double, QString>> timings;
    const QStringList queries = searchQueries();
    progress(QStringLiteral("searching: %1 keystrokes").arg(queries.size()));
    for (const QString &query : queries) {
        QElapsedTimer t;
        t.start();
        const QVariantList found = index.search(query);
        const double ms = t.nsecsElapsed() / 1e6;
        stats.add(ms);
        hits += found.size();
        timings << qMakePair(ms, query);
    }
    std::sort(timings.begin(), timings.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    QJsonArray slowest;
    for (int k = 0; k < qMin(8, int(timings.size())); ++k)
        slowest.append(QJsonArray{timings.at(k).second, r3(timings.at(k).first)});
    const double worst = timings.isEmpty() ? 0 : timings.first().first;
    const QString worstQuery = timings.isEmpty() ? QString() : timings.first().second;
    result->insert(QStringLiteral("search_p50_ms"), r3(stats.median()));
    result->insert(QStringLiteral("search_p99_ms"), r3(stats.percentile(99)));
    result->insert(QStringLiteral("search_max_ms"), r3(worst));
    result->insert(QStringLiteral("search_slowest"), slowest);
    result->insert(QStringLiteral("search_queries"), int(queries.size()));
    result->insert(QStringLiteral("search_hits"), hits);
    progress(QStringLiteral("search p99 %1 ms (slowest \"%2\" %3 ms)")
                 .arg(stats.percentile(99))
                 .arg(worstQuery)
                 .arg(worst));
    return {};
}

CoreError LocalBenchmark::runStart(const QString &path, QJsonObject *result)
{
    const QString dir = QCoreApplication::applicationDirPath();
    const QString emptyProgram = m_options.emptyWindowProgram.isEmpty()
                                     ? dir + QStringLiteral("/ccn-bench-empty-window")
                                     : m_options.emptyWindowProgram;
    QString appProgram = m_options.appProgram;
    if (appProgram.isEmpty())
        appProgram = QDir(dir).filePath(QStringLiteral("../app/ccn-inspect"));
    // Both programs offscreen; the first frame is when Qt's render loop logs "Frame rendered"
    // (after the swap), the same line for both, so neither needs an option of its own.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"),
               QStringLiteral("qt.scenegraph.time.renderloop=true"));
    const QByteArray marker("qt.scenegraph.time.renderloop: Frame rendered");

    // The app opens its user database at <AppDataLocation>/ccn.sqlite: a copy of the national
    // database is put there, under a private XDG_DATA_HOME (AppController::databasePathFor).
    QString skipped;
    QTemporaryDir home(QFileInfo(path).absolutePath() + QStringLiteral("/xdg-XXXXXX"));
    QProcessEnvironment appEnv = env;
    if (!QFileInfo(appProgram).isExecutable()) {
        skipped = QStringLiteral("no ccn-inspect at %1 (give --app)").arg(appProgram);
    } else {
        const QString dataDir = home.filePath(QStringLiteral("data/CCN Inspect/ccn-inspect"));
        QDir().mkpath(dataDir);
        if (!QFile::copy(path, dataDir + QStringLiteral("/ccn.sqlite")))
            return {CoreError::Code::Io, QStringLiteral("cannot copy the database for the app")};
        appEnv.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        appEnv.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        appEnv.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    }
    StartupProbe empty(emptyProgram, {}, marker);
    empty.setEnvironment(env);
    StartupProbe app(appProgram, {}, marker);
    app.setEnvironment(appEnv);
    app.setKillAfterMarker(true);
    BenchStats emptyStats, appStats;
    progress(QStringLiteral("start-up: %1 runs each").arg(m_options.startRuns));
    // One untimed run each first (the first opening of the copied database, cold caches).
    for (int i = -1; i < m_options.startRuns; ++i) {
        double ms = 0;
        CoreError e = empty.runOnce(&ms);
        if (e.failed())
            return e;
        if (i >= 0)
            emptyStats.add(ms);
        if (skipped.isEmpty()) {
            e = app.runOnce(&ms);
            if (e.failed())
                return e;
            if (i >= 0)
                appStats.add(ms);
        }
    }
    result->insert(QStringLiteral("start_empty_ms"), r3(emptyStats.median()));
    if (skipped.isEmpty()) {
        result->insert(QStringLiteral("start_ms"), r3(appStats.median()));
        result->insert(QStringLiteral("start_max_ms"), r3(appStats.max()));
        result->insert(QStringLiteral("start_vs_empty"),
                       r3(appStats.median() / emptyStats.median()));
        result->insert(QStringLiteral("start_program"), QFileInfo(appProgram).canonicalFilePath());
        progress(QStringLiteral("start: app %1 ms, empty window %2 ms")
                     .arg(appStats.median())
                     .arg(emptyStats.median()));
    } else {
        result->insert(QStringLiteral("start_ms"), QJsonValue::Null);
        result->insert(QStringLiteral("start_vs_empty"), QJsonValue::Null);
        result->insert(QStringLiteral("start_skipped"), skipped);
    }
    return {};
}

CoreError LocalBenchmark::runPhoto(const QString &path, QJsonObject *result)
{
    const QString photo = QStringLiteral(CCN_SHARED_DIR "/data/photos/mobile/jolla.jpg");
    BenchStats decode;
    BenchStats ingest;
#ifdef CCN_BENCH_HAVE_PHOTO
    Database db;
    CoreError e = db.open(path);
    if (e.failed())
        return e;
    QTemporaryDir stores(QFileInfo(path).absolutePath() + QStringLiteral("/photos-XXXXXX"));
#else
    Q_UNUSED(path);
#endif
    progress(QStringLiteral("photo: %1 runs").arg(m_options.photoRuns));
    for (int i = 0; i < m_options.photoRuns + 2; ++i) {
        QElapsedTimer t;
        t.start();
        QImageReader reader(photo);
        const QImage image = reader.read();
        const double decodeMs = t.nsecsElapsed() / 1e6;
        if (image.isNull())
            return {CoreError::Code::PhotoUnreadable, reader.errorString()};
        if (i >= 2)
            decode.add(decodeMs);
#ifdef CCN_BENCH_HAVE_PHOTO
        // A fresh store each run (the content is new to it) and another inspection each run (a
        // new link), so every run hashes, reads metadata, makes the thumbnail and writes the row.
        PhotoManager manager(db.connection(), stores.filePath(QString::number(i)));
        e = manager.open();
        if (e.failed())
            return e;
        PhotoIngestResult r;
        t.restart();
        PhotoLink link = PhotoLink::forInspection(m_savedInspections.value(i));
        link.caption = QStringLiteral("Ảnh hiện trường");
        e = manager.ingestFile(photo, link, PhotoRecord::Source::File, {}, &r);
        const double ingestMs = t.nsecsElapsed() / 1e6;
        if (e.failed())
            return e;
        if (i >= 2)
            ingest.add(ingestMs);
#endif
    }
    result->insert(QStringLiteral("photo_decode_ms"), r3(decode.median()));
#ifdef CCN_BENCH_HAVE_PHOTO
    result->insert(QStringLiteral("photo_ingest_ms"), r3(ingest.median()));
    result->insert(QStringLiteral("photo_ingest_vs_decode"), r3(ingest.median() / decode.median()));
#else
    result->insert(QStringLiteral("photo_ingest_vs_decode"), QJsonValue::Null);
    result->insert(QStringLiteral("photo_skipped"),
                   QStringLiteral("app/photo/photomanager.h is not there"));
#endif
    return {};
}
