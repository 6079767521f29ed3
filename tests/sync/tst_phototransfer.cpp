// PhotoTransfer against a scripted registry on 127.0.0.1, with real photos (../shared/data): which
// photos go up and from where, the size of their chunks, a failed chunk ending the round with the
// rows kept, the wanted thumbnails, and originals fetched on demand and checked.
#include "contenthash.h"
#include "photostore.h"
#include "phototransfer.h"
#include "recordwriter.h"
#include "synchttp.h"
#include "synctestutil.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace synctest;

namespace {
// A photos/status answer: `photos` maps a SHA-256 to {"state", "received"}.
Response statusReply(const QJsonObject &photos)
{
    return Response::json(200, {{"photos", photos}});
}

QJsonObject held(const char *state, qint64 received)
{
    return {{"state", state}, {"received", double(received)}};
}

// The requests of a method ("PUT", "GET") the registry saw.
QList<Request> requestsOf(const FakeRegistry &server, const QByteArray &method)
{
    QList<Request> out;
    for (const Request &r : server.requests)
        if (r.method == method)
            out << r;
    return out;
}

// The X-CCN-Offset of a chunk.
qint64 offsetOf(const Request &r)
{
    return r.headers.value("x-ccn-offset").toLongLong();
}

// A photo taken on the device whose row the registry has stored (its insert has left the
// outbox, as after a push): the photo phase sends its bytes.
bool storedPhoto(QSqlDatabase db, const QString &root, const QByteArray &bytes,
                 const QString &source, const QString &mime = QStringLiteral("image/jpeg"))
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE entity = 'photos' AND row_id IN (SELECT "
                             "id FROM photos WHERE sha256 = ?)"));
    q.addBindValue(ContentHash::sha256Of(bytes));
    return addPhoto(db, root, bytes, source, mime) && q.exec();
}

// What the photo phase told its round.
struct Calls {
    QList<QPair<double, QString>> progress;
    int recounts = 0;
    int replies = 0;
    QList<SyncErrors::Kind> endings; // kinds the phase's `ending` heard
    int finishes = 0;
    CoreError error;
    SyncErrors::Kind kind = SyncErrors::Kind::None;
};

// A device's photo phase: its database and data root in a directory of their own, both
// connections pointed at the registry, and a Round that notes every call. endsRound, like
// SyncClient's, ends the round on a failed reply (and says so for every reply once the round has
// ended).
struct Device {
    Database db;
    QString root;
    std::unique_ptr<SyncManager> manager;
    SyncHttp http;
    SyncHttp fileHttp;
    bool going = false;
    Calls calls;
    std::unique_ptr<PhotoTransfer> photos;

    Device(const QString &dir, const QString &url) : root(dir)
    {
        QDir().mkpath(root);
        if (const CoreError e = db.open(root + QStringLiteral("/device.db")); e.failed())
            qFatal("%s", qPrintable(e.message()));
        manager = std::make_unique<SyncManager>(db.connection());
        for (SyncHttp *h : {&http, &fileHttp}) {
            h->setBaseUrl(QUrl(url));
            h->setToken(QStringLiteral("tok-123"));
            h->setTimeoutMs(5000);
        }
        PhotoTransfer::Round round;
        round.going = [this] { return going; };
        round.progress = [this](double p, const QString &phase) {
            calls.progress << qMakePair(p, phase);
            return going;
        };
        round.recount = [this] {
            ++calls.recounts;
            return going;
        };
        round.replied = [this](const SyncReply &) {
            ++calls.replies;
            return going;
        };
        round.endsRound = [this](const SyncReply &r, const PhotoTransfer::Ending &ending) {
            ++calls.replies;
            if (!going)
                return true;
            SyncErrors::Kind kind = SyncErrors::Kind::None;
            const CoreError e = SyncErrors::fromReply(r, &kind);
            if (e.ok())
                return false;
            if (ending) {
                calls.endings << kind;
                ending(kind);
            }
            finish(e, kind);
            return true;
        };
        round.finish = [this](const CoreError &e, SyncErrors::Kind kind) { finish(e, kind); };
        photos = std::make_unique<PhotoTransfer>(*manager, root, &http, &fileHttp, round);
    }

    void finish(const CoreError &e, SyncErrors::Kind kind)
    {
        going = false;
        ++calls.finishes;
        calls.error = e;
        calls.kind = kind;
    }

    // Runs the photo phase as a round of its own: true once it finished (ok or not).
    bool round()
    {
        calls = Calls();
        going = true;
        photos->start();
        return QTest::qWaitFor([this] { return !going; }, 15000) && calls.finishes == 1;
    }

    // A pulled photo row's thumbnail to fetch (PullApplier asks so).
    bool wantThumbnail(const QString &sha)
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT INTO photo_transfers(sha256, thumb_state, changed_at) "
                                 "VALUES (?, 'wanted', 1)"));
        q.addBindValue(sha);
        return q.exec();
    }

    QString transfer(const QString &sha, const char *column) const
    {
        return scalar(db.connection(),
                      QStringLiteral("SELECT %1 FROM photo_transfers WHERE sha256 = '%2'")
                          .arg(QLatin1String(column), sha))
            .toString();
    }
};
} // namespace

class TestPhotoTransfer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<Device> device(const FakeRegistry &server)
    {
        return std::make_unique<Device>(m_dir.filePath(QStringLiteral("d%1").arg(++m_n)),
                                        server.url());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // Photos the registry says it has whole are not sent: they are marked on the server and
    // leave the pending list.
    void photosTheRegistryHasAreNotUploaded()
    {
        const QByteArray a = realPhoto("gps/DSCN0010.jpg");
        const QByteArray b = realPhoto("gps/DSCN0012.jpg");
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({{ContentHash::sha256Of(a), held("complete", a.size())},
                                    {ContentHash::sha256Of(b), held("complete", b.size())}});
            return Response::json(500, {{"code", "internal"}, {"message", "unexpected"}});
        };
        auto d = device(server);
        QVERIFY(storedPhoto(d->db.connection(), d->root, a, "camera"));
        QVERIFY(storedPhoto(d->db.connection(), d->root, b, "camera"));
        QCOMPARE(d->manager->pendingPhotos(d->root).size(), 2);
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(server.requests.size(), 1);
        QStringList asked;
        for (const QJsonValue &v : server.requests.first().json().value("sha256").toArray())
            asked << v.toString();
        asked.sort();
        QStringList both{ContentHash::sha256Of(a), ContentHash::sha256Of(b)};
        both.sort();
        QCOMPARE(asked, both);
        QVERIFY(requestsOf(server, "PUT").isEmpty());
        QCOMPARE(d->transfer(ContentHash::sha256Of(a), "on_server"), QStringLiteral("1"));
        QCOMPARE(d->transfer(ContentHash::sha256Of(b), "on_server"), QStringLiteral("1"));
        QVERIFY(d->manager->pendingPhotos(d->root).isEmpty());
    }

    // A photo the registry holds in part goes on from where the registry stopped: the first
    // chunk sent starts at its `received`, and the photo arrives whole.
    void aPartialUploadResumesAtTheRegistrysOffset()
    {
        const QByteArray bytes = realPhoto("mobile/jolla.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        const qint64 resumeAt = 300000;
        QByteArray received = bytes.left(resumeAt);
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({{sha, held("partial", resumeAt)}});
            return takeChunk(r, &received);
        };
        auto d = device(server);
        d->photos->setChunkSize(256 * 1024);
        QVERIFY(storedPhoto(d->db.connection(), d->root, bytes, "camera"));
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        const QList<Request> puts = requestsOf(server, "PUT");
        QVERIFY(!puts.isEmpty());
        QCOMPARE(offsetOf(puts.first()), resumeAt);
        for (const Request &r : puts) {
            QCOMPARE(r.path, "/api/v1/photos/" + sha.toLatin1());
            QCOMPARE(r.headers.value("x-ccn-total-size").toLongLong(), qint64(bytes.size()));
        }
        QCOMPARE(puts.size(), 2); // 811904 - 300000 bytes in 256 KiB chunks
        QCOMPARE(received, bytes);
        QCOMPARE(d->transfer(sha, "on_server"), QStringLiteral("1"));
        QCOMPARE(d->transfer(sha, "uploaded_bytes").toLongLong(), qint64(bytes.size()));
    }

    // The registry holds the whole photo but stopped before it finished it (status: partial,
    // all of it received): the device sends an empty chunk at the end, which has the registry
    // finish it. It took the photo for gone (nothing read at that offset), and the photo never
    // went up.
    void anUploadTheRegistryHoldsWholeIsFinished()
    {
        const QByteArray bytes = realPhoto("gps/DSCN0010.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({{sha, held("partial", bytes.size())}});
            if (r.method == "PUT" && r.body.isEmpty() && offsetOf(r) == bytes.size())
                return Response::json(200, held("complete", bytes.size()));
            return Response::json(400, {{"code", "invalid_chunk"}, {"message", "unexpected"}});
        };
        auto d = device(server);
        QVERIFY(storedPhoto(d->db.connection(), d->root, bytes, "camera"));
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(requestsOf(server, "PUT").size(), 1);
        QCOMPARE(d->transfer(sha, "on_server"), QStringLiteral("1"));
        QVERIFY(d->manager->pendingPhotos(d->root).isEmpty());
    }

    // Chunks are at most chunkSize() (1 MiB at the most, 1 byte at the least), one after the
    // other; setChunkSize() takes effect from the next chunk.
    void chunksAreAtMostTheChunkSize()
    {
        const QByteArray first = realPhoto("mobile/jolla.jpg");
        const QByteArray second = realPhoto("gps/DSCN0010.jpg");
        QHash<QString, QByteArray> received;
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({});
            return takeChunk(r, &received[QString::fromLatin1(r.path.split('/').last())]);
        };
        auto d = device(server);
        QCOMPARE(d->photos->chunkSize(), 1 << 20);
        d->photos->setChunkSize(0);
        QCOMPARE(d->photos->chunkSize(), 1);
        d->photos->setChunkSize(8 << 20);
        QCOMPARE(d->photos->chunkSize(), 1 << 20);

        d->photos->setChunkSize(100000);
        QCOMPARE(d->photos->chunkSize(), 100000);
        QVERIFY(storedPhoto(d->db.connection(), d->root, first, "camera"));
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QList<qsizetype> sizes;
        qint64 offset = 0;
        for (const Request &r : requestsOf(server, "PUT")) {
            QCOMPARE(offsetOf(r), offset);
            offset += r.body.size();
            sizes << r.body.size();
        }
        QCOMPARE(sizes, (QList<qsizetype>(8, 100000) << 11904));
        QCOMPARE(received.value(ContentHash::sha256Of(first)), first);

        server.requests.clear();
        d->photos->setChunkSize(64 * 1024);
        QVERIFY(storedPhoto(d->db.connection(), d->root, second, "camera"));
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        sizes.clear();
        for (const Request &r : requestsOf(server, "PUT"))
            sizes << r.body.size();
        QCOMPARE(sizes, (QList<qsizetype>{65536, 65536, 30641}));
        QCOMPARE(received.value(ContentHash::sha256Of(second)), second);
    }

    // A chunk lost on the way ends the round and halves the next chunks (down to 64 KiB); four
    // that arrive in a row double them again, up to the size set.
    void aLostChunkHalvesTheNextOnes()
    {
        const QByteArray bytes = realPhoto("mobile/jolla.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        QByteArray received;
        bool lose = true;
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({{sha, held("partial", received.size())}});
            return lose ? Response::drop() : takeChunk(r, &received);
        };
        auto d = device(server);
        d->photos->setChunkSize(128 * 1024);
        QVERIFY(storedPhoto(d->db.connection(), d->root, bytes, "camera"));
        QVERIFY(d->round());
        QCOMPARE(d->calls.kind, SyncErrors::Kind::Offline);
        QCOMPARE(d->calls.endings, QList<SyncErrors::Kind>{SyncErrors::Kind::Offline});
        QCOMPARE(d->photos->chunkSize(), 64 * 1024);

        lose = false;
        server.requests.clear();
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QList<qsizetype> sizes;
        for (const Request &r : requestsOf(server, "PUT"))
            sizes << r.body.size();
        QCOMPARE(sizes, (QList<qsizetype>(4, 65536) << QList<qsizetype>(4, 131072) << 25472));
        QCOMPARE(d->photos->chunkSize(), 128 * 1024);
        QCOMPARE(received, bytes);
    }

    // The phase's share of the round's progress bar is 0.7 to 1: uploads up to 0.95 by the
    // bytes of the photos, then the thumbnails. It never goes back, however many photos go up.
    void progressStaysWithinThePhaseAndNeverGoesBack()
    {
        const QByteArray has = realPhoto("gps/DSCN0010.jpg");
        const QByteArray first = realPhoto("gps/DSCN0012.jpg");
        const QByteArray second = realPhoto("gps/DSCN0021.jpg");
        QHash<QString, QByteArray> received;
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({{ContentHash::sha256Of(has), held("complete", has.size())}});
            if (r.method == "GET")
                return Response::file(has);
            return takeChunk(r, &received[QString::fromLatin1(r.path.split('/').last())]);
        };
        auto d = device(server);
        d->photos->setChunkSize(64 * 1024);
        for (const QByteArray &bytes : {has, first, second})
            QVERIFY(storedPhoto(d->db.connection(), d->root, bytes, "camera"));
        QVERIFY(d->wantThumbnail(ContentHash::sha256Of("pulled photo 1")));
        QVERIFY(d->wantThumbnail(ContentHash::sha256Of("pulled photo 2")));
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(received.value(ContentHash::sha256Of(first)), first);
        QCOMPARE(received.value(ContentHash::sha256Of(second)), second);

        // "phase progress", to three decimals
        QStringList seen;
        for (const auto &p : d->calls.progress)
            seen << QStringLiteral("%1 %2").arg(p.second).arg(p.first, 0, 'f', 3);
        const QByteArray said = seen.join(QStringLiteral(", ")).toUtf8();
        double before = 0.7;
        for (const auto &p : d->calls.progress) {
            QVERIFY2(p.first >= before && p.first <= 1.0, said.constData());
            before = p.first;
        }
        // A step a chunk; the last brings the uploads to their whole share, the thumbnails share
        // the rest.
        const int chunks = int(requestsOf(server, "PUT").size());
        QCOMPARE(seen.size(), 1 + chunks + 2);
        QCOMPARE(seen.first(), QStringLiteral("photos 0.700"));
        for (int i = 1; i < chunks; ++i)
            QVERIFY2(seen.at(i).startsWith(QLatin1String("photos 0.")) &&
                         d->calls.progress.at(i).first < 0.95,
                     said.constData());
        QCOMPARE(seen.mid(chunks), (QStringList{"photos 0.950", "thumbs 0.950", "thumbs 0.975"}));
    }

    // A chunk the registry refuses ends the round through endsRound: nothing more is sent, and
    // the outbox, the photo's record and what the registry has of it stay as they were.
    void aFailedChunkEndsTheRoundWithTheRowsKept()
    {
        const QByteArray bytes = realPhoto("gps/DSCN0021.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        QByteArray received;
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({{sha, held("missing", 0)}});
            if (offsetOf(r) > 0)
                return Response::json(503, {{"code", "unavailable"}, {"message", "busy"}});
            return takeChunk(r, &received);
        };
        auto d = device(server);
        d->photos->setChunkSize(64 * 1024);
        QVERIFY(storedPhoto(d->db.connection(), d->root, bytes, "camera"));
        QVERIFY(d->wantThumbnail(ContentHash::sha256Of("another photo")));
        QVERIFY(RecordWriter(d->db.connection())
                    .update("photos",
                            scalar(d->db.connection(), "SELECT id FROM photos").toString(),
                            {{"caption", "Cổng chính"}})
                    .ok());
        const QStringList outbox = outboxSnapshot(d->db.connection());
        QCOMPARE(outbox.size(), 1);
        QVERIFY(d->round());
        QCOMPARE(d->calls.kind, SyncErrors::Kind::Server);
        QVERIFY(d->calls.error.failed());
        // The refused chunk was the last request: no chunk and no thumbnail after it.
        QCOMPARE(server.requests.last().method, "PUT");
        QCOMPARE(offsetOf(server.requests.last()), qint64(64 * 1024));
        QCOMPARE(requestsOf(server, "PUT").size(), 2);
        QCOMPARE(outboxSnapshot(d->db.connection()), outbox);
        QCOMPARE(scalar(d->db.connection(), "SELECT count(*) FROM photos").toInt(), 1);
        QCOMPARE(d->transfer(sha, "on_server"), QStringLiteral("0"));
        QCOMPARE(d->transfer(sha, "uploaded_bytes").toLongLong(), qint64(64 * 1024));
        const QList<PendingPhoto> pending = d->manager->pendingPhotos(d->root);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().uploadedBytes, qint64(64 * 1024));
        QCOMPARE(d->transfer(ContentHash::sha256Of("another photo"), "thumb_state"),
                 QStringLiteral("wanted"));
        QVERIFY(QFileInfo::exists(PhotoStore(d->root).originalPath(sha)));
    }

    // A photo whose row waits in the outbox (not sent yet, refused, or another user's) is not
    // sent: the registry takes a photo's bytes only once it holds a row that names them. It stays
    // pending, and goes in the first round after its row is stored.
    void aPhotoGoesOnceARowTheRegistryHoldsNamesIt()
    {
        const QByteArray waiting = realPhoto("gps/DSCN0010.jpg");
        const QByteArray named = realPhoto("gps/DSCN0012.jpg");
        QByteArray received;
        QString receiving;
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status") {
                QJsonObject photos;
                for (const QJsonValue &v : r.json().value("sha256").toArray())
                    photos.insert(v.toString(), held("missing", 0));
                return statusReply(photos);
            }
            const QString sha = QString::fromLatin1(r.path.mid(r.path.lastIndexOf('/') + 1));
            if (sha != receiving) {
                receiving = sha;
                received.clear();
            }
            return takeChunk(r, &received);
        };
        auto d = device(server);
        QVERIFY(addPhoto(d->db.connection(), d->root, waiting, "camera"));
        QVERIFY(storedPhoto(d->db.connection(), d->root, named, "camera"));
        QVERIFY(addPhoto(d->db.connection(), d->root, waiting, "camera")); // a second row of it
        QList<PendingPhoto> pending = d->manager->pendingPhotos(d->root);
        QCOMPARE(pending.size(), 2);
        for (const PendingPhoto &p : std::as_const(pending))
            QCOMPARE(p.named, p.sha256 == ContentHash::sha256Of(named));
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        for (const Request &r : server.requests)
            QVERIFY2(!r.path.contains(ContentHash::sha256Of(waiting).toLatin1()) &&
                         !r.body.contains(ContentHash::sha256Of(waiting).toLatin1()),
                     r.path.constData());
        QCOMPARE(d->transfer(ContentHash::sha256Of(named), "on_server"), QStringLiteral("1"));
        pending = d->manager->pendingPhotos(d->root);
        QCOMPARE(pending.size(), 1);
        QVERIFY(!pending.first().named);

        // One of its two rows is stored: the registry names it now.
        QSqlQuery q(d->db.connection());
        QVERIFY(q.exec("DELETE FROM outbox WHERE seq = (SELECT min(seq) FROM outbox)"));
        QVERIFY(d->manager->pendingPhotos(d->root).first().named);
        server.requests.clear();
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QVERIFY(!requestsOf(server, "PUT").isEmpty());
        QCOMPARE(received, waiting);
        QVERIFY(d->manager->pendingPhotos(d->root).isEmpty());
    }

    // A photo the registry knows nothing of (404 photo_unknown: no row it holds names it, after
    // a restore say) holds back neither the other photos nor the thumbnails: it stays pending
    // with the registry's words, and the round goes on.
    void aPhotoTheRegistryKnowsNothingOfHoldsNothingBack()
    {
        const QByteArray unknown = realPhoto("gps/DSCN0010.jpg");
        const QByteArray known = realPhoto("gps/DSCN0012.jpg");
        const QString unknownSha = ContentHash::sha256Of(unknown);
        QByteArray received;
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({{unknownSha, held("missing", 0)},
                                    {ContentHash::sha256Of(known), held("missing", 0)}});
            if (r.path.endsWith(unknownSha.toLatin1()))
                return Response::json(404,
                                      {{"code", "photo_unknown"},
                                       {"message", "Chưa có bản ghi ảnh nào trỏ tới ảnh này."}});
            if (r.method == "GET")
                return Response::json(404, {{"code", "not_found"}, {"message", "chưa có"}});
            return takeChunk(r, &received);
        };
        auto d = device(server);
        QVERIFY(storedPhoto(d->db.connection(), d->root, unknown, "camera"));
        QVERIFY(storedPhoto(d->db.connection(), d->root, known, "camera"));
        QVERIFY(d->wantThumbnail(ContentHash::sha256Of("another photo")));
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QCOMPARE(received, known);
        QVERIFY(requestsOf(server, "GET").size() == 1); // the thumbnail was asked for
        const QList<PendingPhoto> pending = d->manager->pendingPhotos(d->root);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().sha256, unknownSha);
        QCOMPARE(d->transfer(unknownSha, "last_error"),
                 QStringLiteral("Chưa có bản ghi ảnh nào trỏ tới ảnh này."));
    }

    // Thumbnails that pulled photo rows ask for are fetched and written under the data root;
    // one the registry does not have yet (404 photo_missing) stays wanted for the next round;
    // one it cannot make (404 thumbnail_unavailable: the file is no image it reads) is not asked
    // for again; one already on disk, or a name that is no SHA-256, is not asked for.
    void wantedThumbnailsAreFetched()
    {
        const QByteArray thumb = realPhoto("orientation/landscape_1.jpg");
        const QString fetched = ContentHash::sha256Of("photo with a thumbnail");
        const QString missing = ContentHash::sha256Of("photo not on the registry yet");
        const QString unreadable = ContentHash::sha256Of("a file that is no image");
        const QString onDisk = ContentHash::sha256Of("photo whose thumbnail the device has");
        const QString notASha = QString(64, QLatin1Char('Z'));
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({});
            if (r.path == "/api/v1/photos/" + fetched.toLatin1() + "/thumbnail")
                return Response::file(thumb);
            if (r.path == "/api/v1/photos/" + unreadable.toLatin1() + "/thumbnail")
                return Response::json(404, {{"code", "thumbnail_unavailable"}, {"message", "no"}});
            return Response::json(404, {{"code", "photo_missing"}, {"message", "not yet"}});
        };
        auto d = device(server);
        for (const QString &sha : {fetched, missing, unreadable, onDisk, notASha})
            QVERIFY(d->wantThumbnail(sha));
        const QString onDiskPath = PhotoStore(d->root).thumbnailPath(onDisk);
        QVERIFY(QDir().mkpath(QFileInfo(onDiskPath).absolutePath()));
        QFile f(onDiskPath);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("jpeg") == 4);
        f.close();

        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        QStringList asked;
        for (const Request &r : requestsOf(server, "GET"))
            asked << QString::fromLatin1(r.path);
        asked.sort();
        QStringList expected{"/api/v1/photos/" + fetched + "/thumbnail",
                             "/api/v1/photos/" + missing + "/thumbnail",
                             "/api/v1/photos/" + unreadable + "/thumbnail"};
        expected.sort();
        QCOMPARE(asked, expected);
        QFile written(PhotoStore(d->root).thumbnailPath(fetched));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), thumb);
        QCOMPARE(d->transfer(fetched, "thumb_state"), QStringLiteral("fetched"));
        QVERIFY(!QFileInfo::exists(PhotoStore(d->root).thumbnailPath(missing)));
        QCOMPARE(d->transfer(missing, "thumb_state"), QStringLiteral("wanted"));
        QCOMPARE(d->transfer(onDisk, "thumb_state"), QStringLiteral("fetched"));
        QCOMPARE(d->transfer(notASha, "thumb_state"), QStringLiteral("fetched"));
        QCOMPARE(d->transfer(unreadable, "thumb_state"), QStringLiteral("none"));
        QCOMPARE(d->manager->wantedThumbnails(), QStringList{missing});

        // The next round asks for the one the registry does not have yet, only.
        const qsizetype before = requestsOf(server, "GET").size();
        QVERIFY(d->round());
        QVERIFY2(d->calls.error.ok(), qPrintable(d->calls.error.message()));
        const QList<Request> again = requestsOf(server, "GET").mid(before);
        QCOMPARE(again.size(), 1);
        QCOMPARE(QString::fromLatin1(again.first().path),
                 QString("/api/v1/photos/" + missing + "/thumbnail"));
    }

    // A thumbnail request that fails otherwise ends the round; nothing is written.
    void aFailedThumbnailEndsTheRound()
    {
        const QString sha = ContentHash::sha256Of("pulled photo");
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({});
            return Response::json(500, {{"code", "internal"}, {"message", "boom"}});
        };
        auto d = device(server);
        QVERIFY(d->wantThumbnail(sha));
        QVERIFY(d->round());
        QCOMPARE(d->calls.kind, SyncErrors::Kind::Server);
        QVERIFY(!QFileInfo::exists(PhotoStore(d->root).thumbnailPath(sha)));
        QCOMPARE(d->manager->wantedThumbnails(), QStringList{sha});
    }

    // An original asked for is fetched on its own connection, checked against its name and
    // kept: originalReady names a file whose SHA-256 is the one asked for. Asked for again, it is
    // there at once.
    void anOriginalIsFetchedAndChecked()
    {
        const QByteArray bytes = realPhoto("mobile/jolla.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.method == "GET" && r.path == "/api/v1/photos/" + sha.toLatin1())
                return Response::file(bytes);
            return Response::json(404, {{"code", "not_found"}, {"message", "no"}});
        };
        auto d = device(server);
        QSignalSpy ready(d->photos.get(), &PhotoTransfer::originalReady);
        QSignalSpy failed(d->photos.get(), &PhotoTransfer::originalFailed);
        QSignalSpy progress(d->photos.get(), &PhotoTransfer::originalProgress);
        d->photos->fetchOriginal(sha);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 10000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(ready.first().at(0).toString(), sha);
        const QString path = ready.first().at(1).toString();
        QCOMPARE(path, PhotoStore(d->root).originalPath(sha));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(ContentHash::sha256Of(f.readAll()), sha);
        QCOMPARE(d->transfer(sha, "on_server"), QStringLiteral("1"));
        QCOMPARE(server.requests.size(), 1);
        // Its progress: this photo's, never going back, ending at its whole size; and it is in
        // the cache of fetched originals.
        QVERIFY(!progress.isEmpty());
        qint64 received = 0;
        for (const QList<QVariant> &p : progress) {
            QCOMPARE(p.at(0).toString(), sha);
            QVERIFY(p.at(1).toLongLong() >= received);
            received = p.at(1).toLongLong();
        }
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(bytes.size()));
        QCOMPARE(progress.last().at(2).toLongLong(), qint64(bytes.size()));
        QVERIFY(!d->transfer(sha, "original_fetched_at").isEmpty());

        d->photos->fetchOriginal(sha);
        QCOMPARE(ready.size(), 2); // at once, from the file
        QCOMPARE(ready.last().at(1).toString(), path);
        QCOMPARE(server.requests.size(), 1);
    }

    // Fetching is stopped (the user logs out) while an original is under way and another waits:
    // both fail with the reason given, and an original asked for afterwards is fetched. The
    // queue kept the one under way, whose answer never came, and held back every later one.
    void stoppedOriginalsFailAndTheNextIsFetched()
    {
        const QByteArray slow = realPhoto("mobile/jolla.jpg");
        const QByteArray waiting = realPhoto("gps/DSCN0010.jpg");
        const QByteArray later = realPhoto("gps/DSCN0012.jpg");
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            for (const QByteArray *b : {&slow, &waiting, &later})
                if (r.path == "/api/v1/photos/" + ContentHash::sha256Of(*b).toLatin1()) {
                    Response file = Response::file(*b);
                    if (b == &slow)
                        file.delayMs = 3000;
                    return file;
                }
            return Response::json(404, {{"code", "not_found"}, {"message", "no"}});
        };
        auto d = device(server);
        QSignalSpy ready(d->photos.get(), &PhotoTransfer::originalReady);
        QSignalSpy failed(d->photos.get(), &PhotoTransfer::originalFailed);
        d->photos->fetchOriginal(ContentHash::sha256Of(slow));
        d->photos->fetchOriginal(ContentHash::sha256Of(waiting));
        QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 1, 5000);
        d->photos->abortOriginals(QStringLiteral("đã đăng xuất"));
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(0).at(0).toString(), ContentHash::sha256Of(slow));
        QCOMPARE(failed.at(1).at(0).toString(), ContentHash::sha256Of(waiting));
        QCOMPARE(failed.at(1).at(1).toString(), QStringLiteral("đã đăng xuất"));
        d->photos->fetchOriginal(ContentHash::sha256Of(later));
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 5000);
        QCOMPARE(ready.first().at(0).toString(), ContentHash::sha256Of(later));
        QCOMPARE(failed.size(), 2);
    }

    // Fetched originals are a cache: past its limit a new one makes room, the least recently
    // shown going first (the app said it showed the first again), and what went is fetched again
    // when asked for.
    void fetchedOriginalsMakeRoomForANewOne()
    {
        QHash<QByteArray, QByteArray> photos;
        QStringList shas;
        for (const char *name : {"gps/DSCN0010.jpg", "gps/DSCN0012.jpg", "gps/DSCN0021.jpg"}) {
            const QByteArray bytes = realPhoto(QLatin1String(name));
            shas << ContentHash::sha256Of(bytes);
            photos.insert("/api/v1/photos/" + shas.last().toLatin1(), bytes);
        }
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.method == "GET" && photos.contains(r.path))
                return Response::file(photos.value(r.path));
            return Response::json(404, {{"code", "not_found"}, {"message", "no"}});
        };
        auto d = device(server);
        // Room for the first two (the largest) and for any two of the three.
        const auto sizeOf = [&](int i) {
            return qint64(photos.value("/api/v1/photos/" + shas.at(i).toLatin1()).size());
        };
        d->photos->setOriginalCacheLimit(sizeOf(0) + sizeOf(1));
        QSignalSpy ready(d->photos.get(), &PhotoTransfer::originalReady);
        QSignalSpy removed(d->photos.get(), &PhotoTransfer::originalsRemoved);
        const auto fetch = [&](const QString &sha) {
            const qsizetype before = ready.size();
            // Each at a later millisecond than the one before: the cache orders by time.
            QTest::qWait(3);
            d->photos->fetchOriginal(sha);
            return QTest::qWaitFor([&] { return ready.size() > before; }, 10000);
        };
        QVERIFY(fetch(shas.at(0)));
        QVERIFY(fetch(shas.at(1)));
        QCOMPARE(server.requests.size(), 2);
        QTest::qWait(3);
        d->photos->originalShown(shas.at(0));
        QVERIFY(removed.isEmpty());

        QVERIFY(fetch(shas.at(2)));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(0).toStringList(), QStringList{shas.at(1)});
        const PhotoStore store(d->root);
        QVERIFY(QFileInfo::exists(store.originalPath(shas.at(0))));
        QVERIFY(!QFileInfo::exists(store.originalPath(shas.at(1))));
        QVERIFY(QFileInfo::exists(store.originalPath(shas.at(2))));

        // Asked for again, the removed one comes from the registry again (and the first, now the
        // least recently shown, makes room for it).
        QVERIFY(fetch(shas.at(1)));
        QCOMPARE(server.requests.size(), 4);
        QVERIFY(QFileInfo::exists(store.originalPath(shas.at(1))));
        QCOMPARE(removed.size(), 2);
        QCOMPARE(removed.last().at(0).toStringList(), QStringList{shas.at(0)});

        // A lower limit set as the app starts waits for the next original fetched.
        d->photos->setOriginalCacheLimit(sizeOf(1));
        QCOMPARE(removed.size(), 2);
        d->photos->setOriginalCacheLimit(OriginalCache::kDefaultLimit);
        // One set by the user applies at once: room for the last one fetched only.
        d->photos->setOriginalCacheLimit(sizeOf(1), true);
        QCOMPARE(removed.size(), 3);
        QCOMPARE(removed.last().at(0).toStringList(), QStringList{shas.at(2)});
        QVERIFY(!QFileInfo::exists(store.originalPath(shas.at(2))));
        QVERIFY(QFileInfo::exists(store.originalPath(shas.at(1))));
        // A higher one removes nothing.
        d->photos->setOriginalCacheLimit(OriginalCache::kDefaultLimit, true);
        QCOMPARE(removed.size(), 3);
        QCOMPARE(server.requests.size(), 4);
    }

    // A PNG (chosen from a file) is kept under its own suffix, as the app keeps it: it is found
    // for upload there, and its original, fetched on another device, is written there too. Sync
    // once looked for every original under ".jpg" and skipped a PNG as "not on this device".
    void aPngIsSentAndFetchedWhereTheAppKeepsIt()
    {
        QImage image;
        QVERIFY(image.loadFromData(realPhoto("gps/DSCN0021.jpg")));
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && image.scaledToWidth(320).save(&buffer, "PNG"));
        const QString sha = ContentHash::sha256Of(png);

        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.method == "GET" && r.path == "/api/v1/photos/" + sha.toLatin1())
                return Response::file(png);
            return Response::json(404, {{"code", "not_found"}, {"message", "no"}});
        };
        auto sender = device(server);
        QVERIFY(storedPhoto(sender->db.connection(), sender->root, png, "file", "image/png"));
        const QList<PendingPhoto> pending = sender->manager->pendingPhotos(sender->root);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().path, PhotoStore(sender->root).originalPath(sha, "image/png"));
        QCOMPARE(pending.first().size, png.size());

        auto other = device(server);
        QVERIFY(RecordWriter(other->db.connection())
                    .insert("photos", {{"sha256", sha},
                                       {"source", "file"},
                                       {"byte_size", png.size()},
                                       {"mime", "image/png"}})
                    .ok());
        QSignalSpy ready(other->photos.get(), &PhotoTransfer::originalReady);
        QSignalSpy failed(other->photos.get(), &PhotoTransfer::originalFailed);
        other->photos->fetchOriginal(sha);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 10000);
        QCOMPARE(failed.size(), 0);
        const QString fetched = PhotoStore(other->root).originalPath(sha, "image/png");
        QCOMPARE(ready.first().at(1).toString(), fetched);
        QVERIFY(PhotoStore(other->root).hasOriginal(sha, "image/png", png.size()));
    }

    // An original the registry does not have (404), or whose bytes are not the photo asked for,
    // is refused with a message that says so, and no file is kept.
    void anOriginalThatCannotBeHadFails_data()
    {
        QTest::addColumn<bool>("mismatch");
        QTest::newRow("not on the registry") << false;
        QTest::newRow("other bytes") << true;
    }

    void anOriginalThatCannotBeHadFails()
    {
        QFETCH(bool, mismatch);
        const QString sha = ContentHash::sha256Of(realPhoto("gps/DSCN0025.jpg"));
        FakeRegistry server;
        server.handler = [&](const Request &) -> Response {
            if (!mismatch)
                return Response::json(404, {{"code", "not_found"}, {"message", "no"}});
            return Response::file(realPhoto("gps/DSCN0027.jpg"));
        };
        auto d = device(server);
        QSignalSpy ready(d->photos.get(), &PhotoTransfer::originalReady);
        QSignalSpy failed(d->photos.get(), &PhotoTransfer::originalFailed);
        d->photos->fetchOriginal(sha);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !ready.isEmpty(), 10000);
        QCOMPARE(ready.size(), 0);
        QCOMPARE(failed.first().at(0).toString(), sha);
        const QString message = failed.first().at(1).toString();
        if (mismatch)
            QCOMPARE(message,
                     SyncErrors::malformed(QStringLiteral("photo ") + sha.left(8)).message());
        else
            QVERIFY2(message.contains(QStringLiteral("Ảnh gốc chưa có trên máy chủ")),
                     qPrintable(message));
        QVERIFY(!QFileInfo::exists(PhotoStore(d->root).originalPath(sha)));
        QCOMPARE(d->transfer(sha, "on_server"), QString());
    }

    // A name that is no SHA-256 is refused without asking the registry.
    void anOriginalWithABadNameFails()
    {
        FakeRegistry server;
        auto d = device(server);
        QSignalSpy ready(d->photos.get(), &PhotoTransfer::originalReady);
        QSignalSpy failed(d->photos.get(), &PhotoTransfer::originalFailed);
        d->photos->fetchOriginal(QStringLiteral("not a photo name"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        // A name that climbs out of the data root is refused before any file is looked for,
        // even when a file is there.
        const QString climbing = QStringLiteral("../../outside");
        // Where a path made from the name alone (the fan-out, the name, ".jpg") would point.
        const QString outside = d->root + "/photos/" + climbing.left(2) + "/" + climbing + ".jpg";
        QVERIFY(QDir().mkpath(d->root + "/photos")); // for the system to resolve the ".."
        QFile f(outside);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("not a photo") > 0);
        f.close();
        QVERIFY(!QFileInfo(outside).canonicalFilePath().startsWith(
            QFileInfo(d->root).canonicalFilePath() + "/photos/"));
        d->photos->fetchOriginal(climbing);
        QCOMPARE(failed.size(), 2);
        QCOMPARE(ready.size(), 0);
        QVERIFY(server.requests.isEmpty());
    }

    // A thumbnail that is not a JPEG (an empty body, a Wi-Fi login page answered with 200) is not
    // kept as one: the round ends as for a malformed reply and the thumbnail stays wanted.
    void aThumbnailThatIsNoImageIsNotKept_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("login page") << QByteArray("<html><body>Đăng nhập Wi-Fi</body></html>");
    }
    void aThumbnailThatIsNoImageIsNotKept()
    {
        QFETCH(QByteArray, body);
        const QString sha = ContentHash::sha256Of("pulled photo");
        FakeRegistry server;
        server.handler = [&](const Request &r) -> Response {
            if (r.path == "/api/v1/photos/status")
                return statusReply({});
            return Response::file(body);
        };
        auto d = device(server);
        QVERIFY(d->wantThumbnail(sha));
        QVERIFY(d->round());
        QCOMPARE(d->calls.kind, SyncErrors::Kind::Malformed);
        QVERIFY(!QFileInfo::exists(PhotoStore(d->root).thumbnailPath(sha)));
        QCOMPARE(d->manager->wantedThumbnails(), QStringList{sha});
    }
};

QTEST_GUILESS_MAIN(TestPhotoTransfer)
#include "tst_phototransfer.moc"
