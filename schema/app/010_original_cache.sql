-- Schema version 10: the originals fetched on demand are a cache with a size limit
-- (OriginalCache). A photo taken or chosen on this tablet is never removed; one fetched from the
-- registry may be, least recently shown first, and is fetched again when asked for.
--   original_fetched_at  when this device fetched the original from the registry; NULL: not
--                        fetched (taken here, or only its thumbnail came). Originals fetched
--                        before this version are not marked, so they stay.
--   original_used_at     when the app last showed it
ALTER TABLE photo_transfers ADD COLUMN original_fetched_at INTEGER;
ALTER TABLE photo_transfers ADD COLUMN original_used_at INTEGER;
CREATE INDEX photo_transfers_fetched ON photo_transfers(original_used_at)
    WHERE original_fetched_at IS NOT NULL;
