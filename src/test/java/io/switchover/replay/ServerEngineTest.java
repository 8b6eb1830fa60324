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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The databases a server engine creates on this machine's PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306)
 * servers: fresh, marked, dropped; leftovers of killed runs removed once old enough, and nothing else.
 */
class ServerEngineTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root";

    private static ServerEngine postgres(Duration leftoverAge) {
        return ServerEngine.postgres(ServerUrl.parse(POSTGRES, "test"), Credentials.of("postgres", null), leftoverAge);
    }

    @Test
    void createsAFreshMarkedDatabaseAndDropsItOnClose() throws SQLException {
        String name;
        try (ReplayDatabase db = postgres(Duration.ofHours(1)).create()) {
            name = db.url().replaceFirst(".*/(switchover_[0-9a-f]+).*", "$1");
            assertTrue(db.description().startsWith("PostgreSQL 15"), db.description());
            assertTrue(db.url().contains("stringtype=unspecified"), db.url());
            Instant created = ServerEngine.createdAt(comments(POSTGRES, name).get(0));
            assertNotNull(created, "marked with its creation time");
            assertTrue(comments(POSTGRES, name).get(0).contains("pid=" + ProcessHandle.current().pid()));
        }
        assertEquals(List.of(), comments(POSTGRES, name), name + " must be gone");
    }

    @Test
    void removesOnlyMarkedLeftoversOlderThanTheLeftoverAge() throws SQLException {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String old = "switchover_test_old_" + suffix;
        String fresh = "switchover_test_fresh_" + suffix;
        String unmarked = "switchover_test_unmarked_" + suffix;
        String otherComment = "switchover_test_other_" + suffix;
        try {
            execute(POSTGRES, "CREATE DATABASE " + old, "COMMENT ON DATABASE " + old + " IS '"
                    + ServerEngine.mark(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)) + "'",
                    "CREATE DATABASE " + fresh, "COMMENT ON DATABASE " + fresh + " IS '" + ServerEngine.mark() + "'",
                    "CREATE DATABASE " + unmarked,
                    "CREATE DATABASE " + otherComment, "COMMENT ON DATABASE " + otherComment
                            + " IS 'created=2001-01-01T00:00:00Z; not ours'");

            List<String> notes;
            try (ReplayDatabase db = postgres(Duration.ofHours(1)).create()) {
                notes = db.notes();
            }

            assertEquals(List.of(), comments(POSTGRES, old), "the old leftover is removed");
            assertEquals(1, comments(POSTGRES, fresh).size(), "a marked database younger than the age stays");
            assertEquals(1, comments(POSTGRES, unmarked).size(), "an unmarked database stays");
            assertEquals(1, comments(POSTGRES, otherComment).size(), "a database with another comment stays");
            assertEquals(1, notes.size(), notes.toString());
            assertTrue(notes.get(0).startsWith("removed " + old + " on 127.0.0.1:5432, left behind by a switchover run"
                    + " that was killed (created="), notes.get(0));
        } finally {
            execute(POSTGRES, "DROP DATABASE IF EXISTS " + old, "DROP DATABASE IF EXISTS " + fresh,
                    "DROP DATABASE IF EXISTS " + unmarked, "DROP DATABASE IF EXISTS " + otherComment);
        }
    }

    @Test
    void removesMarkedLeftoversOnMariaDbToo() throws SQLException {
        String old = "switchover_test_old_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String unmarked = old.replace("_old_", "_unmarked_");
        try {
            execute(MARIADB, "CREATE DATABASE " + old + " COMMENT '"
                    + ServerEngine.mark(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)) + "'",
                    "CREATE DATABASE " + unmarked);
            ServerEngine engine = ServerEngine.mariadb(ServerUrl.parse(MARIADB, "test"), Credentials.of("root", null),
                    Duration.ofHours(1));
            String name;
            try (ReplayDatabase db = engine.create()) {
                name = db.url().replaceFirst(".*/(switchover_[0-9a-f]+).*", "$1");
                assertEquals(1, schemas(name).size());
            }
            assertEquals(List.of(), schemas(name));
            assertEquals(List.of(), schemas(old));
            assertEquals(List.of(unmarked), schemas(unmarked));
        } finally {
            execute(MARIADB, "DROP DATABASE IF EXISTS " + old, "DROP DATABASE IF EXISTS " + unmarked);
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

    @Test
    void readsOnlyItsOwnMark() {
        assertNull(ServerEngine.createdAt(null));
        assertNull(ServerEngine.createdAt("created=2001-01-01T00:00:00Z;"));
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"),
                ServerEngine.createdAt(ServerEngine.MARK + "; created=2026-01-02T03:04:05Z; pid=1; host=h"));
        assertFalse(ServerEngine.mark().contains("'"));
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
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
