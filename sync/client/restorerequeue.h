#pragma once

#include "coreerror.h"

#include <QSqlDatabase>

// What a device does when its registry went back: it was restored from a backup (or replaced)
// and lost the versions it stored after `registrySeq`. Seen by a pull page: another epoch than the
// one the device last pulled from (`registrySeq` is the epoch's first sequence), or a latest
// sequence below the device's cursor (`registrySeq` is that latest sequence). This device may
// hold the only copy of some of those versions: every synced row whose sync_seq is above
// `registrySeq` (a version this device pushed or pulled after the backup) is queued again if
// `role` may write its table (RoleWrites: a cluster an admin renamed is the admin's device's to
// send again), in one transaction with the pull cursor set back to `cursor` and the new epoch
// stored. The pull goes back to the epoch's first sequence (or stays where it is, if it had not
// passed it): rows at or below it are as the backup holds them; seen by a latest sequence alone,
// the restore's sequence is unknown and the pull goes back to 0:
// - one outbox entry per row, op "insert" (the registry merges it as an update where it still
//   has the row) with every travelling column of the row as it is now, and base_seq `baseSeq`.
//   With the epoch's first sequence, every value the registry stored since the restore is newer
//   than the base: a field that differs and that another device wrote since is a conflict
//   record, while a restored (older) value gives way. Without an epoch the device cannot tell
//   restored values from newer ones: base 0, every differing value another device wrote is a
//   conflict record. Never a silent overwrite; a value equal to the registry's changes nothing;
// - the row's unsent, unrejected entries are removed (their values are in the row, so in the new
//   entry); rejected entries stay for the user;
// - the row's photos are asked about again (photo_transfers.on_server = 0): the registry may
//   have lost their files too;
// - every change given up on this tablet (discarded_changes) is named in refetch_rows again: the
//   registry may have lost the notice with the backup.
// Entries go in the order of the rows' sequences, as the registry first stored them (parents
// before children).
class RestoreRequeue
{
public:
    static CoreError requeue(QSqlDatabase db, qint64 registrySeq, qint64 baseSeq, qint64 cursor,
                             const QString &role, const QString &epoch, int *rows = nullptr);
};
