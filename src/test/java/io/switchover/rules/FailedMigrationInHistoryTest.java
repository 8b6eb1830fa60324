package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.switchover.rules.HistoryRulesFixtures.PERSON;
import static io.switchover.rules.HistoryRulesFixtures.history;
import static io.switchover.rules.HistoryRulesFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FailedMigrationInHistoryTest {

    @Test
    void flagsAFailedRowInProductionsHistory() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .history(history(row(1, "1", "V1__schema.sql", null, true), row(2, "2", "V2__add_brian.sql", null, false)))
                .candidateFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .findings("failed-migration-in-history");

        assertEquals(1, findings.size());
        assertEquals("production's history records V2__add_brian.sql as failed (rank 2); Flyway refuses to migrate"
                + " until that is repaired", findings.get(0).message());
    }

    @Test
    void ignoresAHistoryOfSuccessfulRows() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .history(history(row(1, "1", "V1__schema.sql", null, true)))
                .findings("failed-migration-in-history");

        assertEquals(List.of(), findings);
    }
}
