-- The open tasks, as the case workers' task list shows them. Repeatable:
-- Flyway runs this file again whenever it changes. PostgreSQL's CREATE OR
-- REPLACE VIEW cannot drop a column, so the view is dropped and created anew.
-- The list no longer shows where a task came from: opphav stays in the table
-- (the service still records it) but leaves the view.
DROP VIEW IF EXISTS oppgave_view;
CREATE VIEW oppgave_view AS
SELECT id, status, opprettet
  FROM oppgave
 WHERE status <> 'FERDIG';
