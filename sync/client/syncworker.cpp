#include "syncworker.h"

#include "database.h"
#include "pulledpage.h"
#include "pullpragmas.h"
#include "sqlitehandle.h"
#include "syncerrors.h"
#include "walcheckpointer.h"

SyncWorker::SyncWorker(const QString &databasePath, QObject *parent)
    : QObject(parent), m_path(databasePath), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("ccn-sync"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

SyncWorker::~SyncWorker()
{
    endRound();
    // Queued after all the work handed over: pages of the ended round are dropped, the page being
    // written and the jobs are finished first.
    QMetaObject::invokeMethod(
        m_context, [this] { closeConnection(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

quint64 SyncWorker::beginRound()
{
    static std::atomic<quint64> rounds{0};
    const quint64 round = ++rounds;
    m_round.store(round);
    return round;
}

void SyncWorker::endRound()
{
    m_round.store(0);
}

void SyncWorker::apply(quint64 round, std::shared_ptr<const PulledPage> page, qint64 since,
                       Done done)
{
    handOver([this, round, page = std::move(page), since, done = std::move(done)]() mutable {
        PullApplier::Page result;
        CoreError error;
        // A page after one that failed is dropped too: written, its cursor would pass the rows
        // of the failed page, which the next round would then never ask for.
        const bool dropped = round != m_round.load() || round == m_failedRound;
        if (!dropped) {
            if (m_applierRound != round) {
                m_applier.reset();
                m_applierRound = round;
            }
            error = write(*page, since, &result);
            if (error.failed())
                m_failedRound = round;
        }
        page.reset();
        return Answer(
            [done = std::move(done), error, result, dropped] { done(error, result, dropped); });
    });
}

void SyncWorker::run(Job job, std::function<void(const CoreError &)> done)
{
    handOver([this, job = std::move(job), done = std::move(done)]() mutable {
        const CoreError error = runJob(job);
        job = nullptr; // what it holds goes on this thread
        return Answer([done = std::move(done), error] { done(error); });
    });
}

CoreError SyncWorker::runNow(const Job &job)
{
    CoreError error;
    QMetaObject::invokeMethod(
        m_context, [this, &job, &error] { error = runJob(job); }, Qt::BlockingQueuedConnection);
    return error;
}

void SyncWorker::handOver(std::function<Answer()> work)
{
    ++m_pending;
    QMetaObject::invokeMethod(
        m_context,
        [this, work = std::move(work)]() mutable {
            Answer answer = work();
            work = nullptr;
            QMetaObject::invokeMethod(
                this,
                [this, answer = std::move(answer)] {
                    --m_pending;
                    answer();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

CoreError SyncWorker::runJob(const Job &job)
{
    if (const CoreError e = open(); e.failed())
        return e;
    return job(m_db->connection());
}

CoreError SyncWorker::open()
{
    if (m_db)
        return {};
    auto db = std::make_unique<Database>();
    if (const CoreError e = db->openMigrated(m_path); e.failed())
        return SyncErrors::make(SyncErrors::Kind::Local, e.message());
    m_db = std::move(db);
    m_pragmas = std::make_unique<PullPragmas>(m_db->connection());
    // A first pull's commits write ~80 MB: copying them into the database file (the WAL's
    // checkpoints) is done beside the writes, not inside the commits that write the pages.
    m_checkpointer =
        std::make_unique<WalCheckpointer>(SqliteHandle::of(m_db->connection()), m_path);
    if (!m_checkpointer->active())
        qWarning("sync: %s", qPrintable(m_checkpointer->error().message()));
    return {};
}

CoreError SyncWorker::write(const PulledPage &page, qint64 since, PullApplier::Page *result)
{
    if (const CoreError e = open(); e.failed())
        return e;
    // One applier per round: its statements serve every page of the round.
    if (!m_applier)
        m_applier = std::make_unique<PullApplier>(m_db->connection());
    return m_applier->apply(page, since, result);
}

void SyncWorker::closeConnection()
{
    m_applier.reset();
    m_checkpointer.reset();
    m_pragmas.reset();
    m_db.reset();
}
