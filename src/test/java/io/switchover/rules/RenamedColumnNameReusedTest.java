package io.switchover.rules;

import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RenamedColumnNameReusedTest {
    private static final String RULE = "renamed-column-name-reused";
    private static final String SCHEMA = "CREATE TABLE person (id BIGINT, name VARCHAR(100));";
    private static final String READ = "SELECT name FROM person WHERE id = ?";
    private static final String WRITE = "INSERT INTO person (id, name) VALUES (?, ?)";

    @Test
    void flagsOldReadsAndWritesOfANameTheBatchGivesToANewColumn() {
        Report report = RuleScenario.production(SCHEMA, READ, WRITE)
                .migrate("person_uid", "ALTER TABLE person RENAME COLUMN id TO uid;\n"
                        + "ALTER TABLE person ADD COLUMN id UUID;")
                .check();
        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals(RULE)).toList();

        assertEquals(2, findings.size(), report.findings().toString());
        assertEquals("V2__person_uid.sql rename person.id to uid and add a new person.id: prod still reads person.id,"
                + " which now holds NULL (or its default) for every existing row instead of the values uid now holds",
                findings.get(0).message());
        assertEquals(READ, findings.get(0).pattern().sql());
        assertEquals(2, findings.get(0).line());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("V2__person_uid.sql rename person.id to uid and add a new person.id: prod still writes person.id,"
                + " which now takes its values while uid gets none", findings.get(1).message());
    }

    @Test
    void flagsTheAddInALaterMigrationOfTheBatch() {
        List<Finding> findings = RuleScenario.production(SCHEMA, READ)
                .migrate("rename", "ALTER TABLE person RENAME COLUMN id TO uid;")
                .migrate("add", "ALTER TABLE person ADD COLUMN id UUID;")
                .findings(RULE);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(2, findings.get(0).step());
    }

    @Test
    void acceptsANewColumnUnderANameNoRunningStatementUses() {
        List<Finding> findings = RuleScenario.production(SCHEMA, "SELECT name FROM person")
                .migrate("person_uid", "ALTER TABLE person RENAME COLUMN id TO uid;\n"
                        + "ALTER TABLE person ADD COLUMN id UUID;")
                .findings(RULE);

        assertEquals(List.of(), findings);
    }
}
