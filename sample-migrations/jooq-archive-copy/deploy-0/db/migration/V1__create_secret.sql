-- The vault's secrets, and the archive a deleted secret is moved to (kept 30 days, then purged).
CREATE TABLE secret (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL UNIQUE,
    owner_name VARCHAR(100),
    created_at BIGINT NOT NULL
);

CREATE TABLE deleted_secret (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    owner_name VARCHAR(100),
    created_at BIGINT NOT NULL
);
