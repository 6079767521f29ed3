-- Registry schema 6: a refused change that its device gave up (POST /api/v1/discards) leaves the
-- supervisors' list of refused changes but stays recorded, with when it was given up (the
-- registry's clock, ms). A late copy of such a change gets its refusal again and stays off the
-- list (its device never sends it again; RegistryPush).
ALTER TABLE push_outcomes ADD COLUMN discarded_at BIGINT;
