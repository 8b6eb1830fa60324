-- Invoices. reminder_sent_at belongs to the dunning job, which reads and writes it with native queries;
-- the Invoice entity does not map it.
CREATE TABLE invoice (
    id               BIGINT PRIMARY KEY,
    customer_ref     VARCHAR(40) NOT NULL,
    amount_cents     BIGINT NOT NULL,
    due_on           DATE NOT NULL,
    reminder_sent_at TIMESTAMP
);
