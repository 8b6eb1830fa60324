ALTER TABLE orders ADD COLUMN amount_cents BIGINT;
