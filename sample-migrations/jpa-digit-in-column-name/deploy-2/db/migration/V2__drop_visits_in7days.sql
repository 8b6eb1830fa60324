-- Contract: nothing shows the weekly figure any more.
ALTER TABLE page_stats DROP COLUMN visits_in7days;
