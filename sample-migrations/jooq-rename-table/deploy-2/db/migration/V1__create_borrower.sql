-- People who hold a library card and may borrow books.
CREATE TABLE borrower (
    id        BIGINT PRIMARY KEY,
    email     VARCHAR(200) NOT NULL UNIQUE,
    full_name VARCHAR(200) NOT NULL,
    joined_on DATE NOT NULL
);
