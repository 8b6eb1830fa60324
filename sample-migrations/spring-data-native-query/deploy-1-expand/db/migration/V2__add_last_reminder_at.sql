-- Expand: add the new column next to the old one and copy what is there. The old job keeps using
-- reminder_sent_at; a later deployment drops it once no running version uses it.
ALTER TABLE invoice ADD COLUMN last_reminder_at TIMESTAMP;
UPDATE invoice SET last_reminder_at = reminder_sent_at;
