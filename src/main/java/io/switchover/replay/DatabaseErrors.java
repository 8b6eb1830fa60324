package io.switchover.replay;

import io.switchover.timeline.DatabaseError;

import java.sql.SQLException;

/** The replay's reading of a driver's exception as the timeline's {@link DatabaseError}. */
public final class DatabaseErrors {
    private DatabaseErrors() {
    }

    public static DatabaseError of(SQLException e) {
        return DatabaseError.of(e.getSQLState(), e.getErrorCode(), e.getMessage());
    }
}
