-- Schema version 7: tenants and inspections written by a pulled page whose search_text is not
-- computed and who are in no full-text index yet (SearchBacklog). A first pull writes 10,000
-- inspections; indexing them took a quarter of the pull, and the sync worker now does it after
-- the round, a chunk at a time. Device-only: never travels, no sync columns.
CREATE TABLE search_backlog (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;
