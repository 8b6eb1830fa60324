-- The open tasks, as the case workers' task list shows them. Repeatable:
-- Flyway runs this file again whenever it changes. PostgreSQL's CREATE OR
-- REPLACE VIEW cannot drop a column, so the view is dropped and created anew.
DROP VIEW IF EXISTS oppgave_view;
CREATE VIEW oppgave_view AS
SELECT id, status, opphav, opprettet
  FROM oppgave
 WHERE status <> 'FERDIG';
