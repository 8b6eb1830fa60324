-- contract
ALTER TABLE shipment DROP COLUMN status;
