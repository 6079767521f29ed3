#pragma once

#include "coreerror.h"

#include <QString>

// What the registry last knew of its own database, kept beside it in the data directory
// (registry-watermark.json, format 1): the epoch it was in and the highest sequence it had
// stored. It is written after commits, never before, so it never runs ahead of the database. A
// database found below it on opening went back: a copy was put in its place without going
// through `ccn-registry backup` or `new-epoch` (a file copy, a disk snapshot, pg_restore alone).
// RegistryStore then begins a new epoch itself, so that devices send again what they hold above
// it (sync/PROTOCOL.md, Pull).
class SeqWatermark
{
public:
    struct Mark {
        QString epoch;
        qint64 seq = -1; // -1: none written yet
    };

    explicit SeqWatermark(const QString &dataDir);

    QString path() const { return m_path; }
    // No file: an empty mark, no error. A file this build cannot read: an error saying why (the
    // caller warns and writes a new one; the database itself is not in question).
    CoreError read(Mark *out) const;
    // Atomically (a new file renamed over the old one). Never lowers the sequence kept for the
    // same epoch (two processes on one data directory: a command beside the server).
    CoreError write(const Mark &mark);

    // True when a database in `epoch` at `seq` (its epoch begun at `epochSeq`) went back from
    // `mark`: it is below what this data directory saw stored, and is not a fresh epoch begun
    // at its sequence (a `backup` copy or `new-epoch`, which devices already see as a restore).
    static bool wentBack(const Mark &mark, const QString &epoch, qint64 epochSeq, qint64 seq);

private:
    QString m_path;
};
