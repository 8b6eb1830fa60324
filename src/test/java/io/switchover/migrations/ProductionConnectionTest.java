package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection to production is read-only at the server from its first statement on, under auto-commit too: a
 * user who may write everything still cannot write through it. And the URL cannot undo that.
 */
class ProductionConnectionTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void postgresRefusesEveryWriteOfAnOwnerThroughIt() throws SQLException {
        Assumptions.assumeTrue(up(POSTGRES + "postgres?user=postgres"), "PostgreSQL on 127.0.0.1:5432");
        String name = "gate_ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(POSTGRES + "postgres?user=postgres", "CREATE ROLE " + name + " LOGIN",
                "CREATE DATABASE " + name + " OWNER " + name);
        try {
            execute(POSTGRES + name + "?user=" + name, "CREATE TABLE existing (x int)");
            try (Connection connection = ProductionConnection.open(POSTGRES + name, name, null, TIMEOUT)) {
                assertTrue(connection.getAutoCommit());
                assertReadOnly(connection, "CREATE TABLE pwned (x int)");
                assertReadOnly(connection, "INSERT INTO existing VALUES (1)");
                assertReadOnly(connection, "DROP TABLE existing");
            }
        } finally {
            execute(POSTGRES + "postgres?user=postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
                    "DROP ROLE IF EXISTS " + name);
        }
    }

    @Test
    void mariaDbRefusesEveryWriteOfAnAllPowerfulUserThroughIt() throws SQLException {
        Assumptions.assumeTrue(up(MARIADB + "mysql?user=root"), "MariaDB on 127.0.0.1:3306");
        String name = "gate_ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(MARIADB + "mysql?user=root", "CREATE DATABASE " + name, "CREATE TABLE " + name + ".existing (x int)");
        try {
            try (Connection connection = ProductionConnection.open(MARIADB + name, "root", null, TIMEOUT)) {
                assertTrue(connection.getAutoCommit());
                assertReadOnly(connection, "CREATE TABLE pwned (x int)");
                assertReadOnly(connection, "INSERT INTO existing VALUES (1)");
                assertReadOnly(connection, "DROP DATABASE " + name);
            }
        } finally {
            execute(MARIADB + "mysql?user=root", "DROP DATABASE IF EXISTS " + name);
        }
    }

    @Test
    void refusesUrlParametersThatWouldUndoWhatItSets() {
        assertRefused("jdbc:postgresql://prod/app?options=-c%20default_transaction_read_only%3Doff", "set options");
        assertRefused("jdbc:postgresql://prod/app?user=gate&readOnlyMode=ignore", "set readOnlyMode");
        assertRefused("jdbc:postgresql://prod/app?socketTimeout=0", "set socketTimeout");
        assertRefused("jdbc:postgresql://prod/app?socketFactory=x.Y", "set socketFactory");
        assertRefused("jdbc:mariadb://prod/app?sessionVariables=tx_read_only=0", "set sessionVariables");
        assertRefused("jdbc:mariadb://prod/app?initSql=DELETE%20FROM%20t", "set initSql");
        assertRefused("jdbc:mariadb://prod/app?allowMultiQueries=true", "set allowMultiQueries");
    }

    @Test
    void refusesAPasswordInAnyFormOfTheUrl() {
        for (String url : new String[] {"jdbc:postgresql://prod/app?user=gate&password=s3cret",
                "jdbc:postgresql://gate:s3cret@prod/app", "jdbc:mariadb://prod/app?password=s3cret",
                "jdbc:postgresql://prod/app;password=s3cret", "jdbc:mariadb://prod/app?user=gate&Password=s3cret"}) {
            SwitchoverException error = assertThrows(SwitchoverException.class,
                    () -> ProductionConnection.open(url, null, null, TIMEOUT), url);
            assertEquals(ExitCode.BAD_INPUT, error.exitCode(), url);
            assertTrue(error.getMessage().contains("SWITCHOVER_PROD_PASSWORD"), error.getMessage());
            assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
        }
    }

    @Test
    void refusesDatabasesItCannotReadHistoryFromAsBadInput() {
        assertRefused("jdbc:oracle:thin:gate/s3cret@prod:1521/app", "cannot be read from jdbc:oracle:");
        assertRefused("jdbc:mysql://prod/app", "not jdbc:mysql:");
        assertRefused("jdbc:h2:mem:prod", "cannot be read from jdbc:h2:");
    }

    private static void assertRefused(String url, String expected) {
        SwitchoverException error = assertThrows(SwitchoverException.class,
                () -> ProductionConnection.open(url, "gate", null, TIMEOUT), url);
        assertEquals(ExitCode.BAD_INPUT, error.exitCode(), url);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
    }

    private static void assertReadOnly(Connection connection, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }, sql);
        assertEquals("25006", refused.getSQLState(), sql + ": " + refused.getMessage());
    }

    private static boolean up(String url) {
        try {
            DriverManager.getConnection(url).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
