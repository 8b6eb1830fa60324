-- The nickname is gone from the app since deploy-1: drop the column (contract).
ALTER TABLE member DROP COLUMN nickname;
