-- Contract: the new cards show the full name only.
ALTER TABLE member DROP COLUMN nickname;
