-- Orders now carry their currency (ISO 4217 code).
ALTER TABLE orders ADD COLUMN currency VARCHAR(3) NOT NULL;
