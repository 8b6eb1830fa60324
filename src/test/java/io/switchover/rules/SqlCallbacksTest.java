package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flyway runs the SQL callbacks of its locations with every migrate (alf.io defines its views in
 * {@code afterMigrate__*.sql}): production's schema has what they made, and the old service's statements over it are
 * checked, not taken for failing already.
 */
class SqlCallbacksTest {
    private static final String SCHEMA = "CREATE TABLE notice (id BIGINT PRIMARY KEY, title VARCHAR(100),"
            + " displayed BOOLEAN);";
    private static final String VIEW = "CREATE OR REPLACE VIEW visible_notice AS SELECT id, title FROM notice"
            + " WHERE displayed;";
    private static final String READ = "SELECT id, title FROM visible_notice WHERE id = ?";

    @Test
    void aViewOfAnAfterMigrateCallbackIsInProductionsSchema() {
        Report report = RuleScenario.production(SCHEMA, READ)
                .productionFile("db/migration/afterMigrate__views.sql", VIEW)
                .candidateFile("db/migration/afterMigrate__views.sql", VIEW)
                .migrate("add_author", "ALTER TABLE notice ADD COLUMN author VARCHAR(100);")
                .check();

        assertEquals(List.of(), report.findings().stream().map(Finding::rule).toList(), report.findings().toString());
        assertEquals(Verdict.PASS, report.verdict());
    }

    @Test
    void aBatchThatDropsTheCallbacksViewBreaksTheOldReadOfIt() {
        Report report = RuleScenario.production(SCHEMA, READ)
                .productionFile("db/migration/afterMigrate__views.sql", VIEW)
                .migrate("drop_visible_notice", "DROP VIEW visible_notice;")
                .check();

        assertEquals(Verdict.FAIL, report.verdict(), report.findings().toString());
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("dropped-table-still-used")
                || f.rule().equals("dropped-view-still-used")), report.findings().toString());
    }
}
