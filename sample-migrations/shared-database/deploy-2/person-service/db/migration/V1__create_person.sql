CREATE TABLE person (
    id           BIGINT PRIMARY KEY,
    display_name VARCHAR(100) NOT NULL,
    email        VARCHAR(200) NOT NULL,
    marketing_opt_in BOOLEAN DEFAULT FALSE NOT NULL
);
