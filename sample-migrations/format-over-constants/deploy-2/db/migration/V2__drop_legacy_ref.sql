-- Contract: the old billing numbers are no longer looked up or linked. Safe
-- only once no running version reads or writes legacy_ref.
ALTER TABLE invoice DROP COLUMN legacy_ref;
