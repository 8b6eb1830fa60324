package io.switchover.replay;

import java.sql.SQLException;

/** A database's complaint in one line, with its SQLSTATE and the kind of failure it means. */
public record DatabaseError(String sqlState, int vendorCode, String message, FailureKind kind) {

    public static DatabaseError of(SQLException e) {
        return new DatabaseError(e.getSQLState(), e.getErrorCode(), oneLine(e.getMessage()),
                FailureKind.of(e.getSQLState(), e.getErrorCode()));
    }

    /** The first line of a driver message, without H2's echo of the whole statement. */
    static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().split("\\R", 2)[0];
        int echo = line.indexOf("; SQL statement:");
        if (echo > 0) {
            line = line.substring(0, echo);
        }
        // MariaDB's driver prefixes its connection number, PostgreSQL the severity: noise in a report
        return line.strip().replaceFirst("^\\(conn=\\d+\\)\\s*", "").replaceFirst("^(ERROR|FATAL):\\s+", "");
    }

    @Override
    public String toString() {
        return message + " (" + sqlState + ")";
    }
}
