-- Registry schema 6: a refused change that its device gave up (POST /api/v1/discards) leaves the
-- supervisors' list of refused changes but stays recorded, with when it was given up (the
-- registry's clock, ms). A change refused again later (the same seq sent again) is back on the
-- list (discarded_at NULL).
ALTER TABLE push_outcomes ADD COLUMN discarded_at BIGINT;
