#pragma once

#include "coreerror.h"
#include "pullapplier.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

class Database;
class PulledPage;
class PullPragmas;

// Writes pulled pages on a thread of its own, through its own connection to the device database,
// so that the UI thread never waits while a page of thousands of rows is written (and reads the
// next page from the network meanwhile). Pages are written in the order they are handed over,
// each with its cursor in one transaction (PullApplier). The connection keeps PullPragmas'
// settings for its lifetime; SQLite's busy timeout lets the UI's own saves wait for a page's
// commit (tens of milliseconds) instead of failing.
//
// Pages belong to a round. endRound() drops the round: pages of it not begun are answered
// `dropped` without being written; a page being written is finished (or rolled back), so the
// cursor never runs ahead of the rows. pending() counts the pages handed over and not answered:
// a new round reads the pull cursor only when it is 0.
class PullWorker : public QObject
{
    Q_OBJECT
public:
    // error: the page's failure (ok when written); dropped: not written, its round had ended.
    using Done =
        std::function<void(const CoreError &error, const PullApplier::Page &result, bool dropped)>;

    explicit PullWorker(const QString &databasePath, QObject *parent = nullptr);
    // Waits for the page being written, closes the connection and stops the thread.
    ~PullWorker() override;

    // Starts a round; pages of earlier rounds not begun are dropped.
    quint64 beginRound();
    void endRound();
    // Writes `page` (asked with cursor `since`) in round `round`, then calls `done` on this
    // object's thread. The page must stay unchanged until then.
    void apply(quint64 round, std::shared_ptr<const PulledPage> page, qint64 since, Done done);
    int pending() const { return m_pending; }

private:
    // On the worker thread.
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
    std::unique_ptr<PullApplier> m_applier;
    quint64 m_applierRound = 0;
};
