package io.switchover.production;

import io.switchover.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real MariaDB server plays production, its history written by Flyway, read through a user that may select the
 * history table and nothing else. A recording proxy shows what Connector/J sends: the one {@code set} it always sends
 * after the login, carrying the read-only session and neither {@code sql_mode} nor session tracking, then the SELECT,
 * and nothing more. (The server's general log would say the same, but it can only be switched on for the whole
 * server, which other test runs share.)
 */
class ProductionHistoryOnMariaDbTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");
    private static final String SELECT = "SELECT installed_rank, version, description, type, script, checksum, success"
            + " FROM `flyway_schema_history` ORDER BY installed_rank";

    @TempDir
    static Path temp;
    static MariaDbProduction production;
    static Path passwordFile;

    @BeforeAll
    static void startProduction() throws SQLException, IOException {
        Assumptions.assumeTrue(MariaDbProduction.serverIsUp(), "MariaDB on 127.0.0.1:3306 (.ci/run starts it)");
        production = new MariaDbProduction(STORY.resolve("deploy-3/db/migration"));
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

    private static Run check(String url, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--prod-history", url, "--prod-password-file",
                passwordFile.toString(), "--prod", STORY.resolve("deploy-3").toString(),
                "--candidate", STORY.resolve("deploy-5").toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void computesTheBatchAndSendsOnlyTheReadOnlySessionAndTheSelect() throws Exception {
        try (WireRecorder wire = WireRecorder.to("127.0.0.1", 3306)) {
            Run result = check(production.url(wire.port()));

            assertEquals(1, result.exitCode(), result.out() + result.err());
            assertTrue(result.out().contains("batch: V4__drop_alice.sql\n"), result.out());
            assertFalse(result.out().contains(production.password) || result.err().contains(production.password));
            List<byte[]> connections = wire.sent();
            assertEquals(1, connections.size(), "one connection to production");
            List<String> commands = MariaDbCommands.read(connections.get(0));
            assertEquals(List.of("set NAMES utf8mb4,tx_read_only=1,max_statement_time=30", SELECT), commands);
        }
    }

    @Test
    void refusesAnInjectedHistorySchemaWithoutConnectingAndNothingIsCreated() throws Exception {
        try (WireRecorder wire = WireRecorder.to("127.0.0.1", 3306)) {
            Run result = check(production.url(wire.port()), "--history-schema",
                    production.database + "`.`flyway_schema_history`; CREATE TABLE pwned (x int); -- ");

            assertEquals(2, result.exitCode(), result.out() + result.err());
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().startsWith("switchover: --history-schema: '" + production.database + "`.`"),
                    result.err());
            assertEquals(List.of(), wire.sent(), "nothing was sent to production");
        }
        assertFalse(production.hasTable("pwned"));
    }

    @Test
    void aRefusedLoginIsAnInfrastructureFailureThatPrintsNoPassword() {
        Run result = check(MariaDbProduction.SERVER + production.database + "?user=nobody_" + production.reader);

        assertEquals(3, result.exitCode(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("cannot connect to production's database at jdbc:mariadb://127.0.0.1:3306/"
                + production.database + "?user=***:"), result.err());
        assertFalse(result.err().contains(production.password), result.err());
    }
}
