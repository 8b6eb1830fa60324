-- Members of the climbing club. nickname was shown on the old member cards.
CREATE TABLE member (
    id        BIGINT PRIMARY KEY,
    full_name VARCHAR(200) NOT NULL,
    nickname  VARCHAR(60),
    joined_on DATE
);
