package io.switchover.rules;

import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class RenamedColumnStillUsedTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";

    @Test
    void flagsAnInPlaceRenameOfAColumnTheOldUpdateWritesAsOneFindingWithBothPiecesOfEvidence() {
        Report report = RuleScenario.production(PERSON, "UPDATE person SET alice = ? WHERE id = ?")
                .migrate("rename_alice", "-- the team prefers carol\nALTER TABLE person RENAME COLUMN alice TO carol;")
                .check();

        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals("renamed-column-still-used", finding.rule());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("V2__rename_alice.sql renames person.alice to person.carol, which prod still writes",
                finding.message());
        assertEquals("add person.carol next to person.alice instead, and drop person.alice in a later deployment,"
                + " once no running version uses it", finding.help());
        assertEquals(2, finding.line(), "the rename's line in the migration");
        assertEquals(1, finding.step());
        assertNotNull(finding.error(), "the probe's database error");
        assertEquals("src/main/java/com/example/Repository.java:4", finding.pattern().origin().toString());
    }

    @Test
    void flagsH2sAlterColumnRenameTo() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("rename_alice", "ALTER TABLE person ALTER COLUMN alice RENAME TO carol;")
                .findings("renamed-column-still-used");

        assertEquals(1, findings.size());
        assertEquals("V2__rename_alice.sql renames person.alice to person.carol, which prod still reads",
                findings.get(0).message());
    }

    @Test
    void flagsAnAddCopyAndDropInOneMigrationAsARename() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("alice_to_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);\n"
                        + "UPDATE person SET brian = alice;\n"
                        + "ALTER TABLE person DROP COLUMN alice;")
                .check();

        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals("renamed-column-still-used", finding.rule());
        assertEquals("V2__alice_to_brian.sql renames person.alice to person.brian (copies it, then drops it),"
                + " which prod still reads", finding.message());
        assertEquals(3, finding.line());
    }

    @Test
    void ignoresARenameOfAColumnTheOldCodeDoesNotUse() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT id FROM person WHERE id = ?")
                .migrate("rename_alice", "ALTER TABLE person RENAME COLUMN alice TO carol;")
                .findings("renamed-column-still-used");

        assertEquals(List.of(), findings);
    }

    @Test
    void ignoresADropWithoutACopy() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .check();

        assertEquals(List.of("dropped-column-still-used"), report.findings().stream().map(Finding::rule).toList());
    }
}
