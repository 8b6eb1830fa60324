package io.switchover.config;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReaderTest {
    private static final Path FILE = Path.of("/repo/switchover.yml");
    private final ConfigReader reader = new ConfigReader();

    @Test
    void readsServicesHistoryPlaceholdersAndOrder() {
        SwitchoverConfig config = reader.parse(FILE, """
                migrations:
                  locations: [src/main/resources/db/migration]
                production:
                  history: jdbc:postgresql://prod-db:5432/people
                  history-schema: flyway
                placeholders:
                  reporting_role: reporting
                order: code-first
                services:
                  - name: person-service
                    sources: src/main/java
                    captured-sql: captured/people.pg_stat_statements.csv
                    production:
                      endpoint: https://people.internal/actuator/info
                  - name: billing
                    repository: ../billing
                    production:
                      tag: "billing-v*"
                """);

        assertEquals(Optional.empty(), config.migrationsRepository());
        assertEquals(List.of("src/main/resources/db/migration"), config.locations());
        assertEquals(Optional.of("jdbc:postgresql://prod-db:5432/people"), config.history());
        assertEquals(Optional.of("flyway"), config.historySchema());
        assertEquals(Map.of("reporting_role", "reporting"), config.placeholders());
        assertEquals(Optional.of("code-first"), config.order());
        assertEquals(new ServiceConfig("person-service", Optional.empty(), List.of("src/main/java"),
                Optional.of(new VersionSource.Endpoint("https://people.internal/actuator/info")), Optional.empty(),
                List.of(Path.of("/repo/captured/people.pg_stat_statements.csv"))),
                config.services().get(0));
        assertEquals(Optional.of(Path.of("/billing")), config.services().get(1).repository());
        assertEquals(Optional.of(new VersionSource.NewestTag("billing-v*")), config.services().get(1).production());
    }

    @Test
    void readsTheBuiltArtifactsOfTheJavaMigrationsRelativeToTheFile() {
        SwitchoverConfig config = reader.parse(FILE, """
                migrations:
                  classpath: build/libs/people.jar
                  prod-classpath: /srv/artifacts/people-1.4.0.jar
                """);

        assertEquals(Optional.of(Path.of("/repo/build/libs/people.jar")), config.classpath());
        assertEquals(Optional.of(Path.of("/srv/artifacts/people-1.4.0.jar")), config.prodClasspath());
    }

    @Test
    void remembersWhereTheKeysThatReachProductionAre() {
        SwitchoverConfig config = reader.parse(FILE, """
                migrations:
                  repository: .
                production:
                  history: jdbc:postgresql://prod-db:5432/people
                  history-table: schema_history
                  tag: v*
                services:
                  - name: billing
                    repository: ../billing
                    captured-sql: [captured/billing.csv]
                    production:
                      endpoint: https://billing.internal/actuator/info
                """);

        assertEquals(List.of(new ConfigPlace(FILE, 2, "migrations.repository"),
                new ConfigPlace(FILE, 4, "production.history"), new ConfigPlace(FILE, 5, "production.history-table"),
                new ConfigPlace(FILE, 6, "production.tag"), new ConfigPlace(FILE, 9, "services[0].repository"),
                new ConfigPlace(FILE, 12, "services[0].production.endpoint"),
                new ConfigPlace(FILE, 10, "services[0].captured-sql")), List.copyOf(config.places().values()));
        assertEquals("switchover.yml:12: services[0].production.endpoint",
                config.place(ConfigKeys.serviceProduction("billing")).orElseThrow().toString());
    }

    @Test
    void makesTheCoverageRulesErrorsWhereCoverageIsStrictUnlessARuleSaysOtherwise() {
        SwitchoverConfig config = reader.parse(FILE, """
                coverage: strict
                rules:
                  service-not-checked: warning
                """);

        assertEquals(Map.of("named-in-unchecked-code", "error", "service-not-checked", "warning"), config.rules());
        SwitchoverException error = assertThrows(SwitchoverException.class, () -> reader.parse(FILE, "coverage: all\n"));
        assertTrue(error.getMessage().startsWith("switchover.yml:1: coverage: 'all' is not a coverage"),
                error.getMessage());
    }

    @Test
    void namesFileLineAndKeyOfAnUnknownKey() {
        assertError("switchover.yml:3: services[0].prod: unknown key; expected one of captured-sql, name,"
                + " owns-migrations, production, repository, sources", """
                services:
                  - name: person-service
                    prod:
                      ref: main
                """);
    }

    @Test
    void rejectsSeveralProductionVersionSources() {
        assertError("switchover.yml:4: services[0].production: give one of ref, tag, endpoint or path, not several", """
                services:
                  - name: person-service
                    production:
                      ref: main
                      tag: v*
                """);
    }

    @Test
    void rejectsAServiceWithoutName() {
        assertError("switchover.yml:2: services[0]: a service needs a name", """
                services:
                  - repository: .
                """);
    }

    @Test
    void rejectsAnUnknownOrder() {
        assertError("switchover.yml:1: order: 'blue-green' is not an order; use migrate-first or code-first",
                "order: blue-green\n");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        SwitchoverException error = assertThrows(SwitchoverException.class,
                () -> reader.parse(FILE, "services:\n  - name: [unclosed\n"));
        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertEquals(true, error.getMessage().startsWith("switchover.yml:3: not valid YAML"), error.getMessage());
    }

    private void assertError(String expected, String yaml) {
        SwitchoverException error = assertThrows(SwitchoverException.class, () -> reader.parse(FILE, yaml));
        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertEquals(expected, error.getMessage());
    }
}
