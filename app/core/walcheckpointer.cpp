#include "walcheckpointer.h"

#include <QObject>
#include <QtGlobal>

#include <sqlite3.h>

#include <pthread.h>

namespace {
QString journalMode(sqlite3 *db)
{
    sqlite3_stmt *st = nullptr;
    QString mode;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        mode = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return mode;
}
} // namespace

WalCheckpointer::WalCheckpointer(sqlite3 *writer, const QString &path, int frames, int ownFrames)
    : m_writer(writer), m_frames(qMax(1, frames)), m_ownFrames(qMax(m_frames, ownFrames))
{
    if (!m_writer) {
        m_error = {CoreError::Code::DatabaseOpen,
                   QObject::tr("Không chuyển được việc ghi nhật ký WAL sang luồng riêng: không "
                               "phải kết nối SQLite.")};
        return;
    }
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_writer, "PRAGMA wal_autocheckpoint", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        m_autocheckpoint = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);

    sqlite3 *own = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &own,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    // The mode read here also makes the connection open the WAL, which a checkpoint needs.
    const QString mode = rc == SQLITE_OK ? journalMode(own) : QString();
    if (rc != SQLITE_OK || mode != QLatin1String("wal")) {
        const QString why =
            rc != SQLITE_OK
                ? QString::fromUtf8(own ? sqlite3_errmsg(own) : sqlite3_errstr(rc))
                : QObject::tr("cơ sở dữ liệu không ở chế độ WAL (%1)")
                      .arg(mode.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(own)) : mode);
        m_error = {CoreError::Code::DatabaseOpen,
                   QObject::tr("Không mở được kết nối thứ hai tới %1: %2").arg(path, why)};
        sqlite3_close_v2(own);
        return;
    }
    m_own = own;
    m_thread = std::thread([this] { loop(); });
    sqlite3_wal_hook(m_writer, &WalCheckpointer::walHook, this);
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_own)
        return;
    // The writer's own checkpoints as they were (this replaces the hook): from now on its commits
    // do not call here.
    sqlite3_wal_autocheckpoint(m_writer, m_autocheckpoint);
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_close_v2(m_own);
}

int WalCheckpointer::walHook(void *self, sqlite3 *db, const char *name, int frames)
{
    auto *c = static_cast<WalCheckpointer *>(self);
    if (frames >= c->m_ownFrames) {
        // As SQLite's own hook does: a failure (SQLITE_BUSY while the thread is at it) leaves
        // the frames for a later commit, and the commit stands.
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (frames >= c->m_frames) {
        {
            const std::lock_guard<std::mutex> lock(c->m_mutex);
            c->m_wanted = true;
        }
        c->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::loop()
{
    pthread_setname_np(pthread_self(), "ccn-checkpoint");
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_wanted || m_stop; });
        if (m_stop)
            return;
        m_wanted = false;
        lock.unlock();
        const int rc =
            sqlite3_wal_checkpoint_v2(m_own, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (rc == SQLITE_OK)
            ++m_run;
        else if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            qWarning("checkpoint: %s", sqlite3_errmsg(m_own)); // the writer's own ones go on
        lock.lock();
    }
}
