package io.switchover.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSetMetaData;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs statements the way the old service would, inside a savepoint its caller rolls back to, so that a probe changes
 * nothing the next probe or migration sees.
 */
public final class Prober {
    private static final int TIMEOUT_SECONDS = 10;

    /**
     * Probes a statement at the current state. No savepoint of its own (two server round trips per probe): the
     * connection rolls back to {@code guard}, a savepoint taken before this state's probes, after a statement that
     * failed (PostgreSQL refuses everything after an error until then) and after one that may have written, so that
     * no probe sees what another left.
     */
    public ProbeOutcome run(Connection connection, String sql, List<Object> values, Savepoint guard) {
        return run(connection, sql, values, guard, false);
    }

    /** As {@link #run(Connection, String, List, Savepoint)}; with {@code columns}, says what its result holds. */
    public ProbeOutcome run(Connection connection, String sql, List<Object> values, Savepoint guard, boolean columns) {
        ProbeOutcome outcome;
        try {
            List<String> labels = execute(connection, sql, values, columns);
            outcome = labels == null ? ProbeOutcome.ok() : ProbeOutcome.returning(labels);
        } catch (SQLException e) {
            outcome = ProbeOutcome.failed(DatabaseError.of(e));
        }
        if (outcome.error() != null || !readOnly(sql)) {
            try {
                connection.rollback(guard);
            } catch (SQLException e) {
                throw new ReplayException("could not roll back a probe: " + DatabaseError.of(e), e);
            }
        }
        return outcome;
    }

    /** Runs it; returns its result's column labels when asked and it has a result, else null. */
    private static List<String> execute(Connection connection, String sql, List<Object> values, boolean columns)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            for (int i = 0; i < values.size(); i++) {
                UntypedValue.bind(ps, i + 1, values.get(i));
            }
            boolean result = ps.execute();
            if (!columns || !result) {
                return null;
            }
            ResultSetMetaData meta = ps.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int c = 1; meta != null && c <= meta.getColumnCount(); c++) {
                labels.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
            }
            return labels;
        }
    }

    /** Whether a statement only reads, so that nothing needs undoing after it worked. */
    static boolean readOnly(String sql) {
        String start = sql.stripLeading();
        return start.regionMatches(true, 0, "SELECT", 0, 6) && !start.toUpperCase(java.util.Locale.ROOT).contains("INTO ");
    }
}
