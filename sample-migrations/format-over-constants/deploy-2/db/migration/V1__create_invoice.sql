-- Invoices sent to customers, amounts in cents. legacy_ref holds the number an
-- invoice had in the billing system it was imported from; new invoices have none.
CREATE TABLE invoice (
    id           BIGINT PRIMARY KEY,
    customer_id  BIGINT NOT NULL,
    amount_cents BIGINT NOT NULL,
    status       VARCHAR(10) NOT NULL,
    issued_at    TIMESTAMP NOT NULL,
    legacy_ref   VARCHAR(30)
);
