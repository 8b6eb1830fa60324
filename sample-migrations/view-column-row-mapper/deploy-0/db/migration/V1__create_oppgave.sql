-- Tasks (oppgaver) for case workers. opphav names the system that created the
-- task: the application form, the inbox scanner, or a case worker by hand.
CREATE TABLE oppgave (
    id        BIGINT PRIMARY KEY,
    status    VARCHAR(20) NOT NULL,
    opphav    VARCHAR(40) NOT NULL,
    opprettet TIMESTAMP NOT NULL
);
