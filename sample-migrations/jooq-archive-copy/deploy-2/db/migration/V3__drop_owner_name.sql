-- Contract: nothing reads owner_name any more.
ALTER TABLE secret DROP COLUMN owner_name;
ALTER TABLE deleted_secret DROP COLUMN owner_name;
