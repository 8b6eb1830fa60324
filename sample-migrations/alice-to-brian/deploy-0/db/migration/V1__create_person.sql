-- People who can sign in. Column alice holds the name other users see.
CREATE TABLE person (
    id         BIGINT PRIMARY KEY,
    alice      VARCHAR(100),
    created_at TIMESTAMP
);
