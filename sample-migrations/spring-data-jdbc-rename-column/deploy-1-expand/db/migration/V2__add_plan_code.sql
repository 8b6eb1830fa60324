-- Expand: add the new column beside the old one and copy what is there. The old version keeps writing
-- plan and the new one writes plan_code, so neither may be required while both versions run; a later
-- deployment drops plan once no running version maps it.
ALTER TABLE subscription ADD COLUMN plan_code VARCHAR(40);
UPDATE subscription SET plan_code = plan;
ALTER TABLE subscription ALTER COLUMN plan DROP NOT NULL;
