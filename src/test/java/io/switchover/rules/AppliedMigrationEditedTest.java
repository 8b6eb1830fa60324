package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.switchover.rules.HistoryRulesFixtures.PERSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppliedMigrationEditedTest {

    @Test
    void flagsAnAppliedMigrationWhoseTextChanged() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .productionFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(200);")
                .findings("applied-migration-edited");

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().startsWith("V2__add_brian.sql was changed after production applied it"),
                findings.get(0).message());
        assertEquals(0, findings.get(0).step());
    }

    @Test
    void flagsAnAppliedMigrationThatWasRenamed() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .productionFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateFile("db/migration/V2__add_brian_column.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .findings("applied-migration-edited");

        assertEquals(1, findings.size());
        assertEquals("V2__add_brian_column.sql was renamed after production applied it as V2__add_brian.sql",
                findings.get(0).message());
    }

    @Test
    void ignoresAnAppliedMigrationThatOnlyChangedLineEndings() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .productionFile("db/migration/V2__add_brian.sql", "ALTER TABLE person\nADD COLUMN brian VARCHAR(100);\n")
                .candidateFile("db/migration/V2__add_brian.sql", "ALTER TABLE person\r\nADD COLUMN brian VARCHAR(100);\r\n")
                .findings("applied-migration-edited");

        assertEquals(List.of(), findings);
    }
}
