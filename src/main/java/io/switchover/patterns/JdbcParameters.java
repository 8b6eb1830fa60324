package io.switchover.patterns;

import io.switchover.sql.SqlText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rewrites {@code :name} parameters (Spring's NamedParameterJdbcTemplate, JPA native queries) and EclipseLink's
 * {@code ?name} (its native queries) to JDBC's {@code ?},
 * because the probe prepares statements with plain JDBC.
 */
public final class JdbcParameters {

    private JdbcParameters() {
    }

    /**
     * A statement with positional parameters only.
     *
     * @param sql   the statement with every {@code :name} replaced by {@code ?}
     * @param names one entry per parameter in order of appearance: its name, or null for a {@code ?} that was there
     *              already; a name used twice appears twice because it is bound twice
     */
    public record Positional(String sql, List<String> names) {
        public Positional {
            names = Collections.unmodifiableList(new ArrayList<>(names));
        }

        public int parameterCount() {
            return names.size();
        }
    }

    /**
     * Leaves alone what only looks like a parameter: quoted text, comments, dollar-quoted bodies, {@code ::type}
     * casts and {@code :=} assignments. A {@code ?} that is a PostgreSQL JSON operator ({@code ?|}, {@code ?&}) is
     * counted as a parameter, as the JDBC driver would.
     */
    public static Positional toPositional(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            int after = SqlText.skipNonCode(sql, i);
            if (after > i) {
                out.append(sql, i, after);
                i = after;
                continue;
            }
            char c = sql.charAt(i);
            // :name, and EclipseLink's ?name of a native query (?tenant)
            boolean named = c == ':' && startsName(sql, i) || c == '?' && i + 1 < sql.length()
                    && Character.isJavaIdentifierStart(sql.charAt(i + 1)) && sql.charAt(i + 1) != '$';
            if (named) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else if (c == '?') {
                names.add(null);
                out.append(c);
                i++;
            } else if (c == ':') {
                // Copy a run of colons at once so the second colon of "::" is never read as a parameter start.
                while (i < sql.length() && sql.charAt(i) == ':') {
                    out.append(':');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return new Positional(out.toString(), names);
    }

    private static boolean startsName(String sql, int colon) {
        boolean afterColon = colon > 0 && sql.charAt(colon - 1) == ':';
        return !afterColon && colon + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(colon + 1));
    }
}
