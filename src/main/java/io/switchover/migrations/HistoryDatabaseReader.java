package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads production's {@code flyway_schema_history} over JDBC: a read-only connection and one SELECT on the history
 * table, nothing else, so that a role with SELECT on that table alone suffices. The password never appears in what
 * this class says.
 */
public final class HistoryDatabaseReader {

    /**
     * @param url      a JDBC URL without a password in it
     * @param user     null to take it from the URL
     * @param password null when the URL or the server needs none
     */
    public ProductionHistory read(String url, String user, String password, HistoryTable table) {
        if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw SwitchoverException.badInput("the production URL carries a password; pass it in the environment"
                    + " variable SWITCHOVER_PROD_PASSWORD or with --prod-password-file instead");
        }
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // Sent as start-up parameters rather than as a SET statement: the SELECT stays the only statement.
            properties.setProperty("assumeMinServerVersion", "10");
            properties.setProperty("ApplicationName", "switchover");
        }
        String where = JdbcUrls.withoutSecrets(url);
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            // With auto-commit on, the driver sends nothing for read-only: the SELECT is the only statement.
            connection.setReadOnly(true);
            String quote = connection.getMetaData().getIdentifierQuoteString().strip();
            String qualified = (table.schema() == null ? "" : quote + table.schema() + quote + ".")
                    + quote + table.table() + quote;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT installed_rank, version, description, type, script,"
                         + " checksum, success FROM " + qualified + " ORDER BY installed_rank")) {
                List<AppliedMigration> rows = new ArrayList<>();
                while (rs.next()) {
                    int checksum = rs.getInt("checksum");
                    rows.add(new AppliedMigration(rs.getInt("installed_rank"), rs.getString("version"),
                            rs.getString("description"), rs.getString("type"), rs.getString("script"),
                            rs.wasNull() ? null : checksum, rs.getBoolean("success")));
                }
                return new ProductionHistory(where + " (" + table + ")", List.copyOf(rows), true);
            } catch (SQLException e) {
                if (isMissingTable(e)) {
                    throw SwitchoverException.badInput("production has no history table " + table + " at " + where
                            + "; name it with --history-schema/--history-table (or history: in switchover.yml)");
                }
                throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "cannot read " + table + " at " + where + ": "
                        + safe(e, password));
            }
        } catch (SQLException e) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "cannot connect to production's database at "
                    + where + ": " + safe(e, password) + "; check the URL, SWITCHOVER_PROD_USER and"
                    + " SWITCHOVER_PROD_PASSWORD");
        }
    }

    private static boolean isMissingTable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("42P01") || state.equals("42S02") || state.equals("42102") || e.getErrorCode() == 1146;
    }

    /** The driver's message, first line only, with the password blanked should a driver ever echo it. */
    private static String safe(SQLException e, String password) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().split("\\R")[0];
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "******");
        }
        return message;
    }
}
