CREATE TABLE orders (
    id       BIGINT PRIMARY KEY,
    customer VARCHAR(100) NOT NULL,
    amount   DECIMAL(10, 2) NOT NULL,
    status   VARCHAR(20)
);
