-- Nothing has read the old sales channel since the shops were merged; the warehouse team has stopped reporting on it.
ALTER TABLE customer_order DROP COLUMN legacy_channel;
