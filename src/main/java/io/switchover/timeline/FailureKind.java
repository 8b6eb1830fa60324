package io.switchover.timeline;

import io.switchover.sql.SqlStates;

/**
 * What kind of failure a database reported, from its SQLSTATE (and, for H2 and MariaDB/MySQL, its error code), so
 * that the same rules work on every engine.
 */
public enum FailureKind {
    UNDEFINED_COLUMN,
    UNDEFINED_TABLE,
    UNDEFINED_FUNCTION,
    NOT_NULL_VIOLATION,
    /** Unique, foreign-key or check violations: caused by the made-up probe data, not by the schema. */
    DATA_CONFLICT,
    /**
     * A check violation that no made-up value explains: the constraint is on columns the statement leaves to their
     * default or writes constants of its own into, so the old code's own writes fail (see the replay's made-up values).
     */
    CONSTRAINT_VIOLATION,
    /**
     * A NOT NULL violation of the probe that wrote NULL where the running version may (see the replay's NULL probe): the
     * column was nullable at S0, a step made it NOT NULL, and the old code's NULL no longer goes in.
     */
    NULL_WRITTEN,
    BAD_VALUE,
    SYNTAX,
    /** The engine does not support what the statement does (H2 writing through a view): the engine, not the schema. */
    UNSUPPORTED,
    /**
     * The statement needs what its session did before (PostgreSQL's {@code currval} before any {@code nextval} of
     * the session): the probe's session, not the schema (lavagna's SELECT of the row it has just inserted).
     */
    SESSION_STATE,
    OTHER;

    public static FailureKind of(String sqlState, int vendorCode) {
        String state = sqlState == null ? "" : sqlState;
        if (SqlStates.undefinedColumn(state, vendorCode)) {
            return UNDEFINED_COLUMN;
        }
        if (SqlStates.undefinedTable(state, vendorCode)) {
            return UNDEFINED_TABLE;
        }
        FailureKind mysql = mysql(vendorCode);
        if (mysql != null) {
            return mysql;
        }
        return switch (state) {
            case "42883", "90022" -> UNDEFINED_FUNCTION;
            case "23502" -> NOT_NULL_VIOLATION;
            case "23505", "23503", "23506", "23513", "23514" -> DATA_CONFLICT;
            case "42601", "42000", "42001" -> SYNTAX;
            case "HYC00", "0A000" -> UNSUPPORTED;
            default -> state.startsWith("22") ? BAD_VALUE : OTHER;
        };
    }

    /**
     * MariaDB and MySQL report several kinds under one SQLSTATE (HY000, 23000), so their error number decides. Their
     * numbers are 1000-4999; H2's are five digits and PostgreSQL sends none, so they cannot be mistaken.
     */
    private static FailureKind mysql(int code) {
        return switch (code) {
            case 1305 -> UNDEFINED_FUNCTION;
            case 1048, 1364 -> NOT_NULL_VIOLATION;
            case 1062, 1451, 1452, 1216, 1217, 3819, 4025 -> DATA_CONFLICT;
            case 1064 -> SYNTAX;
            case 1265, 1366, 1406, 1264 -> BAD_VALUE;
            default -> null;
        };
    }
}
