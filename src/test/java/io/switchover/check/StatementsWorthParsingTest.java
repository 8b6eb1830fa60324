package io.switchover.check;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchChanges;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.Origin;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A check reads closely only the statements its batch concerns; the others count, unaffected, by their look. */
class StatementsWorthParsingTest {
    private static final String REPOSITORY = "src/main/java/com/example/Repository.java";
    private static final String MALFORMED_ON_AUDIT = "SELECT what FROM audit WHERE what = = ?";
    private static final String MALFORMED_ON_PERSON = "SELECT name FROM person WHERE name = = ?";

    private final InMemorySnapshot production = new InMemorySnapshot("prod")
            .with("db/migration/V1__person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(100),"
                    + " name VARCHAR(100));")
            .with("db/migration/V2__audit.sql", "CREATE TABLE audit (id BIGINT PRIMARY KEY, what VARCHAR(100));")
            .with(REPOSITORY, repository("INSERT INTO person (id, email) VALUES (?, ?)",
                    "SELECT what FROM audit WHERE id = ?", MALFORMED_ON_AUDIT, MALFORMED_ON_PERSON));
    /** An index changes nothing a statement sees, so the replay probes nothing; a unique one concerns the rules. */
    private final InMemorySnapshot candidate = production.next("deploy-2")
            .with("db/migration/V3__unique_email.sql", "CREATE UNIQUE INDEX person_email ON person (email);");

    private Report check() {
        return new SwitchoverCheck().run(CheckRequest.of(production, candidate, List.of(), List.of(), new H2Engine(),
                Severity.ERROR));
    }

    @Test
    void aStatementOnATableOnlyTheBatchsIndexNamesIsStillReadForTheRules() {
        List<Finding> findings = check().findings().stream()
                .filter(f -> f.rule().equals("new-constraint-may-reject-old-writes")).toList();

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("still writes person.email"), findings.get(0).message());
    }

    @Test
    void aStatementOnATableTheBatchLeavesAloneCountsWithoutBeingParsed() {
        Report report = check();

        assertTrue(report.notChecked().stream().anyMatch(u -> u.fragment().contains("name = = ?")),
                () -> "parsed, so the malformed statement on person is not checked: " + report.notChecked());
        assertFalse(report.notChecked().stream().anyMatch(u -> u.fragment().contains("what = = ?")),
                () -> "not parsed, so the one on audit counts by its look: " + report.notChecked());
        assertEquals(3, report.summary().statements());
        assertEquals(3, report.summary().unaffected(), "an index changes nothing a statement sees");
    }

    @Test
    void aFormatStringIsParsedWhateverTablesItsTextNamesSoThatItIsListedAsNotChecked() {
        InMemorySnapshot formatted = production.next("prod-format").with(REPOSITORY, repository(
                "UPDATE %s SET %s = 'PAID' WHERE %s = ?"));
        Report report = new SwitchoverCheck().run(CheckRequest.of(formatted, formatted.next("deploy-2")
                        .with("db/migration/V3__rename.sql", "ALTER TABLE person RENAME COLUMN name TO full_name;"),
                List.of(), List.of(), new H2Engine(), Severity.ERROR));

        assertEquals(List.of("a format string, filled in at run time"),
                report.notChecked().stream().map(u -> u.reason()).toList());
        assertEquals(0, report.summary().statements(), "not counted as a statement the batch leaves alone");
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("service-not-checked")),
                "nothing of that version was checked: never PASS");
    }

    @Test
    void theCandidateParsesWhatTheRunningVersionDoesNotSend() {
        StatementsWorthParsing worth = worthParsing(candidate);
        AccessPattern sent = new AccessPattern("SELECT what FROM audit WHERE id = ?", new Origin(REPOSITORY, 5),
                "java-literal");

        Predicate<String> running = worth.forRunningVersion();
        Predicate<String> candidateOnly = worth.forCandidate(List.of(sent));

        assertFalse(running.test(sent.sql()));
        assertTrue(running.test("INSERT INTO person (id) VALUES (?)"));
        assertFalse(candidateOnly.test(sent.sql()), "the running version's statement, read once already");
        assertTrue(candidateOnly.test("SELECT id FROM audit"), "only the candidate sends it: it must work after");
    }

    @Test
    void aBatchThatMayChangeAnythingHasEverythingParsed() {
        StatementsWorthParsing worth = worthParsing(production.next("deploy-2")
                .with("db/migration/V3__cascade.sql", "DROP TABLE person CASCADE;"));

        assertTrue(worth.forRunningVersion().test("SELECT what FROM audit"));
        assertTrue(worth.forCandidate(List.of()).test("SELECT what FROM audit"));
    }

    private StatementsWorthParsing worthParsing(InMemorySnapshot next) {
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(production, List.of()), reader.read(next, List.of()));
        return StatementsWorthParsing.of(BatchChanges.read(batch));
    }

    private static String repository(String... statements) {
        StringBuilder java = new StringBuilder("package com.example;\n\nclass Repository {\n");
        for (int i = 0; i < statements.length; i++) {
            java.append("    static final String SQL_").append(i).append(" = \"").append(statements[i]).append("\";\n");
        }
        return java.append("}\n").toString();
    }
}
