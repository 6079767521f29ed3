#include "syncbenchmark.h"

#include "benchstats.h"
#include "checklistmanager.h"
#include "contenthash.h"
#include "countingproxy.h"
#include "demodataloader.h"
#include "inspectiondocfactory.h"
#include "loadsimulator.h"
#include "photostore.h"
#include "pouchdbpeer.h"
#include "processcpu.h"
#include "recordwriter.h"
#include "registryprocess.h"
#include "syncclient.h"
#include "syncdevice.h"
#include "syncmanager.h"
#include "throwawaypostgres.h"
#include "transaction.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace {
void progress(const QString &text)
{
    QTextStream err(stderr);
    err << "bench: " << text << '\n';
}

double r3(double v)
{
    return BenchStats::round3(v);
}

// A JPEG of exactly `bytes` bytes (noise, padded after its end marker), different for each seed.
QByteArray photoBytes(int bytes, quint32 seed)
{
    QRandomGenerator rng(seed);
    QImage img(360, 270, QImage::Format_RGB32);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            img.setPixel(x, y, rng.generate() | 0xff000000u);
    for (int quality = 90; quality >= 10; quality -= 10) {
        QByteArray jpeg;
        QBuffer buf(&jpeg);
        buf.open(QIODevice::WriteOnly);
        img.save(&buf, "JPEG", quality);
        if (jpeg.size() <= bytes) {
            while (jpeg.size() < bytes)
                jpeg.append(char(rng.generate() & 0xff));
            return jpeg;
        }
    }
    return {};
}

QJsonObject phase(double ms, const CountingProxy::Counts &c)
{
    return {{QStringLiteral("ms"), r3(ms)},
            {QStringLiteral("bytes_up"), c.up},
            {QStringLiteral("bytes_down"), c.down},
            {QStringLiteral("requests"), c.requests}};
}

QStringList templateQuestions(QSqlDatabase db, QString *templateId)
{
    ChecklistManager checklists(db);
    *templateId = checklists.newestTemplateId(DemoDataLoader::defaultTemplateCode());
    QStringList out;
    for (const QVariant &v : checklists.questions(*templateId))
        if (v.toMap().value(QStringLiteral("kind")).toString() != QLatin1String("photo"))
            out << v.toMap().value(QStringLiteral("id")).toString();
    return out;
}

QStringList clusterIds(QSqlDatabase db)
{
    QStringList out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT id FROM clusters ORDER BY id"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

// The time from `startNs` to the first pull request: the push part of a round.
double pushMs(const QHash<QString, CountingProxy::Counts> &counts, qint64 startNs, double roundMs)
{
    const auto it = counts.constFind(QStringLiteral("GET /pull"));
    if (it == counts.constEnd() || it->firstSeenNs < 0)
        return roundMs;
    return (it->firstSeenNs - startNs) / 1e6;
}
} // namespace

SyncBenchmark::SyncBenchmark(Options options) : m_options(std::move(options))
{
    if (m_options.registryProgram.isEmpty())
        m_options.registryProgram = RegistryProcess::defaultProgram();
}

CoreError SyncBenchmark::run(QJsonObject *result)
{
    QTemporaryDir temp(m_options.workDir.isEmpty()
                           ? QDir::tempPath() + QStringLiteral("/ccn-bench-sync-XXXXXX")
                           : m_options.workDir + QStringLiteral("/ccn-bench-sync-XXXXXX"));
    if (!temp.isValid())
        return {CoreError::Code::Io,
                QStringLiteral("cannot create a temporary directory in %1: %2")
                    .arg(m_options.workDir.isEmpty() ? QDir::tempPath() : m_options.workDir,
                         temp.errorString())};
    QJsonObject out;
    out.insert(QStringLiteral("bench"), QStringLiteral("sync"));
    out.insert(QStringLiteral("config"),
               QJsonObject{{QStringLiteral("records"), m_options.records},
                           {QStringLiteral("server_records"), m_options.serverRecords},
                           {QStringLiteral("photos"), m_options.photos},
                           {QStringLiteral("photo_bytes"), m_options.photoBytes},
                           {QStringLiteral("resume_photo_bytes"), m_options.resumePhotoBytes},
                           {QStringLiteral("changed"), m_options.changed},
                           {QStringLiteral("devices"), m_options.devices}});
    if (!QFileInfo(m_options.registryProgram).isExecutable())
        return {CoreError::Code::NotFound,
                QStringLiteral("no ccn-registry at %1").arg(m_options.registryProgram)};

    QJsonObject peer;
    if (m_options.runPouchDb) {
        PouchDbPeer::Options po;
        po.workDir = temp.path();
        po.records = m_options.records;
        po.photos = m_options.photos;
        po.photoBytes = m_options.photoBytes;
        const CoreError e = PouchDbPeer().run(po, &peer);
        if (e.failed())
            out.insert(QStringLiteral("pouchdb_error"), e.message());
        else
            out.insert(QStringLiteral("pouchdb"), peer);
    }

    CoreError e = runRecords(temp.path(), &out);
    if (e.failed()) {
        *result = out;
        return e;
    }

    // Against the peer.
    const QJsonObject ph = peer.value(QStringLiteral("phases")).toObject();
    if (!ph.isEmpty()) {
        auto p = [&](const char *k) { return ph.value(QLatin1String(k)).toObject(); };
        auto bytes = [](const QJsonObject &o) {
            return o.value(QStringLiteral("bytes_up")).toDouble() +
                   o.value(QStringLiteral("bytes_down")).toDouble();
        };
        const QJsonObject ours = out.value(QStringLiteral("phases")).toObject();
        auto q = [&](const char *k) { return ours.value(QLatin1String(k)).toObject(); };
        out.insert(QStringLiteral("push_speedup_vs_pouchdb"),
                   r3(p("a_push_initial").value(QStringLiteral("ms")).toDouble() /
                      q("push_initial").value(QStringLiteral("ms")).toDouble()));
        out.insert(QStringLiteral("pull_speedup_vs_pouchdb"),
                   r3(p("d_pull_fresh").value(QStringLiteral("ms")).toDouble() /
                      q("pull_fresh").value(QStringLiteral("ms")).toDouble()));
        out.insert(QStringLiteral("incremental_speedup_vs_pouchdb"),
                   r3(p("c_push_incremental").value(QStringLiteral("ms")).toDouble() /
                      q("push_incremental").value(QStringLiteral("ms")).toDouble()));
        const double theirs =
            bytes(p("a_push_initial")) + bytes(p("c_push_incremental")) + bytes(p("d_pull_fresh"));
        const double mine =
            bytes(q("push_initial")) + bytes(q("push_incremental")) + bytes(q("pull_fresh"));
        out.insert(QStringLiteral("wire_bytes_vs_pouchdb"), r3(mine / theirs));
        out.insert(QStringLiteral("photo_push_speedup_vs_pouchdb"),
                   r3(p("b_push_attachments").value(QStringLiteral("ms")).toDouble() /
                      q("photo_push").value(QStringLiteral("ms")).toDouble()));
    }

    e = runLoad(temp.path() + QStringLiteral("/load-sqlite"), QString(),
                QStringLiteral("load_sqlite"), &out);
    if (e.failed())
        out.insert(QStringLiteral("load_sqlite_error"), e.message());
    if (m_options.runPostgres) {
        ThrowawayPostgres pg;
        CoreError pe = pg.start();
        if (pe.ok())
            pe = runLoad(temp.path() + QStringLiteral("/load-pg"), pg.url(),
                         QStringLiteral("load_postgres"), &out);
        pg.stop();
        if (pe.failed())
            out.insert(QStringLiteral("load_postgres_error"), pe.message());
    }
    out.insert(QStringLiteral("load_errors"),
               out.value(QStringLiteral("load_sqlite_errors")).toInt() +
                   out.value(QStringLiteral("load_postgres_errors")).toInt());
    *result = out;
    return {};
}

CoreError SyncBenchmark::editInspections(SyncDevice &device, const QStringList &ids, int first)
{
    // As bench.js edits its documents: the answer to the 4th question and the record's status.
    RecordWriter writer(device.db());
    Transaction tx(device.db());
    const int step = qMax(1, int(ids.size()) / qMax(1, m_options.changed));
    for (int k = 0; k < m_options.changed; ++k) {
        const QString id = ids.at((first + k * step) % ids.size());
        QSqlQuery q(device.db());
        q.prepare(QStringLiteral(
            "SELECT a.id FROM answers a JOIN checklist_questions qn ON qn.id = "
            "a.question_id WHERE a.inspection_id = ? ORDER BY qn.rowid LIMIT 1 OFFSET 3"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return {CoreError::Code::NotFound, QStringLiteral("no 4th answer for %1").arg(id)};
        CoreError e = writer.update(
            QStringLiteral("answers"), q.value(0).toString(),
            {{QStringLiteral("value"), QStringLiteral("no")},
             {QStringLiteral("note"),
              QStringLiteral("Đã kiểm tra lại, phát hiện thêm vết nứt ở tường chịu lực.")}});
        if (e.ok())
            e = writer.update(QStringLiteral("inspections"), id,
                              {{QStringLiteral("conclusions"),
                                QStringLiteral("Đã rà soát lại lần %1.").arg(first + 1)}});
        if (e.failed())
            return e;
    }
    return tx.commit();
}

CoreError SyncBenchmark::writePhotos(SyncDevice &device, const QStringList &inspectionIds,
                                     int bytes, quint32 seed, QStringList *shas)
{
    // One photo per inspection: its file where the app keeps originals, a thumbnail where the
    // app keeps the one it makes at capture (a stand-in of a thumbnail's size: the content is
    // not an image), its record through RecordWriter (the outbox triggers record it), all in one
    // transaction. Without the thumbnail the device would fetch one for its own photo when the
    // round pulls the photo's row back, as the app never does.
    RecordWriter writer(device.db());
    Transaction tx(device.db());
    for (int k = 0; k < inspectionIds.size(); ++k) {
        const QByteArray content = photoBytes(bytes, seed + quint32(k));
        const QString sha = ContentHash::sha256Of(content);
        const QString path = PhotoStore(device.dataRoot()).originalPath(sha);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {CoreError::Code::Io, QStringLiteral("cannot write %1").arg(path)};
        QFile thumb(PhotoStore(device.dataRoot()).thumbnailPath(sha));
        QDir().mkpath(QFileInfo(thumb).absolutePath());
        const QByteArray thumbContent = photoBytes(12 * 1024, seed + quint32(k));
        if (!thumb.open(QIODevice::WriteOnly) || thumb.write(thumbContent) != thumbContent.size())
            return {CoreError::Code::Io, QStringLiteral("cannot write %1").arg(thumb.fileName())};
        *shas << sha;
        const CoreError e =
            writer.insert(QStringLiteral("photos"),
                          {{QStringLiteral("sha256"), sha},
                           {QStringLiteral("inspection_id"), inspectionIds.at(k)},
                           {QStringLiteral("caption"), QStringLiteral("Ảnh hiện trường")},
                           {QStringLiteral("source"), QStringLiteral("camera")},
                           {QStringLiteral("width"), 360},
                           {QStringLiteral("height"), 270},
                           {QStringLiteral("byte_size"), bytes},
                           {QStringLiteral("mime"), QStringLiteral("image/jpeg")}});
        if (e.failed())
            return e;
    }
    return tx.commit();
}

CoreError SyncBenchmark::editField(SyncDevice &device, const QStringList &ids, const QString &field,
                                   const QString &text)
{
    RecordWriter writer(device.db());
    Transaction tx(device.db());
    for (const QString &id : ids)
        if (const CoreError e = writer.update(QStringLiteral("inspections"), id, {{field, text}});
            e.failed())
            return e;
    return tx.commit();
}

int SyncBenchmark::conflictCount(SyncDevice &device)
{
    QEventLoop loop;
    QObject::connect(device.client(), &SyncClient::conflictsChanged, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    device.client()->fetchConflicts();
    loop.exec();
    return int(device.client()->conflicts().size());
}

CoreError SyncBenchmark::offlineConverge(SyncDevice &a, SyncDevice &b, const QStringList &ids,
                                         CountingProxy &proxy, QJsonObject *phases,
                                         QJsonObject *out)
{
    // B changes the findings of a tenth of the inspections and syncs; A, offline all along (its
    // pull cursor where B's is now), changes the conclusions of 100 inspections, half of them
    // among B's, and the findings of 25 of those (the same field as B: conflicts).
    const qsizetype n = qMax<qsizetype>(50, ids.size() / 10);
    if (ids.size() < n + 50) {
        progress(QStringLiteral("offline_converge: not run (fewer than 100 records)"));
        return {};
    }
    CoreError e = a.client()->manager().setPullCursor(b.client()->manager().pullCursor());
    if (e.ok())
        e = editField(b, ids.mid(0, n), QStringLiteral("findings"),
                      QStringLiteral("Đoàn kiểm tra của huyện ghi nhận thêm: nhà xưởng chưa có "
                                     "hệ thống PCCC tự động."));
    double ms = 0;
    if (e.ok())
        e = b.round(&ms);
    if (e.ok())
        e = editField(a, ids.mid(n - 50, 100), QStringLiteral("conclusions"),
                      QStringLiteral("Yêu cầu khắc phục trong 30 ngày, báo cáo Sở Công Thương."));
    if (e.ok())
        e = editField(a, ids.mid(n - 25, 25), QStringLiteral("findings"),
                      QStringLiteral("Trạm xử lý nước thải tạm dừng vận hành khi kiểm tra."));
    if (e.failed())
        return e;
    // Converging: A's round (its edits up, B's down), then B's (A's edits down).
    proxy.reset();
    const qint64 start = proxy.elapsedNs();
    double aMs = 0, bMs = 0;
    e = a.round(&aMs);
    const double aPushMs = pushMs(proxy.counts(), start, aMs);
    if (e.ok())
        e = b.round(&bMs);
    if (e.failed())
        return e;
    const QString sql = QStringLiteral(
        "SELECT group_concat(id || '|' || findings || '|' || conclusions, '\n') FROM (SELECT * "
        "FROM inspections WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id)");
    const QString list =
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids.mid(0, n + 50))).toJson());
    QString seen[2];
    SyncDevice *devices[2] = {&a, &b};
    for (int k = 0; k < 2; ++k) {
        QSqlQuery q(devices[k]->db());
        q.prepare(sql);
        q.addBindValue(list);
        if (!q.exec() || !q.next())
            return {CoreError::Code::Sql, q.lastError().text()};
        seen[k] = q.value(0).toString();
    }
    if (seen[0] != seen[1] || seen[0].isEmpty())
        return {CoreError::Code::InvalidInput,
                QStringLiteral("offline_converge: devices A and B differ after both synced")};
    // A's 25 findings lost to B's (stored first) and wait in conflict records.
    const int conflicts = conflictCount(a);
    if (conflicts != 25)
        return {
            CoreError::Code::InvalidInput,
            QStringLiteral("offline_converge: %1 conflict records, 25 expected").arg(conflicts)};
    const auto counts = proxy.counts();
    QJsonObject o = phase(aMs + bMs, CountingProxy::total(counts));
    o.insert(QStringLiteral("a_round_ms"), r3(aMs));
    o.insert(QStringLiteral("a_push_ms"), r3(aPushMs)); // to A's first pull request
    o.insert(QStringLiteral("b_round_ms"), r3(bMs));
    o.insert(QStringLiteral("others_changed_inspections"), int(n));
    o.insert(QStringLiteral("offline_changed_inspections"), 100);
    o.insert(QStringLiteral("same_field_edits"), 25);
    o.insert(QStringLiteral("conflict_records"), conflicts);
    phases->insert(QStringLiteral("offline_converge"), o);
    out->insert(QStringLiteral("offline_converge_ms"), r3(aMs + bMs));
    progress(QStringLiteral("offline_converge: A %1 ms + B %2 ms").arg(aMs).arg(bMs));
    return {};
}

CoreError SyncBenchmark::interruptedPhoto(SyncDevice &device, const QString &inspectionId,
                                          CountingProxy &proxy, QJsonObject *phases,
                                          QJsonObject *out)
{
    QStringList shas;
    const int bytes = m_options.resumePhotoBytes;
    CoreError e = writePhotos(device, {inspectionId}, bytes, 5000, &shas);
    if (e.failed())
        return e;
    proxy.reset();
    // The connection goes in the middle of the third 1 MiB chunk.
    proxy.cutAfter(QStringLiteral("PUT /photos"), bytes * 5 / 8);
    double firstMs = 0, secondMs = 0;
    // The round that loses its connection fails (any I/O error ends a round), unless Qt's
    // network stack sent the chunk again by itself; either way the next round finishes.
    const CoreError first = device.round(&firstMs);
    if (!proxy.cut())
        return {CoreError::Code::Io, QStringLiteral("photo_push_interrupted: the connection "
                                                    "was not cut")};
    e = device.round(&secondMs);
    if (e.failed())
        return e;
    if (!device.client()->manager().pendingPhotos(device.dataRoot()).isEmpty())
        return {CoreError::Code::Io,
                QStringLiteral("photo_push_interrupted: the photo is still waiting")};
    const auto counts = proxy.counts();
    const CountingProxy::Counts put = CountingProxy::total(counts, QStringLiteral("PUT /photos"));
    const CountingProxy::Counts all = CountingProxy::total(counts, QStringLiteral("/photos"));
    QJsonObject o = phase(firstMs + secondMs, all);
    o.insert(QStringLiteral("photo_bytes"), bytes);
    o.insert(QStringLiteral("first_round_failed"), first.failed());
    o.insert(QStringLiteral("put_requests"), put.requests);
    phases->insert(QStringLiteral("photo_push_interrupted"), o);
    // Bytes sent up for the photo beyond its size: the part of the chunk the cut lost, and the
    // request heads of every chunk.
    out->insert(QStringLiteral("photo_resume_resent_bytes"), put.up - bytes);
    out->insert(QStringLiteral("photo_resume_wire_overhead"),
                r3((all.up + all.down) / double(bytes)));
    progress(QStringLiteral("photo_push_interrupted: %1 + %2 ms, %3 bytes sent again")
                 .arg(firstMs)
                 .arg(secondMs)
                 .arg(put.up - bytes));
    return {};
}

CoreError SyncBenchmark::runRecords(const QString &dir, QJsonObject *out)
{
    RegistryProcess registry(m_options.registryProgram, dir + QStringLiteral("/registry"));
    quint16 port = 0;
    CoreError e = registry.start(&port);
    if (e.failed())
        return e;
    CountingProxy proxy;
    const quint16 proxyPort = proxy.start(port);
    if (!proxyPort)
        return {CoreError::Code::Io, QStringLiteral("the counting proxy cannot listen")};
    const QUrl server(QStringLiteral("http://127.0.0.1:%1").arg(proxyPort));
    progress(QStringLiteral("registry on 127.0.0.1:%1, proxy on %2").arg(port).arg(proxyPort));
    QJsonObject phases;

    // Device A: 10,000 inspections in its outbox.
    SyncDevice a(dir + QStringLiteral("/device-a"));
    e = a.open();
    if (e.ok())
        e = a.login(server, RegistryProcess::demoUser(), RegistryProcess::demoPassword());
    if (e.failed())
        return e;
    QString templateId;
    const QStringList questions = templateQuestions(a.db(), &templateId);
    const QStringList clusters = clusterIds(a.db());
    InspectionDocFactory docs(1, clusters, templateId, questions);
    QStringList ids;
    progress(QStringLiteral("device A: writing %1 inspections").arg(m_options.records));
    e = docs.write(a.db(), m_options.records, &ids);
    if (e.failed())
        return e;
    // A does not need what the registry holds now: its pull starts at the registry's latest
    // sequence (the push part is timed to the first pull request anyway). Not past it: a cursor
    // ahead of the registry is taken for a registry restored from a backup, and pulled again.
    auto skipPull = [&registry](SyncDevice &d) {
        qint64 seq = 0;
        const CoreError se = registry.latestSeq(&seq);
        return se.failed() ? se : d.client()->manager().setPullCursor(seq);
    };

    auto timedRound = [&](SyncDevice &d, const char *name, bool pushOnly,
                          bool watchUi = false) -> CoreError {
        // CPU time over the round: the device (this process but the counting proxy's thread)
        // and the registry. Read before the round's start: the push part is timed from it.
        const auto deviceCpuMs = [] {
            return ProcessCpu::ms(QCoreApplication::applicationPid(),
                                  {QStringLiteral("counting-proxy")});
        };
        const double deviceCpu0 = deviceCpuMs();
        const double registryCpu0 = ProcessCpu::ms(registry.pid());
        proxy.reset();
        const qint64 start = proxy.elapsedNs();
        double ms = 0, stallMs = 0;
        const CoreError re = d.round(&ms, 1800000, watchUi ? &stallMs : nullptr);
        if (re.failed())
            return re;
        const double deviceCpu = deviceCpuMs() - deviceCpu0;
        const double registryCpu = ProcessCpu::ms(registry.pid()) - registryCpu0;
        const auto counts = proxy.counts();
        const double pushPart = pushMs(counts, start, ms);
        QJsonObject o = phase(pushOnly ? pushPart : ms,
                              pushOnly ? CountingProxy::total(counts, QStringLiteral("/push"))
                                       : CountingProxy::total(counts));
        o.insert(QStringLiteral("round_ms"), r3(ms));
        // /proc counts CPU time in clock ticks (10 ms here): a round of a few milliseconds would
        // read 0 or 10, so only the longer ones say where their time went.
        if (ms >= 500)
            o.insert(QStringLiteral("cpu_ms"),
                     QJsonObject{{QStringLiteral("device"), r3(deviceCpu)},
                                 {QStringLiteral("registry"), r3(registryCpu)}});
        // The push part split at the wire: the device's work before its first push request, the
        // push requests (the registry's work and the wire), the device's work after them.
        if (const auto push = counts.constFind(QStringLiteral("POST /push"));
            pushOnly && push != counts.constEnd() && push->firstSeenNs >= 0) {
            const double before = (push->firstSeenNs - start) / 1e6;
            const double onWire = (push->lastSeenNs - push->firstSeenNs) / 1e6;
            o.insert(QStringLiteral("push_split_ms"),
                     QJsonArray{r3(before), r3(onWire), r3(pushPart - before - onWire)});
        }
        if (watchUi)
            o.insert(QStringLiteral("ui_longest_stall_ms"), r3(stallMs));
        QJsonObject routes;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            routes.insert(it.key(), QJsonObject{{QStringLiteral("up"), it->up},
                                                {QStringLiteral("down"), it->down},
                                                {QStringLiteral("requests"), it->requests}});
        o.insert(QStringLiteral("routes"), routes);
        phases.insert(QLatin1String(name), o);
        progress(QStringLiteral("%1: %2 ms (round %3 ms)")
                     .arg(QLatin1String(name))
                     .arg(o.value(QStringLiteral("ms")).toDouble())
                     .arg(ms));
        return {};
    };

    // One 10-change push is a few milliseconds: a single round is noise (a WAL checkpoint, the
    // scheduler). Each incremental figure is the median of several rounds, each with edits of
    // its own (other inspections than the rounds before); every round's time is kept. The first
    // rounds of a phase are not counted (their times are kept apart): they come right after a
    // phase that wrote hundreds of megabytes (the first push; the registry growing to 100,000
    // inspections, which A's first round then pulls), and measured the disk catching up with it
    // (in two runs at 4f6830a the first three 100,000 rounds took 21-44 ms, most later ones 10-17).
    constexpr int incrementalRounds = 15;
    constexpr int warmupRounds = 3;
    auto incremental = [&](SyncDevice &d, const char *name, int firstEdit) -> CoreError {
        QList<QJsonObject> rounds;
        QJsonArray roundMs, warmupMs, roundSplits;
        double searchableWaitMs = 0;
        for (int k = 0; k < warmupRounds + incrementalRounds; ++k) {
            CoreError re = editInspections(d, ids, firstEdit + k);
            if (re.ok())
                re = timedRound(d, name, true);
            if (re.failed())
                return re;
            const QJsonObject round = phases.value(QLatin1String(name)).toObject();
            if (k < warmupRounds) {
                warmupMs << round.value(QStringLiteral("ms"));
                // The first rounds after the registry grew pull what grew it (90,000
                // inspections by device D): their search indexing, after those rounds, is waited
                // for here, as the uncounted rounds did it before the pull left it to the worker
                // between rounds (a round that begins waits for the chunk under way: 45-105 ms
                // each with a 90,000-row backlog). The wait is kept in the phase.
                if (k == warmupRounds - 1) {
                    double waitMs = 0;
                    if (CoreError we = d.waitSearchable(&waitMs); we.failed())
                        return we;
                    searchableWaitMs = waitMs;
                }
                continue;
            }
            rounds << round;
            roundMs << round.value(QStringLiteral("ms"));
            roundSplits << round.value(QStringLiteral("push_split_ms"));
        }
        std::sort(rounds.begin(), rounds.end(), [](const QJsonObject &x, const QJsonObject &y) {
            return x.value(QStringLiteral("ms")).toDouble() <
                   y.value(QStringLiteral("ms")).toDouble();
        });
        QJsonObject median = rounds.at(incrementalRounds / 2);
        median.insert(QStringLiteral("rounds_ms"), roundMs);
        median.insert(QStringLiteral("rounds_split_ms"), roundSplits);
        median.insert(QStringLiteral("warmup_rounds_ms"), warmupMs);
        median.insert(QStringLiteral("searchable_wait_ms"), r3(searchableWaitMs));
        phases.insert(QLatin1String(name), median);
        progress(QStringLiteral("%1: median %2 ms of %3 rounds")
                     .arg(QLatin1String(name))
                     .arg(median.value(QStringLiteral("ms")).toDouble())
                     .arg(incrementalRounds));
        return {};
    };

    e = skipPull(a);
    if (e.ok())
        e = timedRound(a, "push_initial", true, true);
    if (e.failed())
        return e;
    e = timedRound(a, "push_noop", false);
    if (e.ok())
        e = incremental(a, "push_incremental", 0);
    if (e.failed())
        return e;

    // Device B: a fresh tablet pulls everything.
    SyncDevice b(dir + QStringLiteral("/device-b"));
    e = b.open();
    if (e.ok())
        e = b.login(server, RegistryProcess::demoUser(), RegistryProcess::demoPassword());
    if (e.ok())
        e = timedRound(b, "pull_fresh", false, true);
    // The round ends with the rows written; the tenants and inspections among them become
    // searchable after it (SearchBacklog), while the user can already open them: timed apart.
    double searchableMs = 0;
    if (e.ok())
        e = b.waitSearchable(&searchableMs);
    if (e.failed())
        return e;
    {
        QSqlQuery q(b.db());
        q.exec(QStringLiteral("SELECT count(*) FROM inspections"));
        q.next();
        phases[QStringLiteral("pull_fresh")] = [&] {
            QJsonObject o = phases.value(QStringLiteral("pull_fresh")).toObject();
            o.insert(QStringLiteral("inspections_on_device"), q.value(0).toInt());
            o.insert(QStringLiteral("searchable_after_ms"), r3(searchableMs));
            o.insert(QStringLiteral("round_and_search_ms"),
                     r3(o.value(QStringLiteral("round_ms")).toDouble() + searchableMs));
            return o;
        }();
        progress(QStringLiteral("pull_fresh: searchable %1 ms after the round").arg(searchableMs));
    }

    // A back in signal after days offline, while B's edits reached the registry; then A skips
    // the pull again (the photo phases time A's uploads alone).
    e = offlineConverge(a, b, ids, proxy, &phases, out);
    if (e.ok())
        e = skipPull(a);
    if (e.failed())
        return e;

    // Photos: M photos of 200 kB on device A, one per inspection.
    QStringList shas;
    e = writePhotos(a, ids.mid(0, m_options.photos), m_options.photoBytes, 1000, &shas);
    if (e.failed())
        return e;
    e = timedRound(a, "photo_push", false);
    if (e.failed())
        return e;
    const double photoTotal = double(m_options.photos) * m_options.photoBytes;
    {
        const QJsonObject routes = phases.value(QStringLiteral("photo_push"))
                                       .toObject()
                                       .value(QStringLiteral("routes"))
                                       .toObject();
        double wire = 0;
        for (auto it = routes.constBegin(); it != routes.constEnd(); ++it)
            if (it.key().contains(QLatin1String("/photos")))
                wire += it->toObject().value(QStringLiteral("up")).toDouble() +
                        it->toObject().value(QStringLiteral("down")).toDouble();
        out->insert(QStringLiteral("photo_wire_overhead"), r3(wire / photoTotal));
    }
    // Photo pull: B pulls the photo rows (and their thumbnails), then fetches the originals.
    e = timedRound(b, "photo_pull_records", false);
    if (e.failed())
        return e;
    proxy.reset();
    double fetchMs = 0;
    e = b.fetchOriginals(shas, &fetchMs);
    if (e.failed())
        return e;
    {
        const auto counts = proxy.counts();
        const CountingProxy::Counts c = CountingProxy::total(counts, QStringLiteral("GET /photos"));
        phases.insert(QStringLiteral("photo_pull_originals"), phase(fetchMs, c));
        out->insert(QStringLiteral("photo_pull_wire_overhead"), r3((c.up + c.down) / photoTotal));
        progress(QStringLiteral("photo_pull_originals: %1 ms").arg(fetchMs));
    }

    // A photo of a tablet camera's size whose upload loses its connection half-way.
    if (ids.size() > m_options.photos) {
        e = interruptedPhoto(a, ids.at(m_options.photos), proxy, &phases, out);
        if (e.failed())
            return e;
    } else {
        progress(QStringLiteral("photo_push_interrupted: not run (no inspection left for it)"));
    }

    // The registry grows to `serverRecords` inspections (device D), then A pushes 10 changes again.
    if (m_options.serverRecords > m_options.records) {
        SyncDevice d(dir + QStringLiteral("/device-d"));
        e = d.open();
        if (e.ok())
            e = d.login(server, RegistryProcess::demoUser(), RegistryProcess::demoPassword());
        if (e.ok())
            e = skipPull(d);
        InspectionDocFactory more(2, clusters, templateId, questions);
        const int extra = m_options.serverRecords - m_options.records;
        progress(QStringLiteral("device D: writing and pushing %1 more inspections").arg(extra));
        // In slices, so that no outbox holds everything at once.
        for (int done = 0; e.ok() && done < extra;) {
            const int n = qMin(10000, extra - done);
            e = more.write(d.db(), n);
            double ms = 0;
            if (e.ok())
                e = d.round(&ms);
            done += n;
            progress(QStringLiteral("device D: %1 pushed (last slice %2 ms)").arg(done).arg(ms));
        }
        if (e.ok())
            e = incremental(a, "push_incremental_100k", warmupRounds + incrementalRounds);
        if (e.failed())
            return e;
        out->insert(QStringLiteral("incremental_100k_vs_10k"),
                    r3(phases.value(QStringLiteral("push_incremental_100k"))
                           .toObject()
                           .value(QStringLiteral("ms"))
                           .toDouble() /
                       phases.value(QStringLiteral("push_incremental"))
                           .toObject()
                           .value(QStringLiteral("ms"))
                           .toDouble()));
    }
    out->insert(QStringLiteral("phases"), phases);
    out->insert(
        QStringLiteral("push_ms"),
        phases.value(QStringLiteral("push_initial")).toObject().value(QStringLiteral("ms")));
    out->insert(QStringLiteral("pull_ms"),
                phases.value(QStringLiteral("pull_fresh")).toObject().value(QStringLiteral("ms")));
    // The same pull until its tenants and inspections are searchable too.
    out->insert(QStringLiteral("pull_searchable_ms"),
                phases.value(QStringLiteral("pull_fresh"))
                    .toObject()
                    .value(QStringLiteral("round_and_search_ms")));
    // Where the full push's and pull's time goes: the CPU time of the device and of the registry
    // over the round (on this machine both share two cores).
    for (const auto &[figure, phase] :
         {std::pair{"push_cpu_ms", "push_initial"}, std::pair{"pull_cpu_ms", "pull_fresh"}})
        out->insert(QLatin1String(figure),
                    phases.value(QLatin1String(phase)).toObject().value(QStringLiteral("cpu_ms")));
    out->insert(QStringLiteral("push_ui_longest_stall_ms"),
                phases.value(QStringLiteral("push_initial"))
                    .toObject()
                    .value(QStringLiteral("ui_longest_stall_ms")));
    out->insert(QStringLiteral("pull_ui_longest_stall_ms"),
                phases.value(QStringLiteral("pull_fresh"))
                    .toObject()
                    .value(QStringLiteral("ui_longest_stall_ms")));
    return {};
}

CoreError SyncBenchmark::runLoad(const QString &dir, const QString &databaseUrl,
                                 const QString &prefix, QJsonObject *out)
{
    RegistryProcess registry(m_options.registryProgram, dir + QStringLiteral("/registry"),
                             databaseUrl);
    quint16 port = 0;
    CoreError e = registry.start(&port);
    if (e.failed())
        return e;
    LoadSimulator::Options o;
    o.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    o.workDir = dir;
    o.devices = m_options.devices;
    LoadSimulator sim(o);
    progress(QStringLiteral("%1: preparing %2 devices").arg(prefix).arg(o.devices));
    e = sim.prepare();
    if (e.failed())
        return e;
    LoadSimulator::Result r;
    progress(QStringLiteral("%1: pushing").arg(prefix));
    e = sim.run(&r);
    if (e.failed())
        return e;
    out->insert(prefix + QStringLiteral("_inspections_per_s"),
                r3(r.inspections / (r.wallMs / 1000.0)));
    out->insert(prefix + QStringLiteral("_p50_ms"), r3(r.latency.median()));
    out->insert(prefix + QStringLiteral("_p99_ms"), r3(r.latency.percentile(99)));
    out->insert(prefix + QStringLiteral("_requests"), r.requests);
    out->insert(prefix + QStringLiteral("_wall_ms"), r3(r.wallMs));
    out->insert(prefix + QStringLiteral("_errors"), r.errors);
    if (!r.errorSamples.isEmpty())
        out->insert(prefix + QStringLiteral("_error_samples"),
                    QJsonArray::fromStringList(r.errorSamples));
    progress(QStringLiteral("%1: %2 inspections/s, p99 %3 ms, %4 errors")
                 .arg(prefix)
                 .arg(r.inspections / (r.wallMs / 1000.0))
                 .arg(r.latency.percentile(99))
                 .arg(r.errors));
    return {};
}
