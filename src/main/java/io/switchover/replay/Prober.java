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

    public ProbeOutcome probe(Connection connection, String sql, List<Object> values) {
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setQueryTimeout(TIMEOUT_SECONDS);
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                ps.execute();
            }
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
