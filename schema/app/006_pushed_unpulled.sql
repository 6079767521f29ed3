-- Schema version 6: rows whose version this device pushed and the registry stored with values of
-- other devices' (a push result not in `own`: merged, a conflict, an earlier duplicate), which
-- the device holds only once its pull brings that version back. Until then their sync_seq is
-- older than what the registry stored; were the registry restored from a backup made in
-- between, RestoreRequeue would not send them again. server_seq is the registry's sequence after
-- the batch that stored them; an entry goes when the pull cursor passes it (PullApplier) or when
-- a restore queues its row again (RestoreRequeue).
CREATE TABLE pushed_unpulled (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    server_seq INTEGER NOT NULL,
    PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;
CREATE INDEX pushed_unpulled_seq ON pushed_unpulled(server_seq);
