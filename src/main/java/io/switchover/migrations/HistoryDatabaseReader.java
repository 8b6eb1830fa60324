package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.sql.SqlStates;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads production's {@code flyway_schema_history} over JDBC: a connection that is read-only at the server ({@link
 * ProductionConnection}) and one SELECT on the history table, nothing else, so that a role with SELECT on that table
 * alone suffices. The table's names are plain identifiers, quoted by the driver's rules. Neither the password nor
 * anything else secret of the URL appears in what this class says.
 */
public final class HistoryDatabaseReader {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param url      a JDBC URL of PostgreSQL or MariaDB without a password in it
     * @param user     null to take it from the URL
     * @param password null when the URL or the server needs none
     * @param timeout  how long to wait to connect, to log in, and for the answer
     */
    public ProductionHistory read(String url, String user, String password, HistoryTable table, Duration timeout) {
        String where = JdbcUrls.withoutSecrets(url);
        try (Connection connection = ProductionConnection.open(url, user, password, timeout)) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(select(statement, table))) {
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
                            + "; name it with --history-schema/--history-table (or in the pipeline's switchover.yml)");
                }
                if (isMissingColumn(e)) {
                    throw SwitchoverException.badInput(table + " at " + where + " is not a Flyway history table ("
                            + safe(e, password) + "); name Flyway's table with --history-schema/--history-table");
                }
                throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "cannot read " + table + " at " + where + ": "
                        + safe(e, password) + timedOut(e, timeout));
            }
        } catch (SQLException e) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "cannot connect to production's database at "
                    + where + ": " + safe(e, password) + timedOut(e, timeout) + "; check the URL, SWITCHOVER_PROD_USER"
                    + " and SWITCHOVER_PROD_PASSWORD");
        }
    }

    /** The one statement sent: the history's columns, the names quoted as the driver quotes identifiers. */
    static String select(Statement statement, HistoryTable table) throws SQLException {
        String qualified = (table.schema() == null ? "" : statement.enquoteIdentifier(table.schema(), true) + ".")
                + statement.enquoteIdentifier(table.table(), true);
        return "SELECT installed_rank, version, description, type, script, checksum, success FROM " + qualified
                + " ORDER BY installed_rank";
    }

    private static boolean isMissingTable(SQLException e) {
        return SqlStates.undefinedTable(e.getSQLState(), e.getErrorCode())
                || SqlStates.undefinedSchema(e.getSQLState(), e.getErrorCode());
    }

    private static boolean isMissingColumn(SQLException e) {
        return SqlStates.undefinedColumn(e.getSQLState(), e.getErrorCode());
    }

    /** What to add when the server did not answer in time. */
    static String timedOut(SQLException e, Duration timeout) {
        boolean timedOut = SqlStates.cancelled(e.getSQLState(), e.getErrorCode())
                || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timed out");
        for (Throwable cause = e.getCause(); cause != null && !timedOut; cause = cause.getCause()) {
            timedOut = cause instanceof SocketTimeoutException;
        }
        String waited = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return timedOut ? " (no answer within " + waited + "; --prod-timeout gives it longer)" : "";
    }

    /** The driver's message, first line only, with the password blanked should a driver ever echo it. */
    static String safe(SQLException e, String password) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().split("\\R")[0];
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, JdbcUrls.HIDDEN);
        }
        return message;
    }
}
