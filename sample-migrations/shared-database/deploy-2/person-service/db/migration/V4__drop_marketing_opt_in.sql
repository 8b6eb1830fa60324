-- person-service has used the consent table since V2: the old flag can go.
ALTER TABLE person DROP COLUMN marketing_opt_in;
