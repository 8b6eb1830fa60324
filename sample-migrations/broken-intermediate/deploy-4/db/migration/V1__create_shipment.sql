CREATE TABLE shipment (
    id         BIGINT PRIMARY KEY,
    order_id   BIGINT      NOT NULL,
    status     VARCHAR(20) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);
