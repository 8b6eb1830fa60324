-- The bank's reference of each payout, filled by the nightly job from now on.
ALTER TABLE payout ADD COLUMN bank_reference VARCHAR(40);
