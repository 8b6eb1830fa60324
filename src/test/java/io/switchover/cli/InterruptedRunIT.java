package io.switchover.cli;

import io.switchover.replay.MarkedDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The built jar ({@code target/switchover.jar}), interrupted mid-replay while a migration sleeps, as a pipeline
 * cancels a job: SIGTERM and SIGINT leave nothing behind on any engine; SIGKILL leaves the run's database, or its
 * embedded data directory and running server, and the next run removes them. A run that is still going keeps what it
 * made while another run cleans up, on a server even with {@code --leftover-age 0s} (a server of the test's own, as
 * that age would also remove the databases of earlier versions' runs, which other checks on the shared servers make).
 *
 * <p>Every run has a temp directory of its own ({@code java.io.tmpdir}), so embedded PostgreSQL's directories there are
 * this test's alone; on the shared servers only the databases marked with the run's pid are looked at.
 */
class InterruptedRunIT {
    private static final Path JAR = Path.of("target/switchover.jar");
    private static final String STORY = "sample-migrations/alice-to-brian/";
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root";

    enum Signal { TERM, INT, KILL }

    @TempDir
    Path temp;

    static Stream<Arguments> everyEngineAndSignal() {
        return Stream.of(Engine.values()).flatMap(engine -> Stream.of(Signal.values())
                .map(signal -> Arguments.of(engine, signal)));
    }

    @ParameterizedTest(name = "{0}, SIG{1}")
    @MethodSource("everyEngineAndSignal")
    void nothingOfAnInterruptedRunOutlivesTheNextRun(Engine engine, Signal signal) throws Exception {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Process run = start(engine.slowCheck(candidate(engine, tmp)), tmp, "slow");
        Trace trace = engine.awaitSleeping(run, tmp);

        send(signal, run);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "switchover exits on SIG" + signal);

        if (signal != Signal.KILL) {
            assertEquals(List.of(), eventually(() -> engine.leftovers(trace)),
                    "SIG" + signal + " leaves nothing behind: " + read("slow"));
            return;
        }
        List<String> left = engine.leftovers(trace);
        if (engine != Engine.H2) {
            assertNotEquals(List.of(), left, "SIGKILL gives no chance to clean up");
        }
        Process next = start(engine.quickCheck(), tmp, "next");
        assertTrue(next.waitFor(120, TimeUnit.SECONDS), "the next run finishes");
        assertEquals(0, next.exitValue(), read("next"));
        assertEquals(List.of(), eventually(() -> engine.leftovers(trace)), "the next run removes " + left);
        if (engine == Engine.EMBEDDED_POSTGRES) {
            assertTrue(read("next").contains("note: stopped the embedded PostgreSQL server " + trace.postmasterPid()
                    + " and removed its data directory " + trace.directory()), read("next"));
        }
    }

    @Test
    void aLiveEmbeddedRunKeepsItsDirectoryAndServerWhileAnotherRunCleansUp() throws Exception {
        Engine engine = Engine.EMBEDDED_POSTGRES;
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Process running = start(engine.slowCheck(candidate(engine, tmp)), tmp, "slow");
        try {
            Trace trace = engine.awaitSleeping(running, tmp);
            List<String> made = engine.lasting(trace);

            Process cleaner = start(engine.quickCheck(), tmp, "other");
            assertTrue(cleaner.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, cleaner.exitValue(), read("other"));

            assertTrue(running.isAlive(), "the first run goes on: " + read("slow"));
            assertEquals(made, engine.lasting(trace), "the first run keeps its directory and server");
            assertTrue(engine.sleeping(trace), "and is still replaying");
            assertFalse(read("other").contains("note: "), read("other"));
        } finally {
            running.destroy();
            assertTrue(running.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void aLiveRunKeepsItsServerDatabaseOlderThanTheLeftoverAgeWhileAnotherCleansUp() throws Exception {
        // A PostgreSQL server of this test's own: at age zero the other run also drops every mark of an earlier
        // version, which the checks of other checkouts on 127.0.0.1:5432 still write.
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start()) {
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres";
            List<String> engine = List.of("--engine", "postgres", "--engine-url", url);
            Path tmp = Files.createDirectories(temp.resolve("tmp"));
            Process running = start(check(STORY + "deploy-1", candidate(Engine.POSTGRES, tmp).toString(), engine),
                    tmp, "slow");
            try {
                String sleeping = "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND query LIKE '%pg_sleep(60)%'";
                String[] database = new String[1];
                Engine.await(running, () -> {
                    List<String> mine = MarkedDatabases.of(url, running.pid());
                    database[0] = mine.isEmpty() ? null : mine.get(0);
                    return database[0] != null && Engine.sleepers(url, sleeping, database[0]);
                });

                List<String> other = new ArrayList<>(check(STORY + "deploy-4", STORY + "deploy-5", engine));
                // one second: the first run's database is older than that by the time the second starts, yet alive
                other.addAll(List.of("--leftover-age", "1s"));
                Process cleaner = start(other, tmp, "other");
                assertTrue(cleaner.waitFor(120, TimeUnit.SECONDS));
                assertEquals(0, cleaner.exitValue(), read("other"));

                assertTrue(running.isAlive(), "the first run goes on: " + read("slow"));
                assertEquals(List.of(database[0]), MarkedDatabases.of(url, running.pid()), "and keeps its database");
                assertTrue(Engine.sleepers(url, sleeping, database[0]), "in which it is still replaying");
                assertFalse(read("other").contains("note: "), read("other"));
            } finally {
                running.destroy();
                assertTrue(running.waitFor(60, TimeUnit.SECONDS));
            }
        }
    }

    private static List<String> check(String prod, String candidate, List<String> engine) {
        List<String> args = new ArrayList<>(List.of("check", "--prod", prod, "--candidate", candidate));
        args.addAll(engine);
        return args;
    }

    /** alice-to-brian's first two migrations, and a third that sleeps for a minute. */
    private Path candidate(Engine engine, Path tmp) throws IOException {
        Path candidate = temp.resolve("candidate");
        Files.createDirectories(candidate.resolve("db/migration"));
        Files.createDirectories(candidate.resolve("src"));
        for (String script : List.of("V1__create_person.sql", "V2__add_brian.sql")) {
            Files.copy(Path.of(STORY, "deploy-1/db/migration", script), candidate.resolve("db/migration/" + script));
        }
        Files.writeString(candidate.resolve("db/migration/V3__slow_backfill.sql"), engine.sleep(tmp));
        return candidate;
    }

    private Process start(List<String> args, Path tmp, String name) throws IOException {
        assertTrue(Files.exists(JAR), "build the jar first (mvn package)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp,
                // the PostgreSQL binaries are unpacked once, where every run finds them
                "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"),
                "-jar", JAR.toString()));
        command.addAll(args);
        Path out = temp.resolve(name + ".txt");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private static void send(Signal signal, Process run) throws Exception {
        switch (signal) {
            case TERM -> run.destroy();
            case KILL -> run.destroyForcibly();
            case INT -> {
                assumeFalse(ignoresSigint(run), "this test JVM was started with SIGINT ignored (a background job),"
                        + " and so is switchover: Ctrl-C cannot reach it");
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start();
                assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, kill.exitValue());
            }
        }
    }

    private static boolean ignoresSigint(Process run) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(run.pid()), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0b10) != 0;
            }
        }
        return false;
    }

    /** The leftovers, once they have had up to ten seconds to go (a postmaster's children end after it). */
    private static List<String> eventually(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left = check.leftovers();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = check.leftovers();
        }
        return left;
    }

    private String read(String name) {
        try {
            return Files.readString(temp.resolve(name + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @FunctionalInterface
    interface Check {
        List<String> leftovers() throws Exception;
    }

    /** What one run made: its database, or its data directory and server with its processes. */
    record Trace(long runPid, String database, Path directory, long postmasterPid, List<ProcessHandle> processes) {
        static Trace of(long runPid, String database) {
            return new Trace(runPid, database, null, 0, List.of());
        }
    }

    enum Engine {
        H2 {
            @Override
            List<String> engineArgs() {
                return List.of("--engine", "h2");
            }

            @Override
            String sleep(Path tmp) {
                // H2 has no sleep function; a Java method serves, after a file that says the replay got here
                return "CREATE ALIAS PAUSE FOR 'java.lang.Thread.sleep(long)';\n"
                        + "SELECT FILE_WRITE('here', '" + tmp.resolve("sleeping") + "');\n"
                        + "CALL PAUSE(60000);\n";
            }

            @Override
            boolean sleeping(Trace trace) {
                return true;
            }

            @Override
            Trace awaitSleeping(Process run, Path tmp) throws Exception {
                await(run, () -> Files.exists(tmp.resolve("sleeping")));
                return new Trace(run.pid(), null, tmp, 0, List.of());
            }

            @Override
            List<String> leftovers(Trace trace) throws IOException {
                // in memory: nothing on disk but the file the migration wrote
                try (Stream<Path> files = Files.list(trace.directory())) {
                    return files.filter(f -> !f.getFileName().toString().equals("sleeping")).map(Path::toString)
                            .toList();
                }
            }
        },

        EMBEDDED_POSTGRES {
            @Override
            List<String> engineArgs() {
                return List.of("--engine", "embedded-postgres");
            }

            @Override
            String sleep(Path tmp) {
                return "SELECT pg_sleep(60);\n";
            }

            @Override
            Trace awaitSleeping(Process run, Path tmp) throws Exception {
                Path[] directory = new Path[1];
                await(run, () -> {
                    directory[0] = runDirectory(tmp, run.pid()).orElse(null);
                    return directory[0] != null && Files.exists(directory[0].resolve("data/postmaster.pid"))
                            && sleepingOn(port(directory[0]));
                });
                long postmaster = Long.parseLong(postmasterPid(directory[0]).get(0).strip());
                ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
                List<ProcessHandle> processes = new ArrayList<>(List.of(server));
                processes.addAll(server.descendants().toList());
                return new Trace(run.pid(), null, directory[0], postmaster, processes);
            }

            @Override
            boolean sleeping(Trace trace) throws Exception {
                return sleepingOn(port(trace.directory()));
            }

            @Override
            List<String> leftovers(Trace trace) {
                List<String> left = new ArrayList<>();
                if (Files.exists(trace.directory())) {
                    left.add("data directory " + trace.directory());
                }
                trace.processes().stream().filter(ProcessHandle::isAlive)
                        .forEach(p -> left.add("process " + p.pid() + " " + p.info().commandLine().orElse("")));
                return left;
            }

            @Override
            List<String> lasting(Trace trace) {
                // the directory and the postmaster; backends and autovacuum workers come and go
                List<String> left = leftovers(trace);
                return left.stream().filter(l -> l.startsWith("data directory ")
                        || l.startsWith("process " + trace.postmasterPid() + " ")).toList();
            }

            private static Optional<Path> runDirectory(Path tmp, long pid) throws IOException {
                try (Stream<Path> roots = Files.list(tmp)) {
                    for (Path root : roots.filter(r -> r.getFileName().toString()
                            .startsWith("switchover-embedded-postgres-")).toList()) {
                        try (Stream<Path> runs = Files.list(root)) {
                            Optional<Path> mine = runs.filter(r -> r.getFileName().toString().startsWith(pid + "-"))
                                    .findFirst();
                            if (mine.isPresent()) {
                                return mine;
                            }
                        }
                    }
                }
                return Optional.empty();
            }

            private static List<String> postmasterPid(Path directory) throws IOException {
                return Files.readAllLines(directory.resolve("data/postmaster.pid"));
            }

            private static int port(Path directory) throws IOException {
                List<String> lines = postmasterPid(directory);
                return lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : -1;
            }

            private static boolean sleepingOn(int port) throws SQLException {
                return port > 0 && sleepers("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres",
                        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%'"
                                + " AND pid <> pg_backend_pid() AND datname LIKE ?", "switchover\\_%");
            }
        },

        POSTGRES {
            @Override
            List<String> engineArgs() {
                return List.of("--engine", "postgres", "--engine-url", POSTGRES_URL);
            }

            @Override
            String sleep(Path tmp) {
                return "SELECT pg_sleep(60);\n";
            }

            @Override
            boolean sleeping(Trace trace) throws SQLException {
                return sleepers(POSTGRES_URL, "SELECT count(*) FROM pg_stat_activity WHERE datname = ?"
                        + " AND query LIKE '%pg_sleep(60)%'", trace.database());
            }

            @Override
            List<String> leftovers(Trace trace) {
                return MarkedDatabases.of(POSTGRES_URL, trace.runPid());
            }
        },

        MARIADB {
            @Override
            List<String> engineArgs() {
                return List.of("--engine", "mariadb", "--engine-url", MARIADB_URL);
            }

            @Override
            String sleep(Path tmp) {
                return "SELECT SLEEP(60);\n";
            }

            @Override
            boolean sleeping(Trace trace) throws SQLException {
                return sleepers(MARIADB_URL, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ?"
                        + " AND INFO LIKE '%SLEEP(60)%'", trace.database());
            }

            @Override
            List<String> leftovers(Trace trace) {
                return MarkedDatabases.of(MARIADB_URL, trace.runPid());
            }
        };

        abstract List<String> engineArgs();

        /** A migration that sleeps for a minute, mid-replay. */
        abstract String sleep(Path tmp);

        /** Whether the run is in its sleeping migration. */
        abstract boolean sleeping(Trace trace) throws Exception;

        /** What the run made (its database, data directory, processes) that still exists. */
        abstract List<String> leftovers(Trace trace) throws Exception;

        /** What of that lasts as long as the run: what a cleanup by another run must leave alone. */
        List<String> lasting(Trace trace) throws Exception {
            return leftovers(trace);
        }

        /** Waits until the run sleeps in its slow migration; says what it made. */
        Trace awaitSleeping(Process run, Path tmp) throws Exception {
            Trace[] trace = new Trace[1];
            await(run, () -> {
                List<String> mine = leftovers(Trace.of(run.pid(), null));
                trace[0] = mine.isEmpty() ? null : Trace.of(run.pid(), mine.get(0));
                return trace[0] != null && sleeping(trace[0]);
            });
            return trace[0];
        }

        List<String> slowCheck(Path candidate) {
            return check(STORY + "deploy-1", candidate.toString(), engineArgs());
        }

        List<String> quickCheck() {
            return check(STORY + "deploy-4", STORY + "deploy-5", engineArgs());
        }

        static void await(Process run, Condition reached) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                try {
                    if (reached.holds()) {
                        return;
                    }
                } catch (SQLException | NumberFormatException notYet) {
                    // the server is starting, its postmaster.pid half written
                }
                assertTrue(run.isAlive(), "the check ended before its slow migration");
                Thread.sleep(100);
            }
            run.destroyForcibly();
            throw new AssertionError("the check never reached its slow migration");
        }

        static boolean sleepers(String url, String sql, String parameter) throws SQLException {
            try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            }
        }
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }
}
