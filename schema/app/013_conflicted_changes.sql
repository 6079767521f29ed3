-- Schema version 13: a change the registry stored with a conflict (PROTOCOL.md, Push: status
-- `conflict`) leaves the outbox like any stored change, and the tablet then shows the winning
-- value; the user's own value waits in the registry's conflict record for a supervisor. So that
-- this is never silent on the tablet, the entry is kept here, as the outbox had it, until its
-- author has read the sync page's notice ("Đã hiểu" sets seen_at).
--   conflicted_changes  seq, entity, row_id, op, old_json, new_json, author, created_at as the
--                       outbox had them; conflict_ids (JSON array of the registry's records),
--                       answered_at (device clock, ms), seen_at (null until read)
CREATE TABLE conflicted_changes (
    seq INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
    old_json TEXT,
    new_json TEXT NOT NULL,
    author TEXT,
    created_at INTEGER NOT NULL,
    conflict_ids TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    seen_at INTEGER
);
CREATE INDEX conflicted_changes_unseen ON conflicted_changes(seen_at);
