INSERT INTO consent (person_id, purpose, given_at)
SELECT id, 'marketing', CURRENT_TIMESTAMP FROM person WHERE marketing_opt_in = TRUE;
