#pragma once

#include "coreerror.h"
#include "protocolversion.h"
#include "pullapplier.h"
#include "syncerrors.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class PageReader;
class PulledPage;
class SyncHttp;
class SyncManager;
class SyncWorker;
struct SyncReply;

// The round's pull (sync/PROTOCOL.md, Pull) for SyncClient, after its push: pages from the stored
// cursor until `more` is false, each written with its cursor by the round's SyncWorker while the
// next one is asked for on the other connection. It keeps the registry's epoch this device last
// pulled from (sync_state.registry_epoch) and, when a page shows that the registry went back
// (restored from a backup), has RestoreRequeue queue this device's later versions again before
// the pull starts over.
class PullPhase : public QObject
{
    Q_OBJECT
public:
    // What the pull asks of the round it is part of (SyncClient's). The calls may emit the
    // client's signals, whose handlers may end the round (the sync page's Stop, a logout) and even
    // begin another: a call that returns false (endsRound: true) says so, and the pull must not go
    // on with the round.
    struct Round {
        // The number of the round under way, 0 when none: the answer to work handed over in a
        // round goes on only while that round does.
        std::function<quint64()> number;
        // The round's progress bar (0 to 1 for the whole round) moves on to `progress`, never
        // back, in `phase`.
        std::function<bool(double progress, const QString &phase)> advance;
        // A reply of the round: if it failed, the round ends with its error. True when the pull
        // must not go on.
        std::function<bool(const SyncReply &)> endsRound;
        // Ends the round with `error`.
        std::function<void(const CoreError &error, SyncErrors::Kind kind)> finish;
        // A page of the round was written: `rows` rows, `deferred` of them not yet in the
        // search index (SearchBacklog).
        std::function<void(int rows, int deferred)> written;
        // A page of an ended round was written (the worker had begun it): the round that asked
        // for it has reported already, so its rows are announced on their own.
        std::function<void(int rows, int deferred)> writtenLate;
        // What the round did that the user should know of (a restore of the registry).
        std::function<bool(const QString &notice)> notice;
        // The user's role: a restore queues again only rows of the tables it may write.
        std::function<QString()> role;
        // A restore queued `rows` rows again: the round pushes them, then start()s the pull
        // again from the stored cursor.
        std::function<void(int rows)> pushAgain;
        // The last page is written: the round's next phase.
        std::function<void()> done;
    };

    // Pages are asked for on `http` (the round's connection) and `aheadHttp` in turn. `manager`
    // reads the cursor and the stored epoch.
    PullPhase(SyncManager &manager, SyncHttp *http, SyncHttp *aheadHttp, Round round,
              QObject *parent = nullptr);
    ~PullPhase() override;

    // The share of a pull done: the cursor's way from the round's first cursor `from` to the
    // registry's latest sequence `last` (1 when there is nothing between them).
    static double fraction(qint64 from, qint64 next, qint64 last);
    // Rows asked for per page (at most the protocol's limit).
    void setPageSize(int n) { m_pageSize = qBound(1, n, ProtocolVersion::maxPullLimit); }
    // Starts (or, after a restore's push, starts again) the round's pull at the stored cursor.
    // `worker` has answered all the work handed to it before (nothing of an earlier round is
    // left with it) and writes the pages.
    void start(SyncWorker *worker);
    // The round ended: a page asked for is dropped, and so are the answers for pages of it
    // still to come.
    void end();
    // Another user or registry than this device last pulled for: the epoch is forgotten with
    // the cursor (SyncManager::setAuthFrom).
    void forgetEpoch() { m_registryEpoch.clear(); }
    // The epoch this device last pulled from (empty: none known). Sent with each push
    // (X-CCN-Epoch): a registry in another epoch knows the push's bases predate its restore.
    QString registryEpoch() const { return m_registryEpoch; }

private:
    void requestPage(qint64 since);
    void pageArrived(qint64 since, const SyncReply &r);
    // The page of `since`, read on the reader's thread (`ok`: read whole).
    void pageRead(qint64 since, std::shared_ptr<PulledPage> page, bool ok);
    // The registry refused the page's size as too large (one from before 10,000-row pages).
    bool limitRefused(const SyncReply &r) const;
    // The worker's answer for a page of the worker's round `round` (on this thread).
    void pageWritten(quint64 round, std::shared_ptr<PulledPage> page, qint64 since, qint64 lastSeq,
                     const CoreError &error, const PullApplier::Page &result, bool dropped);
    // The registry went back to `registrySeq` (restored from a backup): this device's later
    // versions are queued again with `baseSeq` (RestoreRequeue), then the pull goes on from
    // `cursor`.
    void restartPull(std::shared_ptr<PulledPage> page, qint64 registrySeq, qint64 baseSeq,
                     qint64 cursor, const QString &epoch);

    SyncManager &m_manager;
    SyncHttp *m_http;
    SyncHttp *m_aheadHttp; // the page after the one being written
    Round m_round;
    std::unique_ptr<PageReader> m_reader;
    int m_pageSize = ProtocolVersion::maxPullLimit;
    QString m_registryEpoch;        // the epoch this device last pulled from (sync_state)
    SyncWorker *m_worker = nullptr; // the round's, from start()
    quint64 m_workerRound = 0;      // the worker's round of this round's pull
    SyncHttp *m_pullHttp = nullptr; // the client of the last page asked for
    bool m_pullAsked = false;       // a page asked for and not arrived
    qint64 m_pullAhead = -1;        // the next page's cursor, asked for later
    std::vector<std::shared_ptr<PulledPage>> m_freePages; // read buffers, kept for the round
    int m_roundPages = 0;                                 // pages of the round written
    qint64 m_pullFrom = -1;                               // the round's first pull cursor
};
