-- Registry schema 12: a device id belongs to the tablet that first signed in with it. The tablet
-- makes a random secret with its id and sends it at every login; only its BLAKE2b hash is kept.
-- Another tablet (or anyone) claiming the id without the secret is refused: the push's replay
-- guard is keyed by device id, and changes sent under a stolen id would have turned the real
-- tablet's later changes into "duplicates" that were never stored. A device registered before
-- this schema has no key: the first of its own users to sign in with a secret sets it.
CREATE TABLE device_keys (
    device_id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    registered_at BIGINT NOT NULL
);
