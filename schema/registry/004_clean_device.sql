-- Registry schema version 4: the device that holds a record's latest version as it is. Set when a
-- push stored a change exactly as the device sent it (applied, and every other field of the row
-- was one that device had seen or written itself): the push reply gave that device the version's
-- seq (`own`), so a pull that says it keeps them (X-CCN-Skip-Own) does not bring the row back to
-- it. NULL for anything else (a merge with other devices' values, a conflict, an admin write).
ALTER TABLE records ADD COLUMN clean_device TEXT;
