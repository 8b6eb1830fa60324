package io.switchover.sql;

/**
 * What the SQLSTATEs and vendor codes of the engines the tool talks to (PostgreSQL, H2, MariaDB) mean, in one place:
 * read by the replay's classification of failures and by the reader of production's history.
 */
public final class SqlStates {
    private SqlStates() {
    }

    /** A table or view that does not exist (PostgreSQL 42P01, H2 42102 and 42S02, MariaDB 1146). */
    public static boolean undefinedTable(String sqlState, int vendorCode) {
        return switch (state(sqlState)) {
            case "42P01", "42S02", "42102", "42S21" -> true;
            default -> vendorCode == 1146;
        };
    }

    /** A column that does not exist (PostgreSQL 42703, H2 42122 and 42S22, MariaDB 1054). */
    public static boolean undefinedColumn(String sqlState, int vendorCode) {
        return switch (state(sqlState)) {
            case "42703", "42S22", "42122" -> true;
            default -> vendorCode == 1054;
        };
    }

    /** A schema (PostgreSQL 3F000) or, on MariaDB, a database (1049) that does not exist. */
    public static boolean undefinedSchema(String sqlState, int vendorCode) {
        return state(sqlState).equals("3F000") || vendorCode == 1049;
    }

    /** A statement the server cancelled for taking too long (PostgreSQL 57014, MariaDB 1969). */
    public static boolean cancelled(String sqlState, int vendorCode) {
        return state(sqlState).equals("57014") || vendorCode == 1969;
    }

    private static String state(String sqlState) {
        return sqlState == null ? "" : sqlState;
    }
}
