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

    /** veilarbportefolje turns Spring's Flyway off and configures it in code, outOfOrder(true) among its settings. */
    @Test
    void readsOutOfOrderFromTheCodeThatConfiguresFlyway() {
        String config = """
                package com.example.config;

                import org.flywaydb.core.Flyway;

                class DbConfig {
                    void migrate(javax.sql.DataSource dataSource) {
                        Flyway.configure()
                                .dataSource(dataSource)
                                .baselineOnMigrate(true)
                                .outOfOrder(true) // for the back-port
                                .load()
                                .migrate();
                    }
                }
                """;
        io.switchover.report.Report report = outOfOrderBatch()
                .candidateFile("src/main/resources/application.properties", "spring.flyway.enabled=false\n")
                .candidateFile("src/main/java/com/example/config/DbConfig.java", config)
                .check();

        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals("migration-out-of-order"))
                .toList();
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(report.notes().stream().anyMatch(note -> note.contains(
                "outOfOrder(true) at src/main/java/com/example/config/DbConfig.java:10")), report.notes().toString());
        String text = new io.switchover.report.TextReportWriter().render(report);
        assertTrue(text.contains("V2__add_brian.sql (in the batch, older than production's newest)"), text);
    }

    @Test
    void aSettingOnlyATestMakesOrOnlyUnderAConditionIsNotAssumed() {
        String conditional = """
                class DbConfig {
                    void migrate(boolean backport) {
                        org.flywaydb.core.Flyway.configure().outOfOrder(backport).load().migrate();
                    }
                }
                """;
        List<Finding> findings = outOfOrderBatch()
                .candidateFile("src/main/java/com/example/config/DbConfig.java", conditional)
                .candidateFile("src/test/java/com/example/MigrationsTest.java",
                        "class MigrationsTest { Object f = org.flywaydb.core.Flyway.configure().outOfOrder(true); }")
                .findings("migration-out-of-order");

        assertEquals(1, findings.size());
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }

    private static RuleScenario outOfOrderBatch() {
        return RuleScenario.production(PERSON)
                .productionFile("db/migration/V3__add_carol.sql", V3)
                .candidateFile("db/migration/V3__add_carol.sql", V3)
                .candidateFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);");
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
