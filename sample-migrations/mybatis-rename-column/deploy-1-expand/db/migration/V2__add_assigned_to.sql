-- Expand: add assigned_to next to assignee and copy what is there. Nullable, so the
-- service that runs today (which writes only assignee) keeps working.
ALTER TABLE ticket ADD COLUMN assigned_to VARCHAR(100);
UPDATE ticket SET assigned_to = assignee;
