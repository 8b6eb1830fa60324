-- Parcels registered before deploy-2 may have no weight: they count as unweighed.
UPDATE parcel SET weight_grams = 0 WHERE weight_grams IS NULL;
