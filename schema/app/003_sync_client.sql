-- Schema version 3: what the sync client keeps beside the outbox.
-- sync_state (schema 1) holds the client's keys: device_id, auth (JSON with "format": 1; the
-- token, never the password), pull_cursor, last_sync_at, server_url.
-- photo_transfers: one row per photo content (sha256) that the client has dealt with. Photo bytes
-- travel on their own path and never hold back records (PROTOCOL.md, Photos).
--   on_server       1 once the registry confirmed it holds the whole file
--   uploaded_bytes  what the registry last said it holds (an interrupted upload resumes there)
--   total_bytes     size of the local file when the upload started
--   thumb_state     wanted: a pulled photo whose thumbnail is still to fetch; fetched; none
CREATE TABLE photo_transfers (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    on_server INTEGER NOT NULL DEFAULT 0,
    uploaded_bytes INTEGER NOT NULL DEFAULT 0,
    total_bytes INTEGER,
    thumb_state TEXT NOT NULL DEFAULT 'none' CHECK (thumb_state IN ('none', 'wanted', 'fetched')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    changed_at INTEGER NOT NULL
);
CREATE INDEX photo_transfers_thumb ON photo_transfers(thumb_state);
