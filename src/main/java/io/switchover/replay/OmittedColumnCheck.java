package io.switchover.replay;

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
 * Tells a check violation that made-up values caused from one that no value could avoid. A probe's INSERT that a
 * CHECK constraint rejects counts as passing, since the values were made up; but where the constraint is on columns
 * the INSERT does not set, the row got their defaults (or NULL), which the old code's INSERT gets too: every such
 * INSERT fails from that step on, and that is a break (PostgreSQL; it names the relation and the constraint).
 */
final class OmittedColumnCheck {
    private static final Pattern VIOLATION = Pattern.compile(
            "new row for relation \"([^\"]+)\" violates check constraint \"([^\"]+)\"");
    private static final String COLUMNS = "SELECT a.attname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
            + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)"
            + " WHERE k.conname = ? AND c.relname = ? AND pg_table_is_visible(c.oid)";

    private OmittedColumnCheck() {
    }

    static ProbeOutcome judge(Connection connection, ProbeStatement statement, ProbeOutcome outcome,
                              Savepoint guard) throws SQLException {
        DatabaseError error = outcome.error();
        if (error == null || error.kind() != FailureKind.DATA_CONFLICT || !statement.inserts()
                || error.message() == null) {
            return outcome;
        }
        Matcher violation = VIOLATION.matcher(error.message());
        if (!violation.find()) {
            return outcome;
        }
        Set<String> written = statement.columns().get(violation.group(1).toLowerCase(Locale.ROOT));
        if (written == null || written.isEmpty()) {
            return outcome;
        }
        List<String> constrained = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setString(1, violation.group(2));
            query.setString(2, violation.group(1));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    constrained.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            connection.rollback(guard);
            return outcome;
        }
        if (constrained.isEmpty() || constrained.stream().anyMatch(c -> written.contains(c.toLowerCase(Locale.ROOT)))) {
            return outcome;
        }
        return ProbeOutcome.failed(new DatabaseError(error.sqlState(), error.vendorCode(), error.message()
                + " (on " + String.join(", ", constrained) + ", which the statement does not set)", FailureKind.OTHER));
    }
}
