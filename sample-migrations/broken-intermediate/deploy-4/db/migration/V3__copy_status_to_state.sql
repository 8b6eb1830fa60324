-- copy, and make state the column that must be there; status may now be left out
UPDATE shipment SET state = status WHERE state IS NULL;
ALTER TABLE shipment ALTER COLUMN state SET NOT NULL;
ALTER TABLE shipment ALTER COLUMN status DROP NOT NULL;
