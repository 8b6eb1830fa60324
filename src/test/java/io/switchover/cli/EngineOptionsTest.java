package io.switchover.cli;

import io.switchover.replay.MarkedDatabases;
import io.switchover.replay.TestcontainersEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The engine options as a user meets them: a check on each server engine, and every way the server can be wrong,
 * each one line on standard error with the right exit code, no password in it and no database left behind (of its
 * own: other runs use the same servers at the same time).
 */
class EngineOptionsTest {
    private static final String STORY = "sample-migrations/alice-to-brian/";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/mysql";
    private static final String SECRET = "s3cret-Pa55";

    @TempDir
    Path temp;

    private List<String> databasesBefore;

    @BeforeEach
    void rememberDatabases() {
        databasesBefore = databases();
    }

    @AfterEach
    void leavesNoDatabaseBehind() {
        assertEquals(databasesBefore, databases());
    }

    private static CommandLineRun check(String... engine) {
        List<String> args = new ArrayList<>(List.of("check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5"));
        args.addAll(List.of(engine));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    @Test
    void checksOnThePostgresServerWithTheUserInTheUrl() {
        CommandLineRun run = check("--engine", "postgres", "--engine-url", POSTGRES + "?user=postgres");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("on PostgreSQL 15"), run.out());
        assertTrue(run.out().contains("[expand-and-contract-in-one-batch]"), run.out());
    }

    @Test
    void checksOnTheMariaDbServer() {
        CommandLineRun run = check("--engine", "mariadb", "--engine-url", MARIADB + "?user=root");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("on MariaDB"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void anUnreachableServerIsAnInfrastructureFailureNamingTheAlternative() {
        CommandLineRun run = check("--engine", "postgres", "--engine-url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=" + SECRET);

        assertInfrastructure(run, "cannot reach PostgreSQL at 127.0.0.1:1");
        assertTrue(run.err().contains("--engine embedded-postgres"), run.err());
    }

    @Test
    void aRefusedLoginIsAnInfrastructureFailureThatNeverShowsThePassword() throws IOException {
        Path passwordFile = Files.writeString(temp.resolve("password"), SECRET + "\n");

        CommandLineRun mariadb = check("--engine", "mariadb", "--engine-url", MARIADB + "?user=root&password=" + SECRET);
        CommandLineRun fromFile = check("--engine", "mariadb", "--engine-url", MARIADB + "?user=root",
                "--engine-password-file", passwordFile.toString(), "--verbose");
        CommandLineRun postgres = check("--engine", "postgres", "--engine-url", POSTGRES + "?user=no_such_role_here");

        assertInfrastructure(mariadb, "MariaDB at 127.0.0.1:3306 refused the login of user 'root'");
        assertTrue(fromFile.err().startsWith("switchover: MariaDB at 127.0.0.1:3306 refused the login"), fromFile.err());
        assertFalse(fromFile.err().contains(SECRET), "not even in --verbose stack traces: " + fromFile.err());
        assertInfrastructure(postgres, "PostgreSQL at 127.0.0.1:5432 refused the login of user 'no_such_role_here'");
    }

    @Test
    void aPasswordInTheUserInformationOrThePathIsNeverShown() {
        CommandLineRun information = check("--engine", "postgres", "--engine-url",
                "jdbc:postgresql://postgres:" + SECRET + "@127.0.0.1:1/postgres");
        CommandLineRun path = check("--engine", "postgres", "--engine-url",
                "jdbc:postgresql://127.0.0.1:1/postgres;user=postgres;password=" + SECRET);
        CommandLineRun unreadable = check("--engine", "postgres", "--engine-url",
                "postgresql://postgres:" + SECRET + "@127.0.0.1/postgres;password=" + SECRET);

        assertInfrastructure(information, "cannot reach PostgreSQL at 127.0.0.1:1 (");
        assertInfrastructure(path, "cannot reach PostgreSQL at 127.0.0.1:1 (");
        assertBadInput(unreadable, "is not a JDBC server URL");
    }

    @Test
    void aUserWhoMayNotCreateDatabasesIsToldWhatToGrant() throws SQLException {
        String role = "switchover_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
        try {
            CommandLineRun run = check("--engine", "postgres", "--engine-url", POSTGRES + "?user=" + role);

            assertInfrastructure(run, "user '" + role + "' may not create databases on PostgreSQL at 127.0.0.1:5432");
            assertTrue(run.err().contains("ALTER ROLE " + role + " CREATEDB"), run.err());
        } finally {
            execute("DROP ROLE " + role);
        }
    }

    @Test
    void aUrlForAnotherDriverIsBadInput() {
        assertBadInput(check("--engine", "postgres", "--engine-url", MARIADB + "?user=root&password=" + SECRET),
                "--engine postgres needs a PostgreSQL URL such as jdbc:postgresql://host:port/postgres, not mariadb://");
        assertBadInput(check("--engine", "mariadb", "--engine-url", POSTGRES),
                "--engine mariadb needs a MariaDB URL");
        assertBadInput(check("--engine", "postgres", "--engine-url", "postgres://127.0.0.1/db?password=" + SECRET),
                "is not a JDBC server URL");
        assertBadInput(check("--engine", "h2", "--engine-url", POSTGRES), "--engine-url is for --engine postgres or mariadb");
        assertBadInput(check("--engine", "postgres"), "--engine postgres needs --engine-url");
        assertBadInput(check("--engine", "postgres", "--engine-url", POSTGRES, "--leftover-age", "soon"),
                "--leftover-age 'soon'");
    }

    @Test
    void testcontainersWithoutDockerNamesTheEnginesThatNeedNone() {
        assumeFalse(TestcontainersEngine.dockerAvailable(), "Docker is available here");

        CommandLineRun run = check("--engine", "testcontainers");

        assertInfrastructure(run, "--engine testcontainers needs Docker, which is not available here; use --engine"
                + " embedded-postgres (no Docker, no server) or --engine postgres --engine-url");
    }

    private static void assertInfrastructure(CommandLineRun run, String expected) {
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("switchover: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains(SECRET), run.err());
        assertEquals("", run.out());
    }

    private static void assertBadInput(CommandLineRun run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains(SECRET), run.err());
    }

    /** The replay databases this JVM made: other runs use the same servers meanwhile, and theirs are not ours to count. */
    private static List<String> databases() {
        List<String> names = new ArrayList<>();
        MarkedDatabases.ofThisJvm(POSTGRES + "?user=postgres").forEach(name -> names.add("postgres:" + name));
        MarkedDatabases.ofThisJvm(MARIADB + "?user=root").forEach(name -> names.add("mariadb:" + name));
        return names;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES + "?user=postgres"); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
