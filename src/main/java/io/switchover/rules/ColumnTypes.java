package io.switchover.rules;

import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.ColumnKind;

import java.util.Locale;

/**
 * What a change of a column's type means for the values already written and for the values the old code writes:
 * whether every value of the old type fits the new one, and whether PostgreSQL rewrites the table to change it. Reads
 * the catalog's column kinds, so it works the same on every replay engine.
 */
final class ColumnTypes {

    /** Column type families; values move freely within one, with limits of length, precision or range. */
    enum Family { TEXT, INTEGER, EXACT, FLOAT, BOOLEAN, DATE, TIME, TIMESTAMP, OTHER }

    /** PostgreSQL's largest VARCHAR; a longer size is what drivers report for TEXT and unbounded VARCHAR. */
    private static final int UNBOUNDED = 10_485_760;

    private ColumnTypes() {
    }

    /**
     * PostgreSQL types that take every value of another: every json document is jsonb (but for a string holding
     * a NUL character, which no service writes on purpose), every cidr an inet.
     */
    private static final java.util.Set<String> WIDER = java.util.Set.of("json>jsonb", "cidr>inet");
    /** Of those, the changes PostgreSQL makes without a rewrite (binary-coercible types). */
    private static final java.util.Set<String> BINARY_COERCIBLE = java.util.Set.of("cidr>inet");

    static Family family(ColumnInfo column) {
        String name = column.typeName().toLowerCase(Locale.ROOT);
        return switch (column.kind()) {
            case FIXED_TEXT, VARYING_TEXT -> Family.TEXT;
            case TINYINT, SMALLINT, INTEGER, BIGINT -> Family.INTEGER;
            case DECIMAL -> Family.EXACT;
            case REAL, DOUBLE -> Family.FLOAT;
            case BOOLEAN -> Family.BOOLEAN;
            // PostgreSQL's driver reports bool as BIT.
            case BIT -> name.startsWith("bool") || column.size() <= 1 ? Family.BOOLEAN : Family.OTHER;
            case DATE -> Family.DATE;
            case TIME -> Family.TIME;
            case TIMESTAMP -> Family.TIMESTAMP;
            case OTHER -> name.equals("text") || name.contains("char") ? Family.TEXT : Family.OTHER;
        };
    }

    static boolean sameType(ColumnInfo before, ColumnInfo after) {
        return before.typeName().equalsIgnoreCase(after.typeName()) && before.jdbcType() == after.jdbcType()
                && before.size() == after.size() && before.decimals() == after.decimals();
    }

    /** Whether every value of {@code before}'s type is a value of {@code after}'s type (text of any length...). */
    static boolean everyValueFits(ColumnInfo before, ColumnInfo after) {
        if (sameType(before, after)) {
            return true;
        }
        if (WIDER.contains(before.typeName().toLowerCase(Locale.ROOT) + ">" + after.typeName().toLowerCase(Locale.ROOT))) {
            return true;
        }
        Family from = family(before);
        Family to = family(after);
        if (to == Family.TEXT) {
            if (from == Family.TEXT) {
                return unbounded(after) || !unbounded(before) && after.size() >= before.size();
            }
            return unbounded(after) || textWidth(before) > 0 && after.size() >= textWidth(before);
        }
        return switch (from) {
            case INTEGER -> switch (to) {
                case INTEGER -> integerDigits(after) >= integerDigits(before);
                case EXACT -> unconstrained(after) || after.size() - after.decimals() >= integerDigits(before);
                case FLOAT -> true;
                default -> false;
            };
            case EXACT -> switch (to) {
                case EXACT -> unconstrained(after) || !unconstrained(before)
                        && after.size() - after.decimals() >= before.size() - before.decimals()
                        && after.decimals() >= before.decimals();
                case FLOAT -> true;
                default -> false;
            };
            case FLOAT -> to == Family.FLOAT && (after.kind() != ColumnKind.REAL || before.kind() == ColumnKind.REAL);
            case DATE -> to == Family.DATE || to == Family.TIMESTAMP;
            case TIME -> to == Family.TIME;
            case TIMESTAMP -> to == Family.TIMESTAMP;
            case BOOLEAN -> to == Family.BOOLEAN;
            default -> false;
        };
    }

    /**
     * Whether PostgreSQL changes the type without rewriting the table: a VARCHAR made longer or unbounded, a NUMERIC
     * given more precision with the same scale. Every other type change rewrites it (and its indexes) under an
     * ACCESS EXCLUSIVE lock.
     */
    static boolean changesWithoutRewrite(ColumnInfo before, ColumnInfo after) {
        if (sameType(before, after) || BINARY_COERCIBLE.contains(before.typeName().toLowerCase(Locale.ROOT) + ">"
                + after.typeName().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (varying(before) && varying(after)) {
            return unbounded(after) || !unbounded(before) && after.size() >= before.size();
        }
        if (family(before) == Family.EXACT && family(after) == Family.EXACT) {
            return unconstrained(after) || after.decimals() == before.decimals() && after.size() >= before.size();
        }
        return false;
    }

    /** A short word for why values may not fit: "narrows" within a family, "changes" across families. */
    static String verb(ColumnInfo before, ColumnInfo after) {
        return family(before) == family(after) ? "narrows" : "changes";
    }

    private static boolean varying(ColumnInfo column) {
        String name = column.typeName().toLowerCase(Locale.ROOT);
        return family(column) == Family.TEXT && column.kind() != ColumnKind.FIXED_TEXT
                && !name.equals("bpchar") && !name.equals("character");
    }

    private static boolean unbounded(ColumnInfo column) {
        return column.size() <= 0 || column.size() >= UNBOUNDED;
    }

    /** PostgreSQL reports an unconstrained NUMERIC with a precision of 0 or 1000. */
    private static boolean unconstrained(ColumnInfo column) {
        return column.size() <= 0 || column.size() >= 1000;
    }

    private static int integerDigits(ColumnInfo column) {
        return switch (column.kind()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            default -> 19;
        };
    }

    /** The longest text a value of the type can print as; 0 when it is not known. */
    private static int textWidth(ColumnInfo column) {
        return switch (family(column)) {
            case INTEGER -> integerDigits(column) + 1;
            case EXACT -> unconstrained(column) ? 0 : column.size() + 2;
            case FLOAT -> 24;
            case BOOLEAN -> 5;
            case DATE -> 10;
            case TIME -> 21;
            case TIMESTAMP -> 35;
            default -> column.typeName().equalsIgnoreCase("uuid") ? 36 : 0;
        };
    }
}
