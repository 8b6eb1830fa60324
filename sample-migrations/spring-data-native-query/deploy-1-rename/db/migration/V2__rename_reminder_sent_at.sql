-- The new dunning job calls the column last_reminder_at. Renaming it in place breaks the old job's
-- native queries the moment this runs, while the old version still serves traffic.
ALTER TABLE invoice RENAME COLUMN reminder_sent_at TO last_reminder_at;
