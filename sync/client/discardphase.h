#pragma once

#include "coreerror.h"
#include "syncerrors.h"

#include <QObject>

#include <functional>

class SyncHttp;
class SyncWorker;
struct SyncReply;

// The round's discards (sync/PROTOCOL.md, Discards) for SyncClient, after its push and before its
// pull: the refused changes the user gave up (RejectedDiscard, refetch_rows) go to the registry,
// DiscardRequest::maxChanges at a time; it takes them off its list of refused changes and answers
// with its version of their rows, which the round's SyncWorker writes (PullApplier::
// applyRefetched) in the transaction that takes them off refetch_rows. A round that fails on the
// way leaves the rest in refetch_rows for the next round (sending a discard again changes
// nothing more on the registry); so does a registry older than discards (404), and the round
// goes on.
class DiscardPhase : public QObject
{
    Q_OBJECT
public:
    // What the phase asks of the round it is part of (SyncClient's), as PullPhase::Round.
    struct Round {
        // The number of the round under way, 0 when none.
        std::function<quint64()> number;
        // A reply of the round: if it failed, the round ends with its error. True when the phase
        // must not go on.
        std::function<bool(const SyncReply &)> endsRound;
        // Ends the round with `error`.
        std::function<void(const CoreError &error, SyncErrors::Kind kind)> finish;
        // `rows` rows of the registry were written.
        std::function<void(int rows)> written;
        // Nothing is left to send: the round's next phase.
        std::function<void()> done;
    };

    DiscardPhase(SyncHttp *http, Round round, QObject *parent = nullptr);

    // Sends what refetch_rows holds; `worker` reads it and writes the rows that come back.
    void start(SyncWorker *worker);

private:
    void next(quint64 round);
    void replied(quint64 round, const QList<qint64> &changes, bool full, const SyncReply &r);

    SyncHttp *m_http;
    Round m_round;
    SyncWorker *m_worker = nullptr;
};
