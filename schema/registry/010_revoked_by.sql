-- Registry schema 10: who revoked a device (the user name of whoever did it from the app or the
-- API; "ccn-registry" for the command line at the server), so that a user who finds their tablet
-- revoked, and their supervisor, can see by whom. NULL for a device in use (a reinstated one
-- too) and for one revoked before version 10.
ALTER TABLE devices ADD COLUMN revoked_by TEXT;
