package io.switchover.samples;

import io.switchover.replay.AutoEngine;
import io.switchover.replay.Credentials;
import io.switchover.replay.EmbeddedPostgresEngine;
import io.switchover.replay.H2Engine;
import io.switchover.replay.ServerEngine;
import io.switchover.replay.ServerUrl;
import io.switchover.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample stories give the same verdicts on real databases: embedded PostgreSQL, this machine's PostgreSQL server
 * (127.0.0.1:5432, user postgres) and MariaDB server (127.0.0.1:3306, user root); stories marked PostgreSQL-only are
 * left out on MariaDB. On the servers each check creates its own database and must leave none behind.
 */
class SampleStoriesOnOtherEnginesTest {
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root";

    private static EmbeddedPostgresEngine embedded;

    @BeforeAll
    static void startEmbeddedPostgresOnce() {
        embedded = EmbeddedPostgresEngine.shared();
    }

    @AfterAll
    static void stopEmbeddedPostgres() {
        embedded.close();
    }

    @TestFactory
    Stream<DynamicTest> everyStoryMeetsItsExpectationsOnEmbeddedPostgres() {
        return SampleStories.on("postgres", embedded, report ->
                assertTrue(report.engine().startsWith("embedded PostgreSQL"), report.engine()));
    }

    @TestFactory
    Stream<DynamicTest> everyStoryMeetsItsExpectationsOnThePostgresServer() {
        ServerUrl url = ServerUrl.parse(POSTGRES_URL, "test");
        return SampleStories.on("postgres", ServerEngine.postgres(url, Credentials.of("postgres", null),
                Duration.ofHours(1)), leavesNothingBehind(POSTGRES_URL, "PostgreSQL 1"));
    }

    @TestFactory
    Stream<DynamicTest> everyPortableStoryMeetsItsExpectationsOnTheMariaDbServer() {
        ServerUrl url = ServerUrl.parse(MARIADB_URL, "test");
        return SampleStories.on("mariadb", ServerEngine.mariadb(url, Credentials.of("root", null),
                Duration.ofHours(1)), leavesNothingBehind(MARIADB_URL, "MariaDB"));
    }

    @TestFactory
    Stream<DynamicTest> autoReplaysPostgresOnlyStoriesOnEmbeddedPostgresAndSaysWhy() {
        AutoEngine auto = new AutoEngine(new H2Engine(), () -> embedded);
        return SampleStories.on(c -> c.engines().contains("postgres") && !c.runsOn("h2"), auto, report -> {
            assertTrue(report.engine().startsWith("embedded PostgreSQL"), report.engine());
            assertTrue(report.notes().get(0).startsWith("replayed on embedded PostgreSQL"), report.notes().toString());
            assertTrue(report.notes().get(0).contains("does not run on H2"), report.notes().toString());
        });
    }

    @TestFactory
    Stream<DynamicTest> autoStaysOnH2ForPortableStories() {
        AutoEngine auto = new AutoEngine(new H2Engine(), () -> embedded);
        return SampleStories.on(c -> c.runsOn("h2"), auto, report -> {
            assertTrue(report.engine().startsWith("H2"), report.engine());
            // nothing to say about the replay; only, with a configuration, where production came from
            assertEquals(List.of(), report.notes().stream().filter(note -> !note.startsWith("production: ")).toList());
        });
    }

    private static Consumer<Report> leavesNothingBehind(String url, String engine) {
        List<String> before = switchoverDatabases(url);
        return report -> {
            assertTrue(report.engine().startsWith(engine), report.engine());
            assertEquals(before, switchoverDatabases(url), "databases left behind on " + report.engine());
        };
    }

    static List<String> switchoverDatabases(String url) {
        boolean postgres = url.startsWith("jdbc:postgresql");
        String sql = postgres ? "SELECT datname FROM pg_database WHERE datname LIKE 'switchover\\_%' ORDER BY 1"
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'switchover\\_%' ORDER BY 1";
        try (Connection connection = DriverManager.getConnection(url);
             Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("the test needs the server at " + url + ": " + e.getMessage(), e);
        }
    }
}
