CREATE TABLE customer_order (
    id             BIGINT PRIMARY KEY,
    customer_id    BIGINT       NOT NULL,
    placed_at      TIMESTAMP    NOT NULL,
    total_cents    BIGINT       NOT NULL,
    -- the shop's sales channel before the shops were merged: 'web', 'phone' or 'store'
    legacy_channel VARCHAR(16)
);
