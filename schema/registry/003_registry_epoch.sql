-- Registry schema version 3: the registry's epoch. One row: a random name and the sequence at which
-- it began. A backup copy gets a new epoch beginning at the copy's sequence (RegistryStore::backup
-- for SQLite; `ccn-registry new-epoch` after a PostgreSQL pg_restore), so a device that sees another
-- epoch than the one it last pulled from knows the registry went back to since_seq and lost what it
-- stored after it (sync/PROTOCOL.md, Pull). The row is written when the registry opens the database.
CREATE TABLE registry_epoch (
    id INTEGER PRIMARY KEY,
    epoch TEXT NOT NULL,
    since_seq BIGINT NOT NULL
);
