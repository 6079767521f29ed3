#include "pullworker.h"

#include "database.h"
#include "pulledpage.h"
#include "pullpragmas.h"
#include "syncerrors.h"

PullWorker::PullWorker(const QString &databasePath, QObject *parent)
    : QObject(parent), m_path(databasePath), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("ccn-pull"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

PullWorker::~PullWorker()
{
    endRound();
    // Queued after every page handed over: those of the ended round are dropped, the one being
    // written is finished first.
    QMetaObject::invokeMethod(
        m_context, [this] { closeConnection(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

quint64 PullWorker::beginRound()
{
    static std::atomic<quint64> rounds{0};
    const quint64 round = ++rounds;
    m_round.store(round);
    return round;
}

void PullWorker::endRound()
{
    m_round.store(0);
}

void PullWorker::apply(quint64 round, std::shared_ptr<const PulledPage> page, qint64 since,
                       Done done)
{
    ++m_pending;
    QMetaObject::invokeMethod(
        m_context,
        [this, round, page = std::move(page), since, done = std::move(done)]() mutable {
            PullApplier::Page result;
            CoreError error;
            const bool dropped = round != m_round.load();
            if (!dropped) {
                if (m_applierRound != round) {
                    m_applier.reset();
                    m_applierRound = round;
                }
                error = write(*page, since, &result);
            }
            page.reset();
            QMetaObject::invokeMethod(
                this,
                [this, done = std::move(done), error, result, dropped] {
                    --m_pending;
                    done(error, result, dropped);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

CoreError PullWorker::write(const PulledPage &page, qint64 since, PullApplier::Page *result)
{
    if (!m_db) {
        auto db = std::make_unique<Database>();
        if (const CoreError e = db->openMigrated(m_path); e.failed())
            return SyncErrors::make(SyncErrors::Kind::Local, e.message());
        m_db = std::move(db);
        m_pragmas = std::make_unique<PullPragmas>(m_db->connection());
    }
    // One applier per round: its statements serve every page of the round.
    if (!m_applier)
        m_applier = std::make_unique<PullApplier>(m_db->connection());
    return m_applier->apply(page, since, result);
}

void PullWorker::closeConnection()
{
    m_applier.reset();
    m_pragmas.reset();
    m_db.reset();
}
