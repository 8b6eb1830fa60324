-- Expand: the table takes the name the library uses now, member. A view under
-- the old name keeps the version that still serves traffic working: its jOOQ
-- classes were generated for borrower, and it reads and writes through them.
-- A view over one table that lists its columns is updatable on PostgreSQL and
-- MariaDB, so the old INSERT and UPDATE land in member.
ALTER TABLE borrower RENAME TO member;
CREATE VIEW borrower AS SELECT id, email, full_name, joined_on FROM member;
