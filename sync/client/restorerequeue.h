#pragma once

#include "coreerror.h"

#include <QSqlDatabase>

// What a device does when the registry's latest sequence is below its pull cursor: the registry
// was restored from a backup (or replaced), and the versions it stored after `registrySeq` are
// gone from it. This device may hold the only copy of some of them: every synced row whose
// sync_seq is above `registrySeq` (a version this device pushed or pulled after the backup) is
// queued again if `role` may write its table (RoleWrites: a cluster an admin renamed is the admin's
// device's to send again), in one transaction with the pull cursor set back to 0:
// - one outbox entry per row, op "insert" (the registry merges it as an update where it still
//   has the row) with every travelling column of the row as it is now, and base_seq 0: the
//   device cannot tell which of the registry's values are the restored ones and which were
//   stored since the restore, so a field that differs and that another device wrote is a
//   conflict record for a supervisor, never a silent overwrite (a value equal to the registry's
//   changes nothing);
// - the row's unsent, unrejected entries are removed (their values are in the row, so in the new
//   entry); rejected entries stay for the user;
// - the row's photos are asked about again (photo_transfers.on_server = 0): the registry may
//   have lost their files too.
// Entries go in the order of the rows' sequences, as the registry first stored them (parents
// before children).
class RestoreRequeue
{
public:
    static CoreError requeue(QSqlDatabase db, qint64 registrySeq, const QString &role,
                             int *rows = nullptr);
};
