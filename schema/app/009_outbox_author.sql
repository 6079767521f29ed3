-- Schema version 9: who made each change. A tablet may pass from one user to another with
-- changes still waiting to be sent. The registry takes a change as its sender's (its history,
-- "who saved each value" on a supervisor's conflict card), so a change goes up only when the
-- user who made it is the one logged in; the others wait on the tablet for their author (or until
-- the user logged in takes them over, on the sync page).
-- sync_flags.author: the registry user id of who works on the tablet: set at each login, kept
-- through a logout (work done offline afterwards is still theirs until someone else logs in).
-- outbox.author: sync_flags.author when the change was made (the outbox triggers copy it); NULL
-- for changes made before this version or before anyone logged in: those go with whoever is
-- logged in, as before.
ALTER TABLE sync_flags ADD COLUMN author TEXT;
ALTER TABLE outbox ADD COLUMN author TEXT;
UPDATE sync_flags SET author = (SELECT CASE WHEN json_valid(value) THEN
                                json_extract(value, '$.user_id') END FROM sync_state
                                WHERE key = 'pull_owner');
