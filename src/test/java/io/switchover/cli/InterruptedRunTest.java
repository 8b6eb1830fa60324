package io.switchover.cli;

import io.switchover.replay.MarkedDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A check against the PostgreSQL server, interrupted mid-replay in a separate JVM while a migration sleeps in
 * pg_sleep: SIGTERM (Ctrl-C, a cancelled pipeline) drops its database on the way out; SIGKILL leaves it, and the next
 * run removes it once it is older than --leftover-age, and no other database.
 */
class InterruptedRunTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String STORY = "sample-migrations/alice-to-brian/";

    @TempDir
    Path temp;

    @Test
    void theNextRunRemovesTheDatabaseOfAKilledRunAndLeavesEveryOtherAlone() throws Exception {
        Process run = startSlowCheck();
        String leftover = awaitDatabaseOf(run);
        run.destroyForcibly();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        assertTrue(databases().containsKey(leftover), "SIGKILL leaves the database behind");

        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String unmarked = "switchover_test_unmarked_" + suffix;
        String running = "switchover_test_running_" + suffix;
        try {
            execute("CREATE DATABASE " + unmarked);
            Thread.sleep(Math.max(0, 6_000 - ageMillis(databases().get(leftover))));
            // another run that is still going: marked, but younger than --leftover-age
            execute("CREATE DATABASE " + running);
            execute("COMMENT ON DATABASE " + running + " IS 'switchover replay database; created=" + Instant.now()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "; pid=1; host=elsewhere'");

            CommandLineRun next = CommandLineRun.of("check", "--prod", STORY + "deploy-4", "--candidate", STORY + "deploy-5",
                    "--engine", "postgres", "--engine-url", SERVER + "?user=postgres", "--leftover-age", "5s");

            assertEquals(0, next.exitCode(), next.out() + next.err());
            assertTrue(next.out().contains("note: removed " + leftover + " on 127.0.0.1:5432, left behind by a switchover"
                    + " run that was killed"), next.out());
            Map<String, String> after = databases();
            assertFalse(after.containsKey(leftover), "the killed run's database is removed");
            assertTrue(after.containsKey(unmarked), "an unmarked database stays");
            assertTrue(after.containsKey(running), "a younger marked database stays");
        } finally {
            execute("DROP DATABASE IF EXISTS " + unmarked);
            execute("DROP DATABASE IF EXISTS " + running);
            execute("DROP DATABASE IF EXISTS " + leftover + " WITH (FORCE)");
        }
    }

    @Test
    void sigtermDropsTheDatabaseOnTheWayOutAndMakesNoOther() throws Exception {
        Process run = startSlowCheck();
        String database = awaitDatabaseOf(run);
        run.destroy();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "exits on SIGTERM");

        assertFalse(databases().containsKey(database), "the shutdown hook dropped " + database);
        // The killed connection fails the batch, and a replay that starts over must not leave a database behind.
        // Only the run's own databases count: other runs use the same server meanwhile.
        assertEquals(List.of(), MarkedDatabases.of(SERVER + "?user=postgres", run.pid()));
    }

    /** alice-to-brian with a batch migration that sleeps, checked by the command line in its own JVM. */
    private Process startSlowCheck() throws IOException {
        Path candidate = temp.resolve("candidate");
        Files.createDirectories(candidate.resolve("db/migration"));
        for (String script : List.of("V1__create_person.sql", "V2__add_brian.sql")) {
            Files.copy(Path.of(STORY, "deploy-1/db/migration", script), candidate.resolve("db/migration/" + script));
        }
        Files.writeString(candidate.resolve("db/migration/V3__slow_backfill.sql"), "SELECT pg_sleep(120);\n");
        Files.createDirectories(candidate.resolve("src"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "--prod", STORY + "deploy-1", "--candidate", candidate.toString(),
                "--engine", "postgres", "--engine-url", SERVER + "?user=postgres");
        return new ProcessBuilder(command).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile()).start();
    }

    private String awaitDatabaseOf(Process run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<String> mine = databases().entrySet().stream()
                    .filter(d -> d.getValue() != null && d.getValue().contains("pid=" + run.pid() + ";"))
                    .map(Map.Entry::getKey).findFirst();
            if (mine.isPresent() && sleeping(mine.get())) {
                return mine.get();
            }
            assertTrue(run.isAlive(), () -> "the check ended early: " + read("out.txt") + read("err.txt"));
            Thread.sleep(200);
        }
        run.destroyForcibly();
        throw new AssertionError("the check never reached its slow migration");
    }

    private static boolean sleeping(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "?user=postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
                     + "' AND query LIKE '%pg_sleep%'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static long ageMillis(String mark) {
        String created = mark.replaceFirst(".*created=(\\S+?);.*", "$1");
        return Instant.now().toEpochMilli() - Instant.parse(created).toEpochMilli();
    }

    private static Map<String, String> databases() throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(SERVER + "?user=postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        }
        return found;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "?user=postgres"); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(temp.resolve(file));
        } catch (IOException e) {
            return "";
        }
    }
}
