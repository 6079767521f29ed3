-- Schema version 11: a change the registry refused can be given up (discarded) by the user who
-- made it. Nothing of it is lost: the entry leaves the outbox for discarded_changes, as it was,
-- with when it was given up; the row shows what it showed before that change at once, and the
-- next round fetches the registry's version of the row (PROTOCOL.md, Discards).
--   discarded_changes  the outbox entry given up (seq, entity, row_id, op, base_seq, old_json,
--                      new_json, created_at, rejected_code, rejected_message, author as the
--                      outbox had them) and discarded_at (device clock, ms)
--   refetch_rows       rows whose registry version the next round fetches; change_seq names the
--                      discarded change (the registry takes it off its list of refused changes).
--                      A row leaves this table in the transaction that writes the fetched version
CREATE TABLE discarded_changes (
    seq INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
    base_seq INTEGER NOT NULL,
    old_json TEXT,
    new_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    rejected_code TEXT,
    rejected_message TEXT,
    author TEXT,
    discarded_at INTEGER NOT NULL
);
CREATE TABLE refetch_rows (
    change_seq INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL
);
