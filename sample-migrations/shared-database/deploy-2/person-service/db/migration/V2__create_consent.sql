-- Consents get a table of their own: one row per person and purpose, with the time it was given.
CREATE TABLE consent (
    person_id  BIGINT       NOT NULL,
    purpose    VARCHAR(40)  NOT NULL,
    given_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (person_id, purpose)
);
