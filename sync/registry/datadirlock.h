#pragma once

#include "coreerror.h"

#include <QLockFile>
#include <QString>

// The lock a running server holds on its data directory (DIR/registry.lock) for its lifetime.
// The server keeps the registry's epoch in memory and writes it into the directory's watermark:
// a second server on the same directory (two writers of one sequence), or `new-epoch` beside a
// server, would be undone or corrupt the sequence. A server killed without releasing it leaves
// a stale lock: QLockFile takes it over once the process named in it is gone.
class DataDirLock
{
public:
    explicit DataDirLock(const QString &dataDir);
    DataDirLock(const DataDirLock &) = delete;
    DataDirLock &operator=(const DataDirLock &) = delete;

    // Takes the lock without waiting; it is released when this object goes. NotEditable when a
    // live process holds it (holder() names it), Io when the lock file cannot be written.
    CoreError tryLock();
    // The process holding the lock: its PID (and host when another machine wrote it),
    // after tryLock() failed with NotEditable.
    QString holder() const { return m_holder; }
    QString path() const { return m_path; }

private:
    QString m_path;
    QLockFile m_file;
    QString m_holder;
};
