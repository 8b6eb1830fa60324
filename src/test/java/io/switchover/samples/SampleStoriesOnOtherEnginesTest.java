package io.switchover.samples;

import io.switchover.replay.AutoEngine;
import io.switchover.replay.Credentials;
import io.switchover.replay.EmbeddedPostgresEngine;
import io.switchover.replay.H2Engine;
import io.switchover.replay.MarkedDatabases;
import io.switchover.replay.ServerEngine;
import io.switchover.replay.ServerUrl;
import io.switchover.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
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
        // PostgreSQL only: stories that merely leave H2 out (jooq-rename-table: H2 cannot write through a view, in
        // some of its cases) are not about auto's choice
        return SampleStories.on(c -> c.engines().equals(List.of("postgres")), auto, report -> {
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
            // nothing to say about the replay; only, with a configuration, where production came from, and how the
            // Java migrations were replayed
            assertEquals(List.of(), report.notes().stream().filter(note -> !note.startsWith("production: ")
                    && !note.startsWith("Java migrations: ") && !note.contains(": replayed from the SQL their source"))
                    .toList());
        });
    }

    /** Counts only the databases this JVM made: other runs use the same servers at the same time. */
    private static Consumer<Report> leavesNothingBehind(String url, String engine) {
        List<String> before = MarkedDatabases.ofThisJvm(url);
        return report -> {
            assertTrue(report.engine().startsWith(engine), report.engine());
            assertEquals(before, MarkedDatabases.ofThisJvm(url), "databases left behind on " + report.engine());
        };
    }
}
