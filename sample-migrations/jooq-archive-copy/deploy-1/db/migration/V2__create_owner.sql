-- Expand: owners become a table of their own; secret.owner_id replaces the free-text owner_name.
CREATE TABLE owner (
    id   BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE
);

ALTER TABLE secret ADD COLUMN owner_id BIGINT REFERENCES owner (id);
ALTER TABLE deleted_secret ADD COLUMN owner_id BIGINT;
