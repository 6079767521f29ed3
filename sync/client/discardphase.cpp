#include "discardphase.h"

#include "discardrequest.h"
#include "protocolversion.h"
#include "pullapplier.h"
#include "pulledpage.h"
#include "rejecteddiscard.h"
#include "synchttp.h"
#include "syncworker.h"

#include <memory>

DiscardPhase::DiscardPhase(SyncHttp *http, Round round, QObject *parent)
    : QObject(parent), m_http(http), m_round(std::move(round))
{
}

void DiscardPhase::start(SyncWorker *worker)
{
    m_worker = worker;
    next(m_round.number());
}

void DiscardPhase::next(quint64 round)
{
    auto rows = std::make_shared<QList<RejectedDiscard::Row>>();
    m_worker->run(
        [rows](QSqlDatabase db) {
            CoreError e;
            *rows = RejectedDiscard::rowsToFetch(db, DiscardRequest::maxChanges, &e);
            return e;
        },
        [this, rows, round](const CoreError &e) {
            if (round != m_round.number())
                return;
            if (e.failed())
                return m_round.finish(e, SyncErrors::Kind::Local);
            if (rows->isEmpty())
                return m_round.done();
            DiscardRequest request;
            request.protocol = ProtocolVersion::current;
            QList<qint64> changes;
            for (const RejectedDiscard::Row &r : std::as_const(*rows)) {
                request.changes.append({r.changeSeq, r.entity, r.rowId});
                changes.append(r.changeSeq);
            }
            const bool full = rows->size() == DiscardRequest::maxChanges;
            const QByteArray coding = m_http->requestCoding();
            m_http->postEncodedJson(QStringLiteral("discards"),
                                    SyncHttp::encode(request.toJson(), coding), coding,
                                    [this, round, changes, full](const SyncReply &r) {
                                        replied(round, changes, full, r);
                                    });
        });
}

void DiscardPhase::replied(quint64 round, const QList<qint64> &changes, bool full,
                           const SyncReply &r)
{
    if (round != m_round.number())
        return;
    if (r.status == 404) {
        // A registry older than discards: they wait in refetch_rows for one that knows them, and
        // the round goes on (the rows already show what they showed before those changes).
        qWarning("sync: the registry does not take discards yet; %d kept for later",
                 int(changes.size()));
        return m_round.done();
    }
    if (m_round.endsRound(r))
        return;
    auto page = std::make_shared<PulledPage>();
    if (!page->read(r.body)) {
        const QString why = page->errorMessage();
        return m_round.finish(SyncErrors::malformed(why.isEmpty()
                                                        ? QStringLiteral("discards")
                                                        : QStringLiteral("discards: ") + why),
                              SyncErrors::Kind::Malformed);
    }
    // A registry that could not answer for all of them in one page (their rows too large) says
    // how many it did, in the order sent (at least one): the rest go again.
    qsizetype handled = changes.size();
    if (!page->handled().isNull() && page->handled().type != PulledPage::Type::Missing) {
        handled = page->handled().isInteger() ? qsizetype(page->handled().toInteger()) : 0;
        if (handled < 1 || handled > changes.size())
            return m_round.finish(SyncErrors::malformed(QStringLiteral("discards: handled")),
                                  SyncErrors::Kind::Malformed);
    }
    const QList<qint64> done = changes.mid(0, handled);
    const bool again = full || handled < changes.size();
    auto written = std::make_shared<int>(0);
    m_worker->run(
        [page, done, written](QSqlDatabase db) {
            PullApplier applier(db);
            PullApplier::Page result;
            const CoreError e = applier.applyRefetched(*page, done, &result);
            *written = result.applied;
            return e;
        },
        [this, round, again, written](const CoreError &e) {
            if (round != m_round.number())
                return;
            if (e.failed())
                return m_round.finish(e, e.code() == CoreError::Code::Sql
                                             ? SyncErrors::Kind::Local
                                             : SyncErrors::Kind::Malformed);
            m_round.written(*written);
            if (again)
                return next(round);
            m_round.done();
        });
}
