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

    /** lavagna re-indented its applied V1 and runs Flyway itself with setValidateOnMigrate(false). */
    @Test
    void isAWarningWhereTheCandidateTurnsValidationOff() {
        String migrator = """
                package com.example;

                import org.flywaydb.core.Flyway;

                class Migrator {
                    void migrate(javax.sql.DataSource dataSource) {
                        Flyway flyway = new Flyway();
                        flyway.setDataSource(dataSource);
                        flyway.setValidateOnMigrate(false);
                        flyway.migrate();
                    }
                }
                """;
        for (RuleScenario scenario : List.of(edited().candidateFile("src/main/java/com/example/Migrator.java", migrator),
                edited().candidateFile("src/main/resources/application.properties",
                        "spring.flyway.validate-on-migrate=false\n"))) {
            List<Finding> findings = scenario.findings("applied-migration-edited");

            assertEquals(1, findings.size(), findings.toString());
            assertEquals(Severity.WARNING, findings.get(0).severity());
            assertTrue(findings.get(0).message().contains("Flyway's validation is off (src/main/"), findings.get(0).message());
        }
        assertEquals(Severity.ERROR, edited().findings("applied-migration-edited").get(0).severity());
    }

    private static RuleScenario edited() {
        return RuleScenario.production(PERSON)
                .productionFile("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .candidateFile("db/migration/V2__add_brian.sql", "ALTER TABLE person  ADD COLUMN brian VARCHAR(100);");
    }
}
