package io.switchover.replay;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeStatement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a CHECK constraint that rejected a probe was rejecting the probe's made-up values. A check violation on a
 * column the statement writes from a parameter is the made-up data's doing, and tells nothing about the schema; but a
 * check on columns the statement writes no parameter into (it leaves them to their default, or writes a constant of
 * its own text) rejects what the old code really writes: every such write fails from that state on (a
 * {@code CHECK (...) NOT VALID} added on a new column the old INSERT omits). Read from the constraint's columns in
 * the catalog (PostgreSQL, MariaDB); where the columns or the parameters' places are not known, the made-up values
 * are taken to explain it. Unique and foreign-key violations stay the made-up data's: on the replay's nearly empty
 * tables they come from rows a migration seeded and a sequence the probe draws from, which production has moved on.
 */
final class MadeUpValues {
    private static final String POSTGRES_COLUMNS = "SELECT a.attname FROM pg_constraint c JOIN pg_attribute a"
            + " ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) WHERE c.conname = ? AND c.conrelid = ?::regclass";
    private static final String MARIADB_CHECK = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?";
    private static final String MARIADB_COLUMNS = "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?";
    /** MariaDB 4025: {@code CONSTRAINT `c` failed for `db`.`t`}. */
    private static final Pattern MARIADB_FAILED_CHECK = Pattern.compile("CONSTRAINT `([^`]+)` failed for `[^`]+`\\.`([^`]+)`");
    private static final String POSTGRES_CHECK_VIOLATION = "23514";

    private MadeUpValues() {
    }

    /**
     * The error as it stands when the made-up values may explain it (or it is no check violation); otherwise the same
     * error, of the kind
     * {@link FailureKind#CONSTRAINT_VIOLATION}, saying which columns no made-up value was written to. Runs after the
     * probe was rolled back to {@code guard}, and rolls back to it again when asking the catalog fails.
     */
    static DatabaseError judge(Connection connection, Savepoint guard, SQLException cause, DatabaseError error,
                               ProbeStatement statement, List<Object> values) {
        if (error.kind() != FailureKind.DATA_CONFLICT) {
            return error;
        }
        List<String> madeUp = madeUpColumns(statement, values);
        if (madeUp == null) {
            return error;
        }
        Constrained constrained;
        try {
            constrained = constrained(connection, cause);
        } catch (SQLException e) {
            try {
                connection.rollback(guard);
            } catch (SQLException ignored) {
                // The probe's own rollback follows; the error stands as the made-up data's.
            }
            return error;
        }
        if (constrained == null || constrained.columns().isEmpty()) {
            return error;
        }
        for (String column : constrained.columns()) {
            if (madeUp.contains(column) || madeUp.contains(constrained.table() + "." + column)) {
                return error;
            }
        }
        List<String> named = constrained.columns().stream().map(c -> constrained.table() + "." + c).toList();
        return new DatabaseError(error.sqlState(), error.vendorCode(), error.message() + "; the statement writes no"
                + " made-up value to " + String.join(", ", named), FailureKind.CONSTRAINT_VIOLATION);
    }

    /**
     * The columns the statement writes parameters into, as bound ({@code table.column} or {@code column}); null when
     * that is not known for every parameter.
     */
    private static List<String> madeUpColumns(ProbeStatement statement, List<Object> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<String> bound = statement.parameterColumns();
        if (bound.size() != values.size() || bound.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        return bound.stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
    }

    /** A constraint's table and columns, lower case. */
    private record Constrained(String table, List<String> columns) {
    }

    private static Constrained constrained(Connection connection, SQLException cause)
            throws SQLException {
        if (cause instanceof PSQLException postgres && postgres.getServerErrorMessage() != null
                && POSTGRES_CHECK_VIOLATION.equals(cause.getSQLState())) {
            ServerErrorMessage message = postgres.getServerErrorMessage();
            if (message.getConstraint() == null || message.getTable() == null) {
                return null; // a domain's check: the made-up value did not fit its type
            }
            String relation = quote(message.getSchema()) + "." + quote(message.getTable());
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(POSTGRES_COLUMNS)) {
                ps.setString(1, message.getConstraint());
                ps.setString(2, relation);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new Constrained(message.getTable().toLowerCase(Locale.ROOT), columns);
        }
        if (cause.getErrorCode() == 4025) {
            Matcher failed = MARIADB_FAILED_CHECK.matcher(cause.getMessage());
            return failed.find() ? mariaDbCheck(connection, failed.group(2), failed.group(1)) : null;
        }
        return null;
    }

    /** A MariaDB check's columns: those of its table its clause names. */
    private static Constrained mariaDbCheck(Connection connection, String table, String name) throws SQLException {
        List<String> clauses = strings(connection, MARIADB_CHECK, table, name);
        if (clauses.isEmpty() && name.startsWith(table + ".")) {
            // A column's own check is named for the column; its message names it table.column.
            clauses = strings(connection, MARIADB_CHECK, table, name.substring(table.length() + 1));
        }
        if (clauses.isEmpty()) {
            return null;
        }
        Set<String> words = io.switchover.sql.SqlWords.of(String.join(" ", clauses));
        List<String> columns = strings(connection, MARIADB_COLUMNS, table).stream().filter(words::contains).toList();
        return new Constrained(table.toLowerCase(Locale.ROOT), columns);
    }

    private static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return found;
    }

    private static String quote(String name) {
        return "\"" + (name == null ? "public" : name).replace("\"", "\"\"") + "\"";
    }
}
