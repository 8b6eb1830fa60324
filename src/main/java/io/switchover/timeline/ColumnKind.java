package io.switchover.timeline;

import java.sql.Types;

/**
 * A column's type as the rules reason about it, read from the JDBC type code the driver reports: the same on every
 * replay engine, so no rule needs to know {@link Types}.
 */
public enum ColumnKind {
    /** {@code CHAR}, {@code NCHAR}: blank-padded to its length. */
    FIXED_TEXT,
    /** {@code VARCHAR}, {@code TEXT}, {@code CLOB} and their national variants. */
    VARYING_TEXT,
    TINYINT,
    SMALLINT,
    INTEGER,
    BIGINT,
    /** {@code DECIMAL}, {@code NUMERIC}. */
    DECIMAL,
    /** Single precision. */
    REAL,
    /** {@code DOUBLE} and JDBC's {@code FLOAT}, which is double precision. */
    DOUBLE,
    BOOLEAN,
    /** {@code BIT}, which PostgreSQL's driver also reports for {@code bool}. */
    BIT,
    DATE,
    TIME,
    TIMESTAMP,
    OTHER;

    public static ColumnKind of(int jdbcType) {
        return switch (jdbcType) {
            case Types.CHAR, Types.NCHAR -> FIXED_TEXT;
            case Types.VARCHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB ->
                    VARYING_TEXT;
            case Types.TINYINT -> TINYINT;
            case Types.SMALLINT -> SMALLINT;
            case Types.INTEGER -> INTEGER;
            case Types.BIGINT -> BIGINT;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.REAL -> REAL;
            case Types.FLOAT, Types.DOUBLE -> DOUBLE;
            case Types.BOOLEAN -> BOOLEAN;
            case Types.BIT -> BIT;
            case Types.DATE -> DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
            default -> OTHER;
        };
    }
}
