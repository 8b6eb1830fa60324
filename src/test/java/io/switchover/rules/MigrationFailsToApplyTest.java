package io.switchover.rules;

import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationFailsToApplyTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";

    @Test
    void flagsAMigrationTheDatabaseRefusesAndSaysWhatWasNotChecked() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("index_on_missing_table", "CREATE INDEX i ON persn (alice);")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .check();

        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals("migration-fails-to-apply", finding.rule());
        assertEquals("V2__index_on_missing_table.sql", finding.migration().script());
        assertEquals(1, finding.step());
        assertNull(finding.pattern());
        assertTrue(finding.message().startsWith("V2__index_on_missing_table.sql does not apply: Table \"persn\" not found"),
                finding.message());
        assertTrue(finding.message().endsWith("the 1 migration(s) after it were not checked"), finding.message());
    }

    @Test
    void ignoresMigrationsThatApply() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("index_alice", "CREATE INDEX i ON person (alice);")
                .findings("migration-fails-to-apply");

        assertEquals(List.of(), findings);
    }
}
