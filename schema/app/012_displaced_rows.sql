-- Schema version 12: rows this device cannot hold because another row of their table holds the
-- same natural key (a UNIQUE column set other than id: an inspection's answer to a question; a
-- template's code and version). The registry may hold two such rows (written by tablets that
-- chose ids at random, before AnswerId). On every device the row with the lower id holds the key;
-- the other is kept here, as it was, instead of failing every pull (PullApplier, DisplacedRows).
-- A row of the device's own that is displaced keeps its outbox entries: they still go up.
--   row_json      the row's columns as JSON (compact), as pulled or as the device held it
--   version       its registry sequence (0: never stored by the registry)
--   displaced_at  device clock, ms
CREATE TABLE displaced_rows (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    row_json TEXT NOT NULL,
    version INTEGER NOT NULL,
    displaced_at INTEGER NOT NULL,
    PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;
