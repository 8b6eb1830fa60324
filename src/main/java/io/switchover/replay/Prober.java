package io.switchover.replay;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.ProbeStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
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
    /** The exception of the probe just run, for a closer look at what it says; a prober serves one thread. */
    private SQLException lastFailure;

    /**
     * Probes a statement at the current state. No savepoint of its own (two server round trips per probe): the
     * connection rolls back to {@code guard}, a savepoint taken before this state's probes, after a statement that
     * failed (PostgreSQL refuses everything after an error until then) and after one that may have written, so that
     * no probe sees what another left.
     */
    public ProbeOutcome run(Connection connection, String sql, List<Object> values, Savepoint guard) {
        return run(connection, sql, values, guard, false);
    }

    /**
     * Probes a statement as {@link #run(Connection, String, List, Savepoint, boolean)} does, recording its result's
     * columns when the old code reads them by name; a constraint that rejects it counts as made-up data's doing only
     * when the made-up values can explain it ({@link MadeUpValues}).
     */
    public ProbeOutcome run(Connection connection, ProbeStatement statement, List<Object> values, Savepoint guard) {
        ProbeOutcome outcome = run(connection, statement.jdbcSql(), values, guard, statement.readByName());
        SQLException cause = lastFailure;
        lastFailure = null;
        if (outcome.error() == null || outcome.error().kind() != FailureKind.DATA_CONFLICT || cause == null) {
            return outcome;
        }
        DatabaseError judged = MadeUpValues.judge(connection, guard, cause, outcome.error(), statement, values);
        return judged == outcome.error() ? outcome : ProbeOutcome.failed(judged);
    }

    /** As {@link #run(Connection, String, List, Savepoint)}; with {@code columns}, says what its result holds. */
    public ProbeOutcome run(Connection connection, String sql, List<Object> values, Savepoint guard, boolean columns) {
        ProbeOutcome outcome;
        try {
            List<String> labels = execute(connection, sql, values, columns);
            outcome = labels == null ? ProbeOutcome.ok() : ProbeOutcome.returning(labels);
        } catch (SQLException e) {
            outcome = ProbeOutcome.failed(DatabaseErrors.of(e));
            lastFailure = e;
        }
        if (outcome.error() != null || !readOnly(sql)) {
            try {
                connection.rollback(guard);
            } catch (SQLException e) {
                throw new ReplayException("could not roll back a probe: " + DatabaseErrors.of(e), e);
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
