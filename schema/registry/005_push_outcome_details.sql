-- Registry schema version 5: what supervisors read about a device's refused change. A change the
-- registry refused stays on its device until the user sends it again; one refused because another
-- row is missing (`unknown_parent`, `unknown_row`) waits for the device that holds that row, which
-- only a supervisor can chase. GET /api/v1/rejections lists them from here: the change's table,
-- row and operation, the refusal's code, the pushing user and province, when the registry first
-- and last refused it (its own clock, ms since epoch) and how many times.
ALTER TABLE push_outcomes ADD COLUMN entity TEXT;
ALTER TABLE push_outcomes ADD COLUMN row_id TEXT;
ALTER TABLE push_outcomes ADD COLUMN op TEXT;
ALTER TABLE push_outcomes ADD COLUMN code TEXT;
ALTER TABLE push_outcomes ADD COLUMN user_id TEXT;
ALTER TABLE push_outcomes ADD COLUMN province_id TEXT;
ALTER TABLE push_outcomes ADD COLUMN first_at BIGINT;
ALTER TABLE push_outcomes ADD COLUMN last_at BIGINT;
ALTER TABLE push_outcomes ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
-- Outcomes stored before version 5: their user is the device's latest (a tablet passed between
-- users keeps one device id), their province that user's; times unknown (NULL).
UPDATE push_outcomes SET user_id = (SELECT d.user_id FROM devices d WHERE d.device_id =
    push_outcomes.device_id ORDER BY COALESCE(d.last_seen_at, 0) DESC LIMIT 1);
UPDATE push_outcomes SET province_id = (SELECT u.province_id FROM users u WHERE u.id =
    push_outcomes.user_id);
CREATE INDEX push_outcomes_rejected ON push_outcomes (province_id, status);
