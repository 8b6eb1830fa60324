package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.switchover.rules.HistoryRulesFixtures.PERSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AppliedMigrationMissingTest {

    @Test
    void flagsAnAppliedMigrationTheCandidateNoLongerHas() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .productionFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateFile("db/migration/V3__add_carol.sql", "ALTER TABLE person ADD COLUMN carol VARCHAR(100);")
                .findings("applied-migration-missing");

        assertEquals(1, findings.size());
        assertEquals("V2__add_brian.sql is applied in production but the candidate has no such migration",
                findings.get(0).message());
    }

    @Test
    void ignoresAppliedMigrationsTheCandidateKeeps() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .productionFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .findings("applied-migration-missing");

        assertEquals(List.of(), findings);
    }
}
