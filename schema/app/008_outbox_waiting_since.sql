-- Schema version 8: when an outbox entry was first refused for want of another row
-- (unknown_parent, unknown_row; SyncManager::waitsForAnotherRow). Such an entry goes again by
-- itself each round, but not for ever (../shared/notes/sync-lessons.md, lesson 3: a bounded wait
-- with escalation): once it has waited SyncManager::waitLimitDays the device stops sending it by
-- itself and asks the user to tell a supervisor; the user's "send again" starts a new wait.
-- Device clock, ms since epoch; device-only, never travels.
ALTER TABLE outbox ADD COLUMN waiting_since INTEGER;
