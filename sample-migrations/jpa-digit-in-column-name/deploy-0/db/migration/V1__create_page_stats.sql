-- Visits per page, kept up to date by the nightly job. Hibernate 6 names visitsIn7Days visits_in7days:
-- an underscore goes before a capital only after a lower-case letter, not after a digit.
CREATE TABLE page_stats (
    id              BIGINT PRIMARY KEY,
    path            VARCHAR(500) NOT NULL,
    visits_in7days  INTEGER,
    visits_in30days INTEGER
);
