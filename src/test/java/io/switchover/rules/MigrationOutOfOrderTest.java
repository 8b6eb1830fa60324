package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.switchover.rules.HistoryRulesFixtures.PERSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationOutOfOrderTest {
    private static final String V3 = "ALTER TABLE person ADD COLUMN carol VARCHAR(100);";

    @Test
    void flagsAPendingMigrationOlderThanProductionsNewest() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .productionFile("db/migration/V3__add_carol.sql", V3)
                .candidateFile("db/migration/V3__add_carol.sql", V3)
                .candidateFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .findings("migration-out-of-order");

        assertEquals(1, findings.size());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("V2__add_brian.sql", findings.get(0).migration().script());
        assertTrue(findings.get(0).message().contains("Flyway will ignore it"), findings.get(0).message());
    }

    @Test
    void flagsItAsAWarningWhenTheProjectAllowsOutOfOrder() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .productionFile("db/migration/V3__add_carol.sql", V3)
                .candidateFile("db/migration/V3__add_carol.sql", V3)
                .candidateFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateFile("flyway.conf", "flyway.outOfOrder=true\n")
                .findings("migration-out-of-order");

        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
    }

    @Test
    void ignoresPendingMigrationsNewerThanProductionsNewest() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .productionFile("db/migration/V3__add_carol.sql", V3)
                .candidateFile("db/migration/V3__add_carol.sql", V3)
                .migrate("ignored_version_two", "SELECT 1;")
                .candidateFile("db/migration/V4__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .findings("migration-out-of-order").stream()
                .filter(f -> f.migration().script().equals("V4__add_brian.sql")).toList();

        assertEquals(List.of(), findings);
    }
}
