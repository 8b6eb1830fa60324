-- Orders now carry their currency (ISO 4217 code). Every order placed so far
-- was in euros, and the service that runs during the switch-over does not send
-- a currency yet: the default fills it in for both.
ALTER TABLE orders ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL;
