-- Contract: drop the old column. Safe only once no running service reads or
-- writes alice.
ALTER TABLE person DROP COLUMN alice;
