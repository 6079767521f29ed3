-- Registry schema version 1 (see sync/registry and sync/PROTOCOL.md).
-- One dialect that both SQLite and PostgreSQL accept: TEXT, BIGINT, INTEGER, partial indexes,
-- no AUTOINCREMENT/SERIAL (ids are chosen by the registry as UUIDv7 text).
-- Times are ms since epoch (the registry's clock, for display and expiry only).

-- The registry sequence: one row, bumped with UPDATE ... RETURNING inside the writing transaction,
-- so the row lock orders writers and a sequence is never visible before the rows written with it.
CREATE TABLE registry_counter (
    id INTEGER PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO registry_counter (id, seq) VALUES (1, 0);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('inspector', 'local_officer', 'supervisor', 'admin')),
    province_id TEXT NOT NULL,
    clusters TEXT NOT NULL DEFAULT '[]',
    communes TEXT NOT NULL DEFAULT '[]',
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

-- Devices are registered per user on login; revoking one stops its tokens at once.
CREATE TABLE devices (
    user_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    registered_at BIGINT NOT NULL,
    last_seen_at BIGINT,
    revoked_at BIGINT,
    PRIMARY KEY (user_id, device_id)
);

-- Only the BLAKE2b hash of a token is stored.
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX tokens_device ON tokens (user_id, device_id);

-- Current state of every synced row: its values, per-field (seq, device) of the last write, its
-- latest sequence, and the scope columns that pulls and authorisation filter on.
CREATE TABLE records (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    row_json TEXT NOT NULL,
    field_meta TEXT NOT NULL,
    province_id TEXT,
    cluster_id TEXT,
    sha256 TEXT,
    PRIMARY KEY (entity, row_id)
);
CREATE UNIQUE INDEX records_seq ON records (seq);
CREATE INDEX records_province_seq ON records (province_id, seq);
CREATE INDEX records_cluster ON records (cluster_id);
CREATE INDEX records_sha ON records (sha256) WHERE sha256 IS NOT NULL;

-- Which communes each cluster lies in (kept from cluster_units records), for commune scopes.
CREATE TABLE cluster_communes (
    link_id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cluster_communes_unit ON cluster_communes (unit_id);

-- Every stored change (and every resolution), in arrival order.
CREATE TABLE history (
    seq BIGINT PRIMARY KEY,
    change_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
    device_id TEXT NOT NULL,
    user_id TEXT,
    base_seq BIGINT NOT NULL,
    fields TEXT NOT NULL,
    status TEXT NOT NULL,
    stored_at BIGINT NOT NULL
);
CREATE INDEX history_row ON history (entity, row_id, seq);

-- Idempotence: every stored change_id with the result first returned for it.
CREATE TABLE change_ids (
    change_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    result TEXT NOT NULL,
    stored_at BIGINT NOT NULL
);

-- Values that lost a merge, kept for a supervisor to resolve. Values are JSON {"v": value}.
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('field', 'state', 'edit_vs_delete', 'delete_vs_edit')),
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT,
    current_value TEXT,
    incoming_value TEXT NOT NULL,
    current_seq BIGINT,
    current_device TEXT,
    incoming_seq BIGINT NOT NULL,
    incoming_device TEXT NOT NULL,
    base_seq BIGINT NOT NULL,
    change_id TEXT NOT NULL,
    province_id TEXT,
    cluster_id TEXT,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by TEXT,
    resolution TEXT,
    resolution_seq BIGINT
);
CREATE INDEX conflicts_open ON conflicts (province_id, resolved_at);
CREATE INDEX conflicts_row ON conflicts (entity, row_id);
