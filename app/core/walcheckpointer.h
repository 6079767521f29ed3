#pragma once

#include "coreerror.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

// Takes a writing connection's WAL checkpoints off its thread while it lives. SQLite's default
// (wal_autocheckpoint) makes the commit that brings the WAL to 1,000 frames copy them into the
// database file before the commit returns: in a first pull that was a quarter of the sync
// worker's time. Here the commit only wakes a thread of this object's, which checkpoints through a
// connection of its own (PASSIVE: it never waits for the writer, and the writer never waits for
// it) while the writer goes on.
//
// The WAL starts again from its beginning only when a writer finds every frame copied; a
// checkpoint running beside a busy writer rarely leaves it so. So the writer still checkpoints
// itself, as SQLite would, once the WAL holds `ownFrames` (by then little is left to copy): the
// WAL stays bounded.
//
// If the second connection cannot be opened, nothing changes (error() says why): the writer
// checkpoints itself as before. The destructor stops the thread and gives the writer back its
// wal_autocheckpoint as it was. Writer and database must outlive this object.
class WalCheckpointer
{
public:
    WalCheckpointer(sqlite3 *writer, const QString &path, int frames = 1000, int ownFrames = 4000);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    bool active() const { return m_own != nullptr; }
    const CoreError &error() const { return m_error; }
    // Checkpoints this object's thread has run.
    int checkpointsRun() const { return m_run.load(); }

private:
    static int walHook(void *self, sqlite3 *db, const char *name, int frames);
    void loop();

    sqlite3 *m_writer;
    sqlite3 *m_own = nullptr;
    int m_frames;
    int m_ownFrames;
    int m_autocheckpoint = 1000; // the writer's, put back at the end
    CoreError m_error;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wanted = false; // under m_mutex
    bool m_stop = false;   // under m_mutex
    std::atomic<int> m_run{0};
    std::thread m_thread;
};
