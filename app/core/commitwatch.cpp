#include "commitwatch.h"

#include "sqlitehandle.h"

#include <QHash>
#include <QMutex>

#include <sqlite3.h>

namespace {
// The watches of each connection with a hook; any thread may commit, so under a lock.
QMutex watchesLock;
QHash<sqlite3 *, QList<CommitWatch *>> &watches()
{
    static QHash<sqlite3 *, QList<CommitWatch *>> all;
    return all;
}
} // namespace

CommitWatch::CommitWatch(QSqlDatabase db, int settleMs, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_handle(SqliteHandle::of(m_db))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_settle, &QTimer::timeout, this, &CommitWatch::committed);
    if (!m_handle)
        return;
    QMutexLocker lock(&watchesLock);
    QList<CommitWatch *> &mine = watches()[m_handle];
    if (mine.isEmpty())
        sqlite3_commit_hook(m_handle, &CommitWatch::onCommit, m_handle);
    mine.append(this);
}

CommitWatch::~CommitWatch()
{
    if (!m_handle)
        return;
    QMutexLocker lock(&watchesLock);
    auto it = watches().find(m_handle);
    if (it == watches().end())
        return;
    it->removeAll(this);
    if (!it->isEmpty())
        return;
    watches().erase(it);
    // The connection may be closed already, its handle gone with it: nothing to take back then.
    if (SqliteHandle::of(m_db) == m_handle)
        sqlite3_commit_hook(m_handle, nullptr, nullptr);
}

int CommitWatch::onCommit(void *handle)
{
    // Inside the commit, on the committing thread: each watch only starts its timer, on its own
    // thread (reading now would use the connection that is committing).
    QMutexLocker lock(&watchesLock);
    for (CommitWatch *watch : watches().value(static_cast<sqlite3 *>(handle)))
        QMetaObject::invokeMethod(
            watch, [watch] { watch->m_settle.start(); }, Qt::QueuedConnection);
    return 0; // the commit goes on
}
