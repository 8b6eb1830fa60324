-- Expand: add the new column brian next to alice. Nullable, so the service
-- that runs today (which knows nothing about brian) keeps inserting rows.
ALTER TABLE person ADD COLUMN brian VARCHAR(100);
