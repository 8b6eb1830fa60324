-- expand: the new name of the column, nullable until every row has it
ALTER TABLE shipment ADD COLUMN state VARCHAR(20);
