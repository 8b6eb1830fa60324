package io.switchover.config;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The candidate's switchover.yml may carry the project's facts, and nothing that says where production is, how to
 * reach it, which version runs there, or a path out of the candidate's tree.
 */
class TrustBoundaryTest {
    @TempDir
    Path temp;

    private SwitchoverConfig repositoryFile(String yaml) throws IOException {
        Path checkout = Files.createDirectories(temp.resolve("checkout"));
        return new ConfigReader().read(Files.writeString(checkout.resolve("switchover.yml"), yaml));
    }

    private TrustBoundary boundary(boolean trusted) {
        return new TrustBoundary(temp.resolve("checkout"), trusted);
    }

    @Test
    void acceptsTheProjectsFacts() throws IOException {
        Files.createDirectories(temp.resolve("checkout/captured"));
        SwitchoverConfig config = repositoryFile("""
                migrations:
                  locations: [db/migration]
                placeholders:
                  schema: people
                order: code-first
                engine: postgres
                dialect: postgresql
                naming: as-is
                services:
                  - name: person-service
                    sources: [src/main/java]
                    owns-migrations: true
                    captured-sql: captured/people.csv
                rules:
                  locking-ddl: off
                """);

        boundary(false).check(config);
    }

    @Test
    void refusesWhatReachesProductionNamingFileLineKeyAndTheFix() throws IOException {
        assertRefused("switchover.yml:2: production.history: where production's history is comes from the pipeline,"
                + " never from the candidate's tree; give --prod-history, or production.history in a switchover.yml"
                + " outside the candidate's tree named with --config, or pass --trust-repo-config to accept the"
                + " repository's switchover.yml as it is", """
                production:
                  history: jdbc:postgresql://attacker.example/people
                """);
        assertRefused("switchover.yml:3: production.history-table: production's history table comes from the"
                + " pipeline", """
                order: code-first
                production:
                  history-table: flyway_schema_history
                """);
        assertRefused("switchover.yml:2: production.history-schema: ", "production:\n  history-schema: flyway\n");
        assertRefused("switchover.yml:2: production.tag: which version runs in production comes from the pipeline",
                "production:\n  tag: v*\n");
        assertRefused("switchover.yml:5: services[1].production.endpoint: which version of newsletter runs in"
                + " production comes from the pipeline", """
                services:
                  - name: people
                  - name: newsletter
                    production:
                      endpoint: https://attacker.example/commit
                """);
    }

    @Test
    void refusesPathsThatLeaveTheTreeButNotThoseInsideIt() throws IOException {
        assertRefused("switchover.yml:3: services[0].captured-sql: the captured SQL", """
                services:
                  - name: people
                    captured-sql: ../../etc/passwd
                """);
        assertRefused("switchover.yml:3: services[0].repository: the repository of people", """
                services:
                  - name: people
                    repository: /srv/other-team
                """);
        assertRefused("switchover.yml:2: migrations.repository: the migrations' repository", """
                migrations:
                  repository: ..
                """);
        assertRefused("switchover.yml:2: migrations.classpath: the candidate's artifact", """
                migrations:
                  classpath: /srv/builds/app.jar
                """);
        assertRefused("switchover.yml:3: migrations.prod-classpath: production's artifact", """
                migrations:
                  classpath: build/libs/app.jar
                  prod-classpath: ../prod/app.jar
                """);
        boundary(false).check(repositoryFile("""
                migrations:
                  repository: .
                  classpath: build/libs/app.jar
                services:
                  - name: people
                    repository: services/people
                """));
    }

    @Test
    void aSymbolicLinkOutOfTheTreeLeavesIt() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createDirectories(temp.resolve("checkout"));
        Files.createSymbolicLink(temp.resolve("checkout/captured"), outside);

        assertRefused("switchover.yml:3: services[0].captured-sql: the captured SQL", """
                services:
                  - name: people
                    captured-sql: captured/prod.csv
                """);
    }

    @Test
    void aTrustedRepositoryFileMaySayEverything() throws IOException {
        boundary(true).check(repositoryFile("""
                production:
                  history: jdbc:postgresql://prod-db/people
                services:
                  - name: newsletter
                    repository: ../newsletter
                    production:
                      tag: newsletter-v*
                """));
    }

    @Test
    void knowsWhatLiesInsideTheTree() throws IOException {
        Files.createDirectories(temp.resolve("checkout/ci"));
        assertTrue(boundary(false).insideTree(temp.resolve("checkout/ci/switchover.yml")));
        assertFalse(boundary(false).insideTree(temp.resolve("pipeline/switchover.yml")));
        assertFalse(boundary(false).insideTree(temp.resolve("checkout-other/switchover.yml")));
    }

    private void assertRefused(String expectedStart, String yaml) throws IOException {
        SwitchoverConfig config = repositoryFile(yaml);
        SwitchoverException error = assertThrows(SwitchoverException.class, () -> boundary(false).check(config));
        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().startsWith(expectedStart), error.getMessage());
        assertTrue(error.getMessage().endsWith("or pass --trust-repo-config to accept the repository's switchover.yml"
                + " as it is"), error.getMessage());
    }
}
