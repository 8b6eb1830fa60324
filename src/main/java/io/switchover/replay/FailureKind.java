package io.switchover.replay;

/**
 * What kind of failure a database reported, from its SQLSTATE (and, for H2, its error code), so that the same rules
 * work on every engine.
 */
public enum FailureKind {
    UNDEFINED_COLUMN,
    UNDEFINED_TABLE,
    UNDEFINED_FUNCTION,
    NOT_NULL_VIOLATION,
    /** Unique, foreign-key or check violations: caused by the made-up probe data, not by the schema. */
    DATA_CONFLICT,
    BAD_VALUE,
    SYNTAX,
    OTHER;

    public static FailureKind of(String sqlState, int vendorCode) {
        String state = sqlState == null ? "" : sqlState;
        return switch (state) {
            case "42703", "42S22", "42122" -> UNDEFINED_COLUMN;
            case "42P01", "42S02", "42102", "42S21" -> UNDEFINED_TABLE;
            case "42883", "90022" -> UNDEFINED_FUNCTION;
            case "23502" -> NOT_NULL_VIOLATION;
            case "23505", "23503", "23506", "23513", "23514" -> DATA_CONFLICT;
            case "42601", "42000", "42001" -> SYNTAX;
            default -> state.startsWith("22") ? BAD_VALUE : OTHER;
        };
    }
}
