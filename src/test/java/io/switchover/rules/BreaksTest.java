package io.switchover.rules;

import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The differential reading of the timeline, seen through whole checks. */
class BreaksTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";

    @Test
    void reportsABreakOnlyAtTheFirstStepWhereTheStatementFails() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .migrate("add_carol", "ALTER TABLE person ADD COLUMN carol VARCHAR(100);")
                .check();

        assertEquals(1, report.findings().size(), report.findings().toString());
        assertEquals(1, report.findings().get(0).step());
    }

    @Test
    void countsAConflictWithMadeUpDataAsNoBreak() {
        Report report = RuleScenario.production(PERSON, "INSERT INTO person (id, alice) VALUES (?, ?)")
                .migrate("seed_person", "INSERT INTO person (id, alice) VALUES (1, 'seeded');")
                .check();

        assertEquals(0, report.findings().size(), report.findings().toString());
    }

    @Test
    void reportsOneFindingPerPlaceThatIssuesTheBrokenStatement() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?",
                        "SELECT  alice  FROM person WHERE id = ?")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .check();

        assertEquals(2, report.findings().size(), report.findings().toString());
        assertEquals(1, report.summary().statements(), "the same statement is probed once");
    }
}
