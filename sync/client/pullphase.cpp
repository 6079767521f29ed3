#include "pullphase.h"

#include "pagereader.h"
#include "pulledpage.h"
#include "restorerequeue.h"
#include "synchttp.h"
#include "syncmanager.h"
#include "syncworker.h"

#include <QJsonObject>

PullPhase::PullPhase(SyncManager &manager, SyncHttp *http, SyncHttp *aheadHttp, Round round,
                     QObject *parent)
    : QObject(parent), m_manager(manager), m_http(http), m_aheadHttp(aheadHttp),
      m_round(std::move(round)), m_reader(std::make_unique<PageReader>())
{
    // Kept here from now on: the pull writes it (its first page, a restore) and the client has it
    // forgotten (a login for another owner).
    m_registryEpoch = m_manager.value(QStringLiteral("registry_epoch"));
}

PullPhase::~PullPhase() = default;

double PullPhase::fraction(qint64 from, qint64 next, qint64 last)
{
    if (last <= from)
        return 1.0;
    return qBound(0.0, double(next - from) / double(last - from), 1.0);
}

void PullPhase::start(SyncWorker *worker)
{
    Q_ASSERT(worker && worker->pending() == 0);
    m_worker = worker;
    m_workerRound = m_worker->beginRound();
    m_pullAhead = -1;
    requestPage(m_manager.pullCursor());
}

void PullPhase::end()
{
    m_aheadHttp->abort();
    m_workerRound = 0; // answers for pages of this round, still to come, are not this round's
    m_pullAsked = false;
    m_pullAhead = -1;
    m_freePages.clear();
    // The next round's progress counts from its own first page.
    m_roundPages = 0;
    m_pullFrom = -1;
}

void PullPhase::requestPage(qint64 since)
{
    // Two clients take turns: a page is asked for from the reply handler of the one before.
    SyncHttp *http = m_pullHttp == m_http ? m_aheadHttp : m_http;
    m_pullHttp = http;
    m_pullAsked = true;
    // This device keeps the seqs its push replies name (`own`, PushBatch::applyReply): the
    // registry need not send those versions back (a registry that does not know the header
    // sends them, and they are written again).
    http->get(QStringLiteral("pull?since=%1&limit=%2").arg(since).arg(m_pageSize),
              {{QByteArrayLiteral("X-CCN-Skip-Own"), QByteArrayLiteral("1")}},
              [this, since](const SyncReply &r) { pageArrived(since, r); });
}

void PullPhase::pageArrived(qint64 since, const SyncReply &r)
{
    m_pullAsked = false;
    if (limitRefused(r)) {
        // A registry from before 10,000-row pages: 5,000 from now on, this page asked again.
        m_pageSize = ProtocolVersion::olderMaxPullLimit;
        return requestPage(since);
    }
    if (m_round.endsRound(r))
        return;
    // Page buffers are kept for the round: simdjson's buffers are reused.
    std::shared_ptr<PulledPage> page;
    if (m_freePages.empty()) {
        page = std::make_shared<PulledPage>();
    } else {
        page = std::move(m_freePages.back());
        m_freePages.pop_back();
    }
    // Read on the reader's thread, not this one (the UI's). Until it is read, the page counts as
    // asked for: nothing else asks for it meanwhile.
    m_pullAsked = true;
    m_reader->read(page, r.body, [this, page, since, round = m_workerRound](bool ok) mutable {
        if (round != m_workerRound || m_round.number() == 0)
            return; // the round ended while the page was read
        m_pullAsked = false;
        pageRead(since, std::move(page), ok);
    });
}

void PullPhase::pageRead(qint64 since, std::shared_ptr<PulledPage> page, bool ok)
{
    if (!ok) {
        const QString why = page->errorMessage();
        m_freePages.push_back(std::move(page));
        return m_round.finish(SyncErrors::malformed(why.isEmpty() ? QStringLiteral("pull")
                                                                  : QStringLiteral("pull: ") + why),
                              SyncErrors::Kind::Malformed);
    }
    // The page is written on the sync worker's thread while the next one is asked for (the
    // registry prepares it on its other connection) and read here. A page is used only once the
    // ones before it and their cursors are committed; a failure ends the round and drops the
    // pages after it. The worker holds at most three pages (the one it writes and two more).
    const PulledPage::Value &next = page->next();
    const bool ahead = page->more().type == PulledPage::Type::Bool && page->more().boolean &&
                       next.type == PulledPage::Type::Number && qint64(next.number) > since;
    const PulledPage::Value &last = page->lastSeq();
    const qint64 lastSeq = last.type == PulledPage::Type::Number ? qint64(last.number) : -1;
    // The registry went back (restored from a backup): another epoch than the one this device
    // last pulled from, or (a registry without epochs, or a copy made outside `backup`) a latest
    // sequence below the cursor.
    const QString epoch =
        page->epoch().type == PulledPage::Type::String ? page->toString(page->epoch()) : QString();
    const PulledPage::Value &began = page->epochSeq();
    if (!epoch.isEmpty() && !m_registryEpoch.isEmpty() && epoch != m_registryEpoch &&
        began.type == PulledPage::Type::Number && began.number >= 0)
        return restartPull(std::move(page), qint64(began.number), qint64(began.number),
                           qMin(since, qint64(began.number)), epoch);
    if (lastSeq >= 0 && since > lastSeq)
        return restartPull(std::move(page), lastSeq, 0, 0, epoch);
    if (!epoch.isEmpty() && m_registryEpoch.isEmpty()) {
        // The first page of this registry's epoch that this device sees: remembered (if it is
        // lost, the next round remembers it again).
        m_registryEpoch = epoch;
        m_worker->run(
            [epoch](QSqlDatabase db) {
                return SyncManager(db).setValue(QStringLiteral("registry_epoch"), epoch);
            },
            [](const CoreError &e) {
                if (e.failed())
                    qWarning("sync: the registry's epoch was not stored: %s",
                             qPrintable(e.message()));
            });
    }
    m_worker->apply(
        m_workerRound, page, since,
        [this, page, round = m_workerRound, lastSeq,
         since](const CoreError &error, const PullApplier::Page &result, bool dropped) mutable {
            pageWritten(round, std::move(page), since, lastSeq, error, result, dropped);
        });
    if (ahead) {
        if (m_worker->pending() <= 2)
            requestPage(qint64(next.number));
        else
            m_pullAhead = qint64(next.number);
    }
}

bool PullPhase::limitRefused(const SyncReply &r) const
{
    if (r.status != 400 || m_pageSize <= ProtocolVersion::olderMaxPullLimit)
        return false;
    QJsonObject o;
    return r.json(&o) &&
           o.value(QLatin1String("code")).toString() == QLatin1String("invalid_parameter") &&
           o.value(QLatin1String("message")).toString().contains(QLatin1String("'limit'"));
}

void PullPhase::restartPull(std::shared_ptr<PulledPage> page, qint64 registrySeq, qint64 baseSeq,
                            qint64 cursor, const QString &epoch)
{
    // The registry went back to `registrySeq`: it lost what it stored after it. This device's
    // rows with a later version are queued to be sent again (RestoreRequeue: nothing this device
    // holds is lost with the registry's copy), then the pull starts again from `cursor` (rows
    // the device has are updated in place), since what the registry stores from now on gets
    // sequences this device may have passed. The page's rows (if any) are not written; a page
    // asked ahead goes too.
    qWarning("sync: the registry went back to sequence %lld (restored from a backup): sending "
             "this device's later versions again, then pulling again from %lld",
             registrySeq, cursor);
    m_freePages.push_back(std::move(page));
    m_aheadHttp->abort();
    m_http->abort();
    m_pullAhead = -1;
    m_pullAsked = true;
    auto queued = std::make_shared<int>(0);
    m_worker->run(
        [queued, registrySeq, baseSeq, cursor, epoch, role = m_round.role()](QSqlDatabase db) {
            return RestoreRequeue::requeue(db, registrySeq, baseSeq, cursor, role, epoch,
                                           queued.get());
        },
        [this, queued, cursor, epoch, round = m_round.number()](const CoreError &e) {
            // Stored with the versions queued again: known from now on, even if the round has
            // ended meanwhile (else the next push would name the old epoch, and the next page
            // would look like another restore).
            if (e.ok() && !epoch.isEmpty())
                m_registryEpoch = epoch;
            if (round != m_round.number())
                return;
            if (e.failed())
                return m_round.finish(SyncErrors::make(SyncErrors::Kind::Local, e.message()),
                                      SyncErrors::Kind::Local);
            const QString notice =
                *queued > 0
                    ? tr("Máy chủ vừa được khôi phục từ bản sao lưu và thiếu một phần dữ liệu. "
                         "Máy này gửi lại %1 bản ghi máy chủ đã mất, rồi tải lại dữ liệu.")
                          .arg(*queued)
                    : tr("Máy chủ vừa được khôi phục từ bản sao lưu. Máy này tải lại dữ liệu từ "
                         "máy chủ.");
            if (!m_round.notice(notice))
                return;
            if (*queued == 0)
                return requestPage(cursor);
            m_pullAsked = false;
            m_round.pushAgain(*queued);
        });
}

void PullPhase::pageWritten(quint64 round, std::shared_ptr<PulledPage> page, qint64 since,
                            qint64 lastSeq, const CoreError &error, const PullApplier::Page &result,
                            bool dropped)
{
    if (dropped || round != m_workerRound || m_round.number() == 0) {
        // A page of an ended round, finished because the worker had begun it.
        if (!dropped && error.ok())
            m_round.writtenLate(result.applied, result.deferred);
        return;
    }
    m_freePages.push_back(std::move(page));
    if (error.failed()) {
        m_http->abort();
        m_aheadHttp->abort();
        return m_round.finish(error, error.code() == CoreError::Code::Sql
                                         ? SyncErrors::Kind::Local
                                         : SyncErrors::Kind::Malformed);
    }
    if (m_roundPages == 0)
        m_pullFrom = since;
    ++m_roundPages;
    m_round.written(result.applied, result.deferred);
    // How far the cursor has come towards the registry's latest sequence (last_seq); a registry
    // that does not send it: approach 0.7 a little each page. Never backwards (writes made
    // during the round move last_seq on).
    const double done =
        lastSeq >= 0 ? fraction(m_pullFrom, result.next, lastSeq) : 1.0 - 1.0 / (1 + m_roundPages);
    if (!m_round.advance(0.4 + 0.3 * done, QStringLiteral("pull")))
        return;
    if (!result.more)
        return m_round.done();
    if (m_pullAsked)
        return;
    if (m_pullAhead >= 0) {
        const qint64 ahead = m_pullAhead;
        m_pullAhead = -1;
        return requestPage(ahead);
    }
    // A page with more but no next cursor beyond its own: ask again from the stored cursor.
    if (m_worker->pending() == 0)
        requestPage(result.next);
}
