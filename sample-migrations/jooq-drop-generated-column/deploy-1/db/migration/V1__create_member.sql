-- Members of the climbing club, and the name they go by on the wall.
CREATE TABLE member (
    id        BIGINT PRIMARY KEY,
    email     VARCHAR(200) NOT NULL UNIQUE,
    full_name VARCHAR(200) NOT NULL,
    nickname  VARCHAR(60)
);
