-- Protocol 2: a pushed change is named by (device_id, the device's outbox seq), in history as
-- '<device_id>:<seq>'. The registry keeps, per device, the highest seq it has looked at: a change
-- above it is new without a lookup; one at or below it is looked up (a replay, or a late copy of
-- an old request). It also keeps the outcome of each change that was not simply applied, so a
-- replayed change answers the same again: a conflict with its conflict records; a rejection is
-- looked at afresh.
CREATE TABLE push_watermarks (
    device_id TEXT PRIMARY KEY,
    through BIGINT NOT NULL
);

CREATE TABLE push_outcomes (
    device_id TEXT NOT NULL,
    change_seq BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('conflict', 'rejected')),
    result TEXT NOT NULL,
    PRIMARY KEY (device_id, change_seq)
);

-- change_ids held one row per change of protocol 1; history names each change itself.
DROP TABLE change_ids;
CREATE INDEX history_change ON history (change_id);
