-- Contract: nothing reads or writes fax_number any more (deploy-1 stopped mapping it).
ALTER TABLE customer DROP COLUMN fax_number;
