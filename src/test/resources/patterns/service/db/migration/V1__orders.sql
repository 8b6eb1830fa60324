CREATE TABLE orders (id bigint primary key, total int);
SELECT 1 FROM orders;
