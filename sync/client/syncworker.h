#pragma once

#include "coreerror.h"
#include "pullapplier.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

class Database;
class PulledPage;
class PullPragmas;
class WalCheckpointer;

// Does a sync round's database work on a thread of its own, through its own connection to the
// device database, so that the UI thread never waits while thousands of rows are written or read:
// it writes pulled pages (and reads the next page from the network meanwhile), builds push
// batches from the outbox and writes their outcomes. Work runs in the order it is handed over;
// each pulled page is written with its cursor in one transaction (PullApplier). The connection
// keeps PullPragmas' settings for its lifetime (a push outcome committed with synchronous=NORMAL
// and lost to a power cut is sent again and answered "duplicate"); SQLite's busy timeout lets
// the UI's own saves wait for a commit (tens of milliseconds) instead of failing. Its WAL
// checkpoints run on a thread of their own (WalCheckpointer) while it writes.
//
// Pages belong to a round. endRound() drops the round: pages of it not begun are answered
// `dropped` without being written; a page being written is finished (or rolled back), so the
// cursor never runs ahead of the rows. Jobs (run()) always run. pending() counts the work
// handed over and not answered.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    // error: the page's failure (ok when written); dropped: not written, its round had ended.
    using Done =
        std::function<void(const CoreError &error, const PullApplier::Page &result, bool dropped)>;

    explicit SyncWorker(const QString &databasePath, QObject *parent = nullptr);
    // Waits for the work handed over (pages of the ended round are dropped), closes the
    // connection and stops the thread.
    ~SyncWorker() override;

    // Starts a round; pages of earlier rounds not begun are dropped.
    quint64 beginRound();
    void endRound();
    // Writes `page` (asked with cursor `since`) in round `round`, then calls `done` on this
    // object's thread. The page must stay unchanged until then.
    void apply(quint64 round, std::shared_ptr<const PulledPage> page, qint64 since, Done done);
    int pending() const { return m_pending; }

    // Runs `job` on the worker's connection after everything handed over before it, then calls
    // `done` with its result on this object's thread.
    using Job = std::function<CoreError(QSqlDatabase db)>;
    void run(Job job, std::function<void(const CoreError &error)> done);
    // The same, waiting here for the result (and for the work before it: at most a page).
    CoreError runNow(const Job &job);

private:
    // What to call on this object's thread once a piece of work is done.
    using Answer = std::function<void()>;
    // Runs `work` on the worker thread after the work before it, then its answer here.
    void handOver(std::function<Answer()> work);
    // On the worker thread.
    CoreError runJob(const Job &job);
    CoreError open();
    CoreError write(const PulledPage &page, qint64 since, PullApplier::Page *result);
    void closeConnection();

    QString m_path;
    QThread m_thread;
    QObject *m_context; // lives on m_thread
    std::atomic<quint64> m_round{0};
    int m_pending = 0; // on this object's thread
    // Worker thread only.
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PullPragmas> m_pragmas;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::unique_ptr<PullApplier> m_applier;
    quint64 m_applierRound = 0;
    // The round whose page failed to be written: its later pages (asked for ahead) are dropped,
    // never written past the one that failed.
    quint64 m_failedRound = 0;
};
