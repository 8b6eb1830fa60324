package io.switchover.replay;

import java.sql.SQLException;

/** A database's complaint in one line, with its SQLSTATE and the kind of failure it means. */
public record DatabaseError(String sqlState, int vendorCode, String message, FailureKind kind) {
    private static final int MAX_LENGTH = 240;

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
        line = line.strip().replaceFirst("^\\(conn=\\d+\\)\\s*", "").replaceFirst("^(ERROR|FATAL):\\s+", "");
        // H2 quotes a whole failing statement with its newlines escaped: keep one readable line
        line = line.replace("\\000a", " ").replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }

    @Override
    public String toString() {
        return message + " (" + sqlState + ")";
    }
}
