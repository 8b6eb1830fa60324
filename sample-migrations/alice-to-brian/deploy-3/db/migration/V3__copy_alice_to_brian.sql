-- Backfill: copy the display name of rows written before the service
-- started writing both columns.
UPDATE person SET brian = alice WHERE brian IS NULL;
