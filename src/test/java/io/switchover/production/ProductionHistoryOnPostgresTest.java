package io.switchover.production;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchover.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real PostgreSQL server plays production: Flyway itself wrote the history, and the gate reads it through a role
 * that may select the history table and nothing else. What the gate sends is read off the wire through a recording
 * proxy (the start-up packet and every statement, whatever the server's logging configuration); where the server's
 * log is readable, the role's statement log says the same.
 */
class ProductionHistoryOnPostgresTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");

    @TempDir
    static Path temp;
    static PostgresProduction production;
    static Path passwordFile;

    @BeforeAll
    static void startProduction() throws SQLException, IOException {
        Assumptions.assumeTrue(PostgresProduction.serverIsUp(), "PostgreSQL on 127.0.0.1:5432 (.ci/run starts it)");
        // Production applied V1..V3 (deploy-3); the candidate, deploy-5, adds V4.
        production = new PostgresProduction(STORY.resolve("deploy-3/db/migration"));
        passwordFile = temp.resolve("password");
        Files.writeString(passwordFile, production.password + "\n");
    }

    @AfterAll
    static void dropProduction() throws SQLException {
        if (production != null) {
            production.close();
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void computesTheBatchFromWhatProductionAppliedThroughASelectOnlyRoleAndSendsNothingButOneSelect() throws IOException {
        Optional<Path> log = serverLog();
        long logSizeBefore = log.isPresent() ? Files.size(log.get()) : 0;

        Run result = run("check", "--prod-history", production.url(), "--prod-password-file", passwordFile.toString(),
                "--prod", STORY.resolve("deploy-3").toString(), "--candidate", STORY.resolve("deploy-5").toString());

        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("batch: V4__drop_alice.sql\n"), result.out());
        assertTrue(result.out().contains("V4__drop_alice.sql (batch step 1 of 1) breaks 4 statements"), result.out());
        assertFalse(result.out().contains(production.password) || result.err().contains(production.password));

        Assumptions.assumeTrue(log.isPresent(), "the server's log file is readable");
        List<String> statements = statementsOf(production.reader, log.get(), logSizeBefore);
        assertEquals(1, statements.size(), statements.toString());
        assertTrue(statements.get(0).contains("SELECT installed_rank, version, description, type, script, checksum,"
                + " success FROM \"flyway_schema_history\" ORDER BY installed_rank"), statements.get(0));
    }

    @Test
    void sendsNothingButTheSelectOverASessionThatIsReadOnlyFromItsStartUpPacket() throws Exception {
        try (WireRecorder wire = WireRecorder.to("127.0.0.1", 5432)) {
            Run result = run("check", "--prod-history", "jdbc:postgresql://127.0.0.1:" + wire.port() + "/"
                            + production.database + "?user=" + production.reader + "&sslmode=disable",
                    "--prod-password-file", passwordFile.toString(),
                    "--prod", STORY.resolve("deploy-3").toString(), "--candidate", STORY.resolve("deploy-5").toString());

            assertEquals(1, result.exitCode(), result.out() + result.err());
            List<byte[]> connections = wire.sent();
            assertEquals(1, connections.size(), "one connection to production");
            PostgresFrontend sent = PostgresFrontend.read(connections.get(0));
            assertTrue(sent.startup().getOrDefault("options", "").contains("-c default_transaction_read_only=on"),
                    sent.startup().toString());
            assertTrue(sent.startup().getOrDefault("options", "").contains("-c statement_timeout=30000"),
                    sent.startup().toString());
            assertEquals(List.of("SELECT installed_rank, version, description, type, script, checksum, success FROM"
                    + " \"flyway_schema_history\" ORDER BY installed_rank"), sent.statements());
        }
    }

    @Test
    void refusesAnInjectedHistoryTableNameWithoutConnectingAndNothingIsCreated() throws Exception {
        String injected = "flyway_schema_history\" ; CREATE TABLE pwned (x int); --";
        try (WireRecorder wire = WireRecorder.to("127.0.0.1", 5432)) {
            Run result = run("check", "--prod-history", "jdbc:postgresql://127.0.0.1:" + wire.port() + "/"
                            + production.database + "?user=" + production.reader + "&sslmode=disable",
                    "--prod-password-file", passwordFile.toString(), "--history-table", injected,
                    "--prod", STORY.resolve("deploy-3").toString(), "--candidate", STORY.resolve("deploy-5").toString());

            assertEquals(2, result.exitCode(), result.out() + result.err());
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().startsWith("switchover: --history-table: 'flyway_schema_history\" ; CREATE TABLE"
                    + " pwned (x int); --' is not a plain table or schema name"), result.err());
            assertEquals(List.of(), wire.sent(), "nothing was sent to production");
        }
        assertFalse(production.hasTable("pwned"));
    }

    @Test
    void aTableThatIsNotFlywaysHistoryIsBadInput() throws SQLException {
        production.createTable("not_history", "id integer");

        Run result = run("check", "--prod-history", production.url(), "--prod-password-file", passwordFile.toString(),
                "--history-table", "not_history", "--prod", STORY.resolve("deploy-3").toString(),
                "--candidate", STORY.resolve("deploy-5").toString());

        assertEquals(2, result.exitCode(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("not_history at jdbc:postgresql://127.0.0.1:5432/" + production.database
                + "?user=*** is not a Flyway history table"), result.err());
    }

    @Test
    void writesAnExportThatGivesTheSameBatchWithoutCredentials() throws IOException {
        Path export = temp.resolve("prod-history.json");
        Run snapshot = run("snapshot-prod", "--prod-history", production.url(), "--prod-password-file",
                passwordFile.toString(), "--output", export.toString());
        assertEquals(0, snapshot.exitCode(), snapshot.err());
        assertEquals(3, new ObjectMapper().readTree(export.toFile()).get("rows").size());
        assertFalse(Files.readString(export).contains(production.password));

        Run check = run("check", "--prod-history", export.toString(), "--prod", STORY.resolve("deploy-3").toString(),
                "--candidate", STORY.resolve("deploy-5").toString());
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("batch: V4__drop_alice.sql\n"), check.out());
    }

    @Test
    void aRefusedLoginIsAnInfrastructureFailureThatPrintsNoPassword() {
        // This server trusts loopback connections, so a login is refused for an unknown role rather than a password.
        Run result = run("check", "--prod-history", PostgresProduction.SERVER + production.database + "?user=nobody_"
                        + production.reader, "--prod-password-file", passwordFile.toString(),
                "--prod", STORY.resolve("deploy-3").toString(), "--candidate", STORY.resolve("deploy-5").toString());

        assertEquals(3, result.exitCode(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("cannot connect to production's database at jdbc:postgresql://127.0.0.1:5432/"
                + production.database + "?user=***:"), result.err());
        assertFalse(result.err().contains(production.password), result.err());
    }

    @Test
    void aMissingHistoryTableIsBadInputWithAHint() {
        Run result = run("check", "--prod-history", production.url(), "--prod-password-file", passwordFile.toString(),
                "--history-table", "schema_version", "--prod", STORY.resolve("deploy-3").toString(),
                "--candidate", STORY.resolve("deploy-5").toString());

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("--history-schema/--history-table"), result.err());
    }

    @Test
    void anUnreachableDatabaseIsAnInfrastructureFailure() {
        Run result = run("check", "--prod-history", "jdbc:postgresql://127.0.0.1:1/app", "--prod",
                STORY.resolve("deploy-3").toString(), "--candidate", STORY.resolve("deploy-5").toString());

        assertEquals(3, result.exitCode(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void refusesAPasswordOnTheCommandLine() {
        Run result = run("check", "--prod-history", production.url() + "&password=" + production.password, "--prod",
                STORY.resolve("deploy-3").toString(), "--candidate", STORY.resolve("deploy-5").toString());

        assertEquals(2, result.exitCode(), result.err());
        assertFalse(result.err().contains(production.password), result.err());
    }

    /** The statements the server logged for a role since the log had {@code offset} bytes. */
    private static List<String> statementsOf(String role, Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String added = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
        return added.lines()
                .filter(line -> line.contains(" " + role + "@"))
                .filter(line -> line.contains("LOG:  statement:") || line.contains("LOG:  execute"))
                .toList();
    }

    private static Optional<Path> serverLog() {
        Path folder = Path.of("/var/log/postgresql");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> logs = Files.list(folder)) {
            return logs.filter(p -> p.toString().endsWith(".log")).filter(Files::isReadable)
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
