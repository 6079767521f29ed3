#pragma once

#include "coreerror.h"
#include "originalcache.h"
#include "photostore.h"
#include "syncerrors.h"
#include "syncmanager.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class SyncHttp;
struct SyncReply;

// The photo files' own path (sync/PROTOCOL.md, "Photos: their own path") for SyncClient. The
// round's last phase, after its push and pull: ask the registry which of the device's photos it
// has whole or in part (photos/status, 200 at a time), upload the rest in chunks from where the
// registry stopped, then fetch the thumbnails pulled photo rows ask for. Apart from rounds: a
// photo's original on demand, one at a time on a connection of its own.
class PhotoTransfer : public QObject
{
    Q_OBJECT
public:
    // Hears the kind of a failure before that failure ends the round.
    using Ending = std::function<void(SyncErrors::Kind kind)>;
    // What the photo phase asks of the round it is part of (SyncClient's). The calls may emit
    // the client's signals, whose handlers may end the round (the sync page's Stop, a logout) and
    // even begin another: a call that returns false (endsRound: true) says so, and the phase
    // must not go on with the round.
    struct Round {
        // The round is still under way.
        std::function<bool()> going;
        // The round's progress bar (0 to 1 for the whole round) and phase.
        std::function<bool(double progress, const QString &phase)> progress;
        // The photos waiting to go up are counted again.
        std::function<bool()> recount;
        // A reply came: the client notes whether the link works (for originals too, outside
        // rounds, where the answer does not matter).
        std::function<bool(const SyncReply &)> replied;
        // A reply of the round: if it failed, the round ends with its error after `ending` (when
        // given) heard the kind. True when the phase must not go on.
        std::function<bool(const SyncReply &, const Ending &ending)> endsRound;
        // Ends the round; `error` ok: the phase is through.
        std::function<void(const CoreError &error, SyncErrors::Kind kind)> finish;
    };

    // Round requests go on `http` (the round's connection), originals on `fileHttp`. `dataRoot`
    // holds photos/ and thumbs/, laid out as the app keeps them (PhotoStore).
    PhotoTransfer(SyncManager &manager, const QString &dataRoot, SyncHttp *http, SyncHttp *fileHttp,
                  Round round, QObject *parent = nullptr);

    // The round's photo phase: its progress goes from 0.7 to 1, and it ends the round.
    void start();
    // The largest chunk, which the next one goes back to (SyncClient::setChunkSize says how the
    // size follows the link).
    void setChunkSize(int bytes);
    // The size of the next chunk.
    int chunkSize() const { return m_uploadChunk; }
    // originalReady or originalFailed follows; originalProgress meanwhile. A fetched original is
    // kept in a cache of `limit` bytes (OriginalCache): the least recently shown of the others
    // make room for it (originalsRemoved).
    void fetchOriginal(const QString &sha256);
    // The app shows an original it has: the cache keeps it the longest.
    void originalShown(const QString &sha256);
    // Stops fetching originals (the user logs out): the one under way and those waiting each get
    // originalFailed with `why`, and the next fetchOriginal starts afresh.
    void abortOriginals(const QString &why);
    // With `trimNow` (the user changed it), a lower limit applies at once: the least recently
    // shown originals go until the rest fit (originalsRemoved). Without (the app starting: no
    // file work then), from the next original fetched.
    void setOriginalCacheLimit(qint64 bytes, bool trimNow = false);
    qint64 originalCacheLimit() const { return m_cacheLimit; }

signals:
    void originalReady(const QString &sha256, const QString &path);
    void originalFailed(const QString &sha256, const QString &message);
    // total: -1 when the registry did not say.
    void originalProgress(const QString &sha256, qint64 received, qint64 total);
    void originalsRemoved(const QStringList &sha256s);

private:
    // Asks about m_uploads from `from` on, then uploads what the registry lacks.
    void photosStatus(int from);
    void uploadNext();
    void uploadChunk();
    void thumbsNext();
    void fetchNextOriginal();
    // Marks a fetched original in the cache and trims the cache to its limit around it.
    void makeRoomFor(const QString &sha256);
    // Originals past the cache limit removed, least recently shown first, `keep` aside
    // (originalsRemoved).
    void trimCache(const QString &keep);
    // Opens the photo folders once (PhotoStore::open: the layout brought up to date, or refused
    // when newer); a failure is tried again at the next use.
    CoreError openStore();

    SyncManager &m_manager;
    PhotoStore m_store;
    bool m_storeOpen = false;
    OriginalCache m_cache;
    qint64 m_cacheLimit = OriginalCache::kDefaultLimit;
    SyncHttp *m_http;
    SyncHttp *m_fileHttp;
    Round m_round;
    int m_chunkSize = 1 << 20;
    int m_uploadChunk = 1 << 20; // the chunk sent now, at most m_chunkSize (see setChunkSize)
    int m_chunksInARow = 0;      // chunks that arrived since the size last changed
    QList<PendingPhoto> m_uploads;
    int m_uploadIndex = 0;
    qint64 m_uploadOffset = 0;
    int m_uploadRetries = 0;
    qint64 m_uploadBytesTotal = 0;
    // The sizes of the photos before m_uploadIndex (sent, on the registry already, or given up):
    // the progress is this and what the registry holds of the photo being sent.
    qint64 m_uploadBytesDone = 0;
    QStringList m_thumbs;
    int m_thumbIndex = 0;
    QStringList m_originalQueue;
};
