package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The databases a server engine creates on this machine's PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306)
 * servers: fresh, marked, locked for as long as the run lasts, dropped; leftovers removed once their owners are gone
 * (lock free, and not running on this host) or, for marks without a lock, once old enough; nothing else. Each test
 * makes and inspects only databases of its own: other runs use the same servers at the same time.
 */
class ServerEngineTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root";

    private final Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private static ServerEngine postgres(Duration leftoverAge) {
        return ServerEngine.postgres(ServerUrl.parse(POSTGRES, "test"), Credentials.of("postgres", null), leftoverAge);
    }

    @Test
    void createsAFreshMarkedDatabaseHoldsItsLockWhileOpenAndDropsItOnClose() throws SQLException {
        String name;
        String lock;
        try (ReplayDatabase db = postgres(Duration.ofHours(1)).create()) {
            name = db.url().replaceFirst(".*/(switchover_[0-9a-f]+).*", "$1");
            assertTrue(db.description().startsWith("PostgreSQL 15"), db.description());
            assertTrue(db.url().contains("stringtype=unspecified"), db.url());
            ServerMark mark = ServerMark.read(comments(POSTGRES, name).get(0)).orElseThrow();
            assertEquals(ReplayOwner.current(), mark.owner(), "marked with this process and its start time");
            lock = mark.lock().orElseThrow();
            assertEquals(ServerEngine.lockKey(name), lock);
            assertTrue(postgresLockHeld(lock), "the owner holds the lock named in the mark for as long as it runs");
        }
        assertEquals(List.of(), comments(POSTGRES, name), name + " must be gone");
        assertFalse(postgresLockHeld(lock), "and the lock is free again");
    }

    @Test
    void neverDropsADatabaseWhoseOwnerIsAliveEvenWithLeftoverAgeZero() throws SQLException {
        // A server of its own: at age zero the cleanup would also drop every mark of an earlier version, and other
        // runs share 127.0.0.1:5432.
        EmbeddedServer server = EmbeddedServer.start(EmbeddedDataDirectories.inTempDirectory());
        try {
            String admin = "jdbc:postgresql://localhost:" + server.port() + "/postgres?user=postgres";
            String remote = "switchover_test_remote";
            String remoteLock = ServerEngine.lockKey(remote);
            // a run on another host, two hours old and alive: its session, in another database, holds the lock
            execute(admin, "CREATE DATABASE remote_home");
            Connection remoteOwner = DriverManager.getConnection(admin.replace("/postgres?", "/remote_home?"));
            execute(remoteOwner, "SELECT pg_advisory_lock(" + remoteLock + ")");
            createMarked(admin, remote, new ServerMark(twoHoursAgo, new ReplayOwner("elsewhere", 1,
                    Optional.empty()), Optional.of(remoteLock)));
            try (ReplayDatabase running = serverAt(admin, Duration.ofHours(1)).create()) {
                String local = running.url().replaceFirst(".*/(switchover_[0-9a-f]+).*", "$1");

                try (ReplayDatabase other = serverAt(admin, Duration.ZERO).create()) {
                    assertEquals(List.of(), other.notes());
                }

                assertEquals(1, comments(admin, local).size(), "a concurrent run on this host keeps its database");
                assertEquals(1, comments(admin, remote).size(), "a run elsewhere whose lock is held keeps its database");

                remoteOwner.close(); // the remote run dies: the server frees its lock
                List<String> notes;
                try (ReplayDatabase other = serverAt(admin, Duration.ZERO).create()) {
                    notes = other.notes();
                }
                assertEquals(List.of(), comments(admin, remote), "gone with its owner");
                assertEquals(1, comments(admin, local).size());
                assertEquals(List.of("removed " + remote + " on localhost:" + server.port() + ", left behind by a"
                        + " switchover run that was killed (created=" + twoHoursAgo + "; pid=1; host=elsewhere)"), notes);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void dropsTheDatabaseOfAnOwnerThatIsProvablyGoneAtOnceAndOfNoOwnerThatHoldsItsLock() throws SQLException {
        String sfx = suffix();
        String elsewhere = "switchover_test_dead_" + sfx;
        String recycled = "switchover_test_recycled_" + sfx;
        String cutOff = "switchover_test_cutoff_" + sfx;
        String alive = "switchover_test_alive_" + sfx;
        ReplayOwner self = ReplayOwner.current();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Connection aliveOwner = DriverManager.getConnection(POSTGRES);
        try {
            // just made, on another host, and its lock is free: that run has ended
            createMarked(elsewhere, new ServerMark(now, new ReplayOwner("elsewhere", 1, Optional.empty()),
                    Optional.of(ServerEngine.lockKey(elsewhere))));
            // this host, this pid, but a process that started an hour earlier: the pid was given again
            createMarked(recycled, new ServerMark(now, new ReplayOwner(self.host(), self.pid(),
                    Optional.of(self.started().orElseThrow().minus(1, ChronoUnit.HOURS))),
                    Optional.of(ServerEngine.lockKey(recycled))));
            // this very process, whose lock is free (its connection was cut): it still runs, the database stays
            createMarked(cutOff, new ServerMark(now, self, Optional.of(ServerEngine.lockKey(cutOff))));
            // two hours old, past the age, but its owner elsewhere holds the lock: it stays
            execute(aliveOwner, "SELECT pg_advisory_lock(" + ServerEngine.lockKey(alive) + ")");
            createMarked(alive, new ServerMark(twoHoursAgo, new ReplayOwner("elsewhere", 1, Optional.empty()),
                    Optional.of(ServerEngine.lockKey(alive))));

            List<String> notes;
            try (ReplayDatabase db = postgres(Duration.ofHours(1)).create()) {
                notes = db.notes();
            }

            assertEquals(List.of(), comments(POSTGRES, elsewhere));
            assertEquals(List.of(), comments(POSTGRES, recycled));
            assertEquals(1, comments(POSTGRES, cutOff).size());
            assertEquals(1, comments(POSTGRES, alive).size());
            // other runs' leftovers may be removed too: only this test's databases count
            assertEquals(List.of(elsewhere, recycled), notes.stream().map(n -> n.split(" ")[1])
                    .filter(n -> n.endsWith(sfx)).toList(), notes.toString());
        } finally {
            aliveOwner.close();
            execute(POSTGRES, "DROP DATABASE IF EXISTS " + elsewhere, "DROP DATABASE IF EXISTS " + recycled,
                    "DROP DATABASE IF EXISTS " + cutOff, "DROP DATABASE IF EXISTS " + alive);
        }
    }

    @Test
    void aMarkWithoutALockIsDroppedOnlyPastTheLeftoverAge() throws SQLException {
        String sfx = suffix();
        String old = "switchover_test_old_" + sfx;
        String fresh = "switchover_test_fresh_" + sfx;
        String unmarked = "switchover_test_unmarked_" + sfx;
        String otherComment = "switchover_test_other_" + sfx;
        ReplayOwner olderVersion = new ReplayOwner("elsewhere", 1, Optional.empty());
        try {
            // as older versions marked them: no lock, so nothing tells a live owner from a dead one but the age
            createMarked(old, new ServerMark(twoHoursAgo, olderVersion, Optional.empty()));
            createMarked(fresh, new ServerMark(Instant.now().minus(10, ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.SECONDS), olderVersion, Optional.empty()));
            execute(POSTGRES, "CREATE DATABASE " + unmarked, "CREATE DATABASE " + otherComment,
                    "COMMENT ON DATABASE " + otherComment + " IS 'created=2001-01-01T00:00:00Z; not ours'");

            List<String> notes;
            try (ReplayDatabase db = postgres(Duration.ofHours(1)).create()) {
                notes = db.notes();
            }

            assertEquals(List.of(), comments(POSTGRES, old), "the old leftover is removed");
            assertEquals(1, comments(POSTGRES, fresh).size(), "a mark without a lock younger than the age stays");
            assertEquals(1, comments(POSTGRES, unmarked).size(), "an unmarked database stays");
            assertEquals(1, comments(POSTGRES, otherComment).size(), "a database with another comment stays");
            List<String> mine = notes.stream().filter(n -> n.contains(sfx)).toList();
            assertEquals(1, mine.size(), notes.toString());
            assertTrue(mine.get(0).startsWith("removed " + old + " on 127.0.0.1:5432, left behind by a switchover run"
                    + " that was killed (created="), mine.get(0));
        } finally {
            execute(POSTGRES, "DROP DATABASE IF EXISTS " + old, "DROP DATABASE IF EXISTS " + fresh,
                    "DROP DATABASE IF EXISTS " + unmarked, "DROP DATABASE IF EXISTS " + otherComment);
        }
    }

    @Test
    void onMariaDbTheNamedLockTellsALiveOwnerFromADeadOne() throws SQLException {
        String sfx = suffix();
        String alive = "switchover_test_alive_" + sfx;
        String dead = "switchover_test_dead_" + sfx;
        String old = "switchover_test_old_" + sfx;
        String unmarked = "switchover_test_unmarked_" + sfx;
        ReplayOwner elsewhere = new ReplayOwner("elsewhere", 1, Optional.empty());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection aliveOwner = DriverManager.getConnection(MARIADB)) {
            execute(aliveOwner, "SELECT GET_LOCK('switchover-" + ServerEngine.lockKey(alive) + "', 0)");
            execute(MARIADB, "CREATE DATABASE " + alive + " COMMENT '" + new ServerMark(twoHoursAgo, elsewhere,
                            Optional.of(ServerEngine.lockKey(alive))).text() + "'",
                    "CREATE DATABASE " + dead + " COMMENT '" + new ServerMark(now, elsewhere,
                            Optional.of(ServerEngine.lockKey(dead))).text() + "'",
                    "CREATE DATABASE " + old + " COMMENT '" + new ServerMark(twoHoursAgo, elsewhere,
                            Optional.empty()).text() + "'",
                    "CREATE DATABASE " + unmarked);
            ServerEngine engine = ServerEngine.mariadb(ServerUrl.parse(MARIADB, "test"), Credentials.of("root", null),
                    Duration.ofHours(1));
            String name;
            try (ReplayDatabase db = engine.create()) {
                name = db.url().replaceFirst(".*/(switchover_[0-9a-f]+).*", "$1");
                assertEquals(1, schemas(name).size());
                assertTrue(mariaDbLockHeld(ServerEngine.lockKey(name)), "the owner holds its named lock");
            }
            assertEquals(List.of(), schemas(name));
            assertFalse(mariaDbLockHeld(ServerEngine.lockKey(name)));
            assertEquals(List.of(alive), schemas(alive), "its owner's lock is held: it stays, though past the age");
            assertEquals(List.of(), schemas(dead), "its lock is free: the owner is gone");
            assertEquals(List.of(), schemas(old));
            assertEquals(List.of(unmarked), schemas(unmarked));
        } finally {
            execute(MARIADB, "DROP DATABASE IF EXISTS " + alive, "DROP DATABASE IF EXISTS " + dead,
                    "DROP DATABASE IF EXISTS " + old, "DROP DATABASE IF EXISTS " + unmarked);
        }
    }

    @Test
    void refusesToReplayIntoADatabaseThatAlreadyHoldsTables() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD).setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start()) {
            String admin = "jdbc:postgresql://localhost:" + server.getPort() + "/template1?user=postgres";
            execute(admin, "CREATE TABLE precious (id int)");
            ServerEngine engine = ServerEngine.postgres(ServerUrl.parse("jdbc:postgresql://localhost:" + server.getPort()
                    + "/postgres", "test"), Credentials.of("postgres", null), Duration.ofHours(1));

            SwitchoverException refused = assertThrows(SwitchoverException.class, engine::create);

            assertEquals(ExitCode.INFRASTRUCTURE, refused.exitCode());
            assertTrue(refused.getMessage().contains("already holds 1 table(s)"), refused.getMessage());
            assertEquals(List.of(), names("jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres"),
                    "the refused database is dropped");
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static void createMarked(String name, ServerMark mark) throws SQLException {
        createMarked(POSTGRES, name, mark);
    }

    private static void createMarked(String url, String name, ServerMark mark) throws SQLException {
        execute(url, "CREATE DATABASE " + name, "COMMENT ON DATABASE " + name + " IS '" + mark.text() + "'");
    }

    private static ServerEngine serverAt(String url, Duration leftoverAge) {
        return ServerEngine.postgres(ServerUrl.parse(url, "test"), Credentials.of("postgres", null), leftoverAge);
    }

    private static boolean postgresLockHeld(String key) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES)) {
            return ServerDialect.POSTGRESQL.locked(c, key);
        }
    }

    private static boolean mariaDbLockHeld(String key) throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIADB)) {
            return ServerDialect.MARIADB.locked(c, key);
        }
    }

    private static List<String> comments(String url, String database) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '"
                     + database + "'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static List<String> names(String url) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'switchover%'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static List<String> schemas(String name) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(MARIADB); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                     + name + "'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            execute(c, statements);
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
