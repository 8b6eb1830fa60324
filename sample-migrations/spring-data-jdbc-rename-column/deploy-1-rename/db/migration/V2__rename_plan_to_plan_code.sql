-- The billing team calls it the plan code. Renaming the column in place breaks every statement of the
-- version still serving traffic the moment this runs: its aggregate maps plan.
ALTER TABLE subscription RENAME COLUMN plan TO plan_code;
