-- Every running version writes a weight now (deploy-2 on): the column can say so.
ALTER TABLE parcel ALTER COLUMN weight_grams SET NOT NULL;
