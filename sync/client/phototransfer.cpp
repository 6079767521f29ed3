#include "phototransfer.h"

#include "contenthash.h"

#include "synchttp.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

PhotoTransfer::PhotoTransfer(SyncManager &manager, const QString &dataRoot, SyncHttp *http,
                             SyncHttp *fileHttp, Round round, QObject *parent)
    : QObject(parent), m_manager(manager), m_store(dataRoot), m_cache(manager.database(), m_store),
      m_http(http), m_fileHttp(fileHttp), m_round(std::move(round))
{
}

void PhotoTransfer::setChunkSize(int bytes)
{
    m_chunkSize = qBound(1, bytes, 1 << 20);
    m_uploadChunk = m_chunkSize;
    m_chunksInARow = 0;
}

CoreError PhotoTransfer::openStore()
{
    if (m_storeOpen)
        return {};
    const CoreError e = m_store.open();
    m_storeOpen = e.ok();
    return e;
}

// --- the round's photo phase --------------------------------------------------------------------

void PhotoTransfer::start()
{
    if (!m_round.progress(0.7, QStringLiteral("photos")))
        return;
    // The photo folders as the app keeps them (brought up to this layout, or refused if newer).
    const CoreError opened = openStore();
    if (opened.failed())
        return m_round.finish(opened, SyncErrors::Kind::Local);
    m_uploads = m_manager.pendingPhotos(m_store.root());
    // A photo no row on the registry names yet goes once one is stored (the registry would
    // refuse its bytes): its row waits in the outbox, refused, or for another user.
    m_uploads.removeIf([](const PendingPhoto &p) { return !p.named; });
    m_uploadBytesTotal = 0;
    m_uploadBytesDone = 0;
    for (const PendingPhoto &p : m_uploads)
        m_uploadBytesTotal += p.size;
    photosStatus(0);
}

void PhotoTransfer::photosStatus(int from)
{
    if (from >= m_uploads.size()) {
        m_uploadIndex = 0;
        m_uploadRetries = 0;
        return uploadNext();
    }
    QJsonArray shas;
    for (int i = from; i < m_uploads.size() && shas.size() < 200; ++i)
        shas.append(m_uploads.at(i).sha256);
    const int to = from + int(shas.size());
    m_http->postJson(
        QStringLiteral("photos/status"), QJsonObject{{QStringLiteral("sha256"), shas}},
        [this, from, to](const SyncReply &r) {
            if (m_round.endsRound(r, {}))
                return;
            QJsonObject o;
            if (!r.json(&o) || !o.value(QLatin1String("photos")).isObject())
                return m_round.finish(SyncErrors::malformed(QStringLiteral("photos/status")),
                                      SyncErrors::Kind::Malformed);
            const QJsonObject photos = o.value(QLatin1String("photos")).toObject();
            for (int i = from; i < to; ++i) {
                PendingPhoto &p = m_uploads[i];
                const QJsonObject s = photos.value(p.sha256).toObject();
                const QString state = s.value(QLatin1String("state")).toString();
                if (state == QLatin1String("complete")) {
                    m_manager.setPhotoUploaded(p.sha256, p.size, p.size, true);
                    p.uploadedBytes = -1; // nothing to send
                } else if (state == QLatin1String("partial")) {
                    p.uploadedBytes = qint64(s.value(QLatin1String("received")).toDouble());
                } else {
                    p.uploadedBytes = 0;
                }
            }
            photosStatus(to);
        });
}

void PhotoTransfer::uploadNext()
{
    if (!m_round.going()) // ended by a handler of a signal emitted on the way here
        return;
    while (m_uploadIndex < m_uploads.size() && m_uploads.at(m_uploadIndex).uploadedBytes < 0) {
        m_uploadBytesDone += m_uploads.at(m_uploadIndex).size;
        ++m_uploadIndex;
    }
    if (m_uploadIndex >= m_uploads.size()) {
        if (!m_round.recount())
            return;
        m_thumbs = m_manager.wantedThumbnails();
        m_thumbIndex = 0;
        return thumbsNext();
    }
    m_uploadOffset = qBound<qint64>(0, m_uploads.at(m_uploadIndex).uploadedBytes,
                                    m_uploads.at(m_uploadIndex).size);
    m_uploadRetries = 0;
    uploadChunk();
}

void PhotoTransfer::uploadChunk()
{
    PendingPhoto &p = m_uploads[m_uploadIndex];
    QFile f(p.path);
    QByteArray chunk;
    // The registry may hold the whole photo without having finished it (it stopped between the
    // last chunk and its check): an empty chunk at the end asks it to finish.
    if (!f.open(QIODevice::ReadOnly) || !f.seek(m_uploadOffset) ||
        (m_uploadOffset < f.size() && (chunk = f.read(chunkSize())).isEmpty())) {
        // The file went away (the photo was deleted): skip it, it is not the round's fault.
        m_manager.setPhotoError(p.sha256, f.errorString());
        p.uploadedBytes = -1;
        return uploadNext();
    }
    const qint64 total = f.size();
    p.size = total;
    const SyncHttp::Headers headers{{"X-CCN-Offset", QByteArray::number(m_uploadOffset)},
                                    {"X-CCN-Total-Size", QByteArray::number(total)}};
    const qint64 end = m_uploadOffset + chunk.size();
    m_http->put(
        QStringLiteral("photos/%1").arg(p.sha256), chunk, headers,
        [this, end, total](const SyncReply &r) {
            PendingPhoto &p = m_uploads[m_uploadIndex];
            QJsonObject o;
            r.json(&o);
            if (r.networkError == QNetworkReply::NoError && r.status == 409 &&
                o.value(QLatin1String("received")).isDouble() && m_uploadRetries < 3) {
                // The registry holds a different amount than we thought: resume there.
                if (!m_round.replied(r))
                    return;
                ++m_uploadRetries;
                m_uploadOffset =
                    qBound<qint64>(0, qint64(o.value(QLatin1String("received")).toDouble()), total);
                return uploadChunk();
            }
            if (r.networkError == QNetworkReply::NoError &&
                (r.status == 422 || (r.status == 404 && o.value(QLatin1String("code")).toString() ==
                                                            QLatin1String("photo_unknown")))) {
                // The local file does not match its name, or no row the registry holds names
                // it (lost in a restore, say): never send it again this round, and go on with the
                // others (one photo holds none of them back).
                m_manager.setPhotoError(p.sha256, o.value(QLatin1String("message")).toString());
                p.uploadedBytes = -1;
                if (!m_round.replied(r))
                    return;
                return uploadNext();
            }
            if (m_round.endsRound(r, [this](SyncErrors::Kind kind) {
                    if (kind == SyncErrors::Kind::Offline || kind == SyncErrors::Kind::Timeout) {
                        // Lost on the way: smaller chunks have a better chance on this link.
                        m_uploadChunk = qMax(qMin(64 * 1024, m_chunkSize), chunkSize() / 2);
                        m_chunksInARow = 0;
                    }
                }))
                return;
            if (++m_chunksInARow >= 4 && m_uploadChunk < m_chunkSize) {
                m_uploadChunk = qMin(m_chunkSize, m_uploadChunk * 2);
                m_chunksInARow = 0;
            }
            m_uploadOffset = end;
            const bool complete = end >= total;
            m_manager.setPhotoUploaded(p.sha256, end, total, complete);
            // A handler of the progress may have cancelled the round: nothing more of this one.
            if (!m_round.progress(0.7 + 0.25 * double(m_uploadBytesDone + end) /
                                            double(qMax<qint64>(1, m_uploadBytesTotal)),
                                  QStringLiteral("photos")))
                return;
            if (complete) {
                p.uploadedBytes = -1;
                if (!m_round.recount())
                    return;
                return uploadNext();
            }
            m_uploadRetries = 0;
            uploadChunk();
        });
}

void PhotoTransfer::thumbsNext()
{
    while (m_thumbIndex < m_thumbs.size()) {
        const QString sha = m_thumbs.at(m_thumbIndex);
        if (!ContentHash::isSha256(sha) || m_store.hasThumbnail(sha)) {
            m_manager.setThumbnailFetched(sha);
            ++m_thumbIndex;
            continue;
        }
        break;
    }
    if (m_thumbIndex >= m_thumbs.size())
        return m_round.finish({}, SyncErrors::Kind::None);
    const QString sha = m_thumbs.at(m_thumbIndex);
    if (!m_round.progress(0.95 + 0.05 * m_thumbIndex / qMax(1, int(m_thumbs.size())),
                          QStringLiteral("thumbs")))
        return;
    m_http->get(QStringLiteral("photos/%1/thumbnail").arg(sha), [this, sha](const SyncReply &r) {
        ++m_thumbIndex;
        if (r.networkError == QNetworkReply::NoError && r.status == 404) {
            if (!m_round.replied(r))
                return;
            // The registry cannot make one (the file is no image it reads): not asked for again
            // (the app shows the photo without a preview). Otherwise the original has not
            // reached the registry yet: try again next round.
            if (QJsonObject body; r.json(&body) && body.value(QStringLiteral("code")).toString() ==
                                                       QLatin1String("thumbnail_unavailable")) {
                if (const CoreError e = m_manager.setThumbnailUnavailable(sha); e.failed())
                    return m_round.finish(e, SyncErrors::Kind::Local);
            }
            return thumbsNext();
        }
        if (m_round.endsRound(r, {}))
            return;
        // A thumbnail is a JPEG the registry made (RegistryPhotoStore). Anything else (an empty
        // body, a Wi-Fi login page answered with 200) is not kept as one: the round ends as for
        // any reply that is not what the protocol says, and the thumbnail stays wanted.
        if (!r.body.startsWith("\xFF\xD8\xFF"))
            return m_round.finish(SyncErrors::malformed(QStringLiteral("photos/thumbnail")),
                                  SyncErrors::Kind::Malformed);
        const CoreError written = m_store.writeThumbnail(sha, r.body);
        if (written.failed())
            return m_round.finish(written, SyncErrors::Kind::Local);
        m_manager.setThumbnailFetched(sha);
        thumbsNext();
    });
}

// --- originals on demand ------------------------------------------------------------------------

void PhotoTransfer::fetchOriginal(const QString &sha256)
{
    // The name first: one like "../x" would make a path outside the data root.
    if (!ContentHash::isSha256(sha256)) {
        emit originalFailed(sha256, tr("Mã ảnh không hợp lệ."));
        return;
    }
    const CoreError opened = openStore();
    if (opened.failed()) {
        emit originalFailed(sha256, opened.message());
        return;
    }
    const QString path = m_store.originalPath(sha256, m_manager.photoMime(sha256));
    if (QFileInfo::exists(path)) {
        originalShown(sha256);
        emit originalReady(sha256, path);
        return;
    }
    if (!m_originalQueue.contains(sha256))
        m_originalQueue << sha256;
    if (!m_fileHttp->busy() && m_originalQueue.size() == 1)
        fetchNextOriginal();
}

void PhotoTransfer::fetchNextOriginal()
{
    if (m_originalQueue.isEmpty())
        return;
    const QString sha = m_originalQueue.first();
    const auto progress = [this, sha](qint64 received, qint64 total) {
        emit originalProgress(sha, received, total);
    };
    m_fileHttp->get(
        QStringLiteral("photos/%1").arg(sha),
        [this, sha](const SyncReply &r) {
            m_originalQueue.removeAll(sha);
            m_round.replied(r);
            SyncErrors::Kind kind = SyncErrors::Kind::None;
            CoreError e = SyncErrors::fromReply(r, &kind);
            if (e.ok() && ContentHash::sha256Of(r.body) != sha)
                e = SyncErrors::malformed(QStringLiteral("photo %1").arg(sha.left(8)));
            const QString mime = m_manager.photoMime(sha);
            if (e.ok())
                e = m_store.writeOriginal(sha, mime, r.body);
            if (e.failed()) {
                if (r.status == 404)
                    e = CoreError(
                        CoreError::Code::NotFound,
                        tr("Ảnh gốc chưa có trên máy chủ (máy chụp ảnh chưa đồng bộ). Hãy "
                           "thử lại sau."));
                emit originalFailed(sha, e.message());
            } else {
                m_manager.setPhotoUploaded(sha, r.body.size(), r.body.size(), true);
                makeRoomFor(sha);
                emit originalReady(sha, m_store.originalPath(sha, mime));
            }
            fetchNextOriginal();
        },
        progress);
}

void PhotoTransfer::abortOriginals(const QString &why)
{
    // The connection's abort drops the reply's handler: the queue is emptied here, or its first
    // would wait for an answer that never comes and hold back every later original.
    m_fileHttp->abort();
    const QStringList queued = std::exchange(m_originalQueue, {});
    for (const QString &sha : queued)
        emit originalFailed(sha, why);
}

void PhotoTransfer::originalShown(const QString &sha256)
{
    // Only the order of removal depends on it: a failure is not worth the user's attention.
    if (const CoreError e = m_cache.used(sha256, QDateTime::currentMSecsSinceEpoch()); e.failed())
        qWarning("photo cache: %s", qPrintable(e.message()));
}

void PhotoTransfer::setOriginalCacheLimit(qint64 bytes, bool trimNow)
{
    const bool lower = bytes < m_cacheLimit;
    m_cacheLimit = bytes;
    if (lower && trimNow)
        trimCache(QString());
}

void PhotoTransfer::makeRoomFor(const QString &sha256)
{
    // The original is whole on the device already: a failure here costs space, not the photo.
    if (const CoreError e = m_cache.fetched(sha256, QDateTime::currentMSecsSinceEpoch());
        e.failed())
        qWarning("photo cache: %s", qPrintable(e.message()));
    else
        trimCache(sha256);
}

void PhotoTransfer::trimCache(const QString &keep)
{
    QStringList removed;
    if (const CoreError e = m_cache.trim(m_cacheLimit, keep, &removed); e.failed())
        qWarning("photo cache: %s", qPrintable(e.message()));
    if (!removed.isEmpty())
        emit originalsRemoved(removed);
}
