-- Registry schema 11: what was done to each registered device, kept for good: every revoke and
-- every reinstatement, when and by whom (the user's name; "ccn-registry" for the command line at
-- the server). devices.revoked_by says only who revoked a device now revoked; a tablet lost,
-- found and lost again, and who gave it back, are here.
CREATE TABLE device_events (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('revoked', 'reinstated')),
    done_by TEXT,
    done_at BIGINT NOT NULL
);
CREATE INDEX device_events_device ON device_events(user_id, device_id);
-- The revokes standing when the registry was migrated (done_by NULL: revoked before schema 10).
INSERT INTO device_events (id, user_id, device_id, action, done_by, done_at)
SELECT 'schema-11/' || user_id || '/' || device_id, user_id, device_id, 'revoked', revoked_by,
       revoked_at
FROM devices WHERE revoked_at IS NOT NULL;
