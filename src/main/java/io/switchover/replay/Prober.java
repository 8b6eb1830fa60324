package io.switchover.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * Runs statements the way the old service would, inside a savepoint that is always rolled back, so that a probe
 * changes nothing the next probe or migration sees.
 */
public final class Prober {
    private static final int TIMEOUT_SECONDS = 10;

    /**
     * Runs a SELECT without a savepoint of its own (it changes nothing), saving two round trips per probe on a
     * server; on failure the connection rolls back to {@code guard}, a savepoint taken before this state's probes,
     * since PostgreSQL refuses everything after an error until then.
     */
    public ProbeOutcome probeReadOnly(Connection connection, String sql, List<Object> values, Savepoint guard) {
        try {
            execute(connection, sql, values);
            return ProbeOutcome.ok();
        } catch (SQLException e) {
            try {
                connection.rollback(guard);
            } catch (SQLException again) {
                throw new ReplayException("could not roll back a probe: " + DatabaseError.of(again), again);
            }
            return ProbeOutcome.failed(DatabaseError.of(e));
        }
    }

    /**
     * Probes a statement at the current state: a read-only one without a savepoint of its own (see
     * {@link #probeReadOnly}), any other inside its own savepoint.
     */
    public ProbeOutcome run(Connection connection, String sql, List<Object> values, Savepoint guard) {
        return readOnly(sql) ? probeReadOnly(connection, sql, values, guard) : probe(connection, sql, values);
    }

    private static void execute(Connection connection, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            for (int i = 0; i < values.size(); i++) {
                UntypedValue.bind(ps, i + 1, values.get(i));
            }
            ps.execute();
        }
    }

    /** Whether a statement only reads, so that {@link #probeReadOnly} may run it. */
    static boolean readOnly(String sql) {
        String start = sql.stripLeading();
        return start.regionMatches(true, 0, "SELECT", 0, 6) && !start.toUpperCase(java.util.Locale.ROOT).contains("INTO ");
    }

    public ProbeOutcome probe(Connection connection, String sql, List<Object> values) {
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            execute(connection, sql, values);
            return ProbeOutcome.ok();
        } catch (SQLException e) {
            return ProbeOutcome.failed(DatabaseError.of(e));
        } finally {
            if (savepoint != null) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException e) {
                    throw new ReplayException("could not roll back a probe: " + DatabaseError.of(e), e);
                }
            }
        }
    }
}
