package io.switchover.migrations;

import io.switchover.SwitchoverException;

import java.util.regex.Pattern;

/**
 * Where production keeps its Flyway history: schema (null for the connection's default) and table. Both are plain
 * identifiers (letters, digits, {@code _} and {@code $}, not starting with a digit, at most 63 characters, as
 * PostgreSQL and MariaDB keep them without truncation), so that nothing but a name ever reaches production's SQL.
 */
public record HistoryTable(String schema, String table) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    public HistoryTable {
        if (schema != null) {
            requirePlain(schema, "the history schema");
        }
        requirePlain(table, "the history table");
    }

    public static HistoryTable defaults() {
        return new HistoryTable(null, FlywaySettings.DEFAULT_TABLE);
    }

    /**
     * Refuses a name that is not a plain identifier.
     *
     * @param origin where the name was given, e.g. {@code --history-table}
     */
    public static String requirePlain(String name, String origin) {
        if (name == null || !PLAIN.matcher(name).matches()) {
            throw SwitchoverException.badInput(origin + ": '" + printable(name) + "' is not a plain table or schema"
                    + " name; use letters, digits, _ and $ (not starting with a digit, at most 63 characters), the"
                    + " name Flyway's table or schemas setting gives");
        }
        return name;
    }

    /** The name as it can be shown on one line: control characters escaped, cut after 80 characters. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return name.codePointCount(0, name.length()) > 80 ? out + "..." : out.toString();
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
