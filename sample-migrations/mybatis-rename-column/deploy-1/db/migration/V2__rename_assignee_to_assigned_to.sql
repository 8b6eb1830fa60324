-- The team prefers assigned_to. Renamed in place: one step, no expand-contract.
ALTER TABLE ticket RENAME COLUMN assignee TO assigned_to;
