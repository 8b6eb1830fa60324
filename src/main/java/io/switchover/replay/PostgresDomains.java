package io.switchover.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of each PostgreSQL domain of the database that its CHECK constraints accept: the domain's base type gives
 * the candidates (a domain over integer gets a number, not {@code 'x'}), the literals its checks name come first
 * ({@code VALUE IN ('EUR', 'USD')}, {@code VALUE >= 10}), and the database itself says which candidate the domain
 * accepts, by casting each to it.
 */
final class PostgresDomains {
    private static final String DOMAINS = "SELECT t.typname, format_type(t.oid, NULL), format_type(t.typbasetype,"
            + " t.typtypmod), bt.typname, bt.typtype, coalesce((SELECT string_agg(pg_get_constraintdef(c.oid), ' ')"
            + " FROM pg_constraint c WHERE c.contypid = t.oid), '') FROM pg_type t JOIN pg_type bt ON bt.oid ="
            + " t.typbasetype WHERE t.typtype = 'd' AND t.typnamespace NOT IN ('pg_catalog'::regnamespace,"
            + " 'information_schema'::regnamespace)";
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?");
    private static final Set<String> NUMERIC = Set.of("int2", "int4", "int8", "numeric", "float4", "float8", "money",
            "oid");
    private static final List<String> NUMBERS = List.of("1", "0", "10", "100", "1000", "2", "5", "-1", "0.5", "99",
            "1000000");
    private static final List<String> TEXTS = List.of("x", "X", "a", "A", "abc", "ABC", "Abc", "xx", "1", "a1", "A1",
            "x@example.com", "https://example.com", "00000000-0000-0000-0000-000000000001", "2020-01-01", "x-y",
            "x_y", "Aa1!aaaa", "aaaaaaaaaa");

    /** A domain as the catalog gives it. */
    private record Domain(String sqlName, String baseName, String baseType, char baseKind, String checks) {
    }

    private final Map<String, Domain> domains = new HashMap<>();
    private final Map<String, Optional<Object>> values = new HashMap<>();

    /** Reads the domains of the database; none when it is not PostgreSQL or cannot say. */
    static PostgresDomains read(Connection connection) {
        PostgresDomains read = new PostgresDomains();
        read.load(connection);
        return read;
    }

    boolean isDomain(String typeName) {
        return domains.containsKey(PostgresLiterals.bare(typeName));
    }

    /**
     * A value the domain accepts, or empty when none of the candidates fits (its statement then fails on the value,
     * which the report says) or the type is no domain of the database.
     *
     * @param baseValue a value for a type by name (the base type of the domain), as the caller makes it up
     */
    Optional<Object> valueOf(String typeName, Connection connection, BaseValue baseValue) {
        String key = PostgresLiterals.bare(typeName);
        if (values.containsKey(key)) {
            return values.get(key);
        }
        Domain domain = domains.get(key);
        if (domain == null) {
            return Optional.empty();
        }
        values.put(key, Optional.empty()); // a domain over itself cannot be, but a cycle must not recurse
        Optional<Object> found = Optional.empty();
        for (String candidate : candidates(domain, connection, baseValue)) {
            if (accepts(connection, domain, candidate)) {
                found = Optional.of(new UntypedValue(candidate));
                break;
            }
        }
        values.put(key, found);
        return found;
    }

    /** Makes up a value of a type by name, as text the type's input function reads. */
    interface BaseValue {
        Optional<String> text(String typeName, int jdbcType);
    }

    private List<String> candidates(Domain domain, Connection connection, BaseValue baseValue) {
        Set<String> candidates = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(domain.checks());
        while (quoted.find()) {
            candidates.add(quoted.group(1).replace("''", "'"));
        }
        boolean numeric = NUMERIC.contains(domain.baseType());
        Matcher number = NUMBER.matcher(QUOTED.matcher(domain.checks()).replaceAll(" "));
        while (number.find()) {
            String n = number.group();
            candidates.add(n);
            if (numeric && !n.contains(".")) {
                long v = Long.parseLong(n);
                candidates.add(Long.toString(v + 1));
                candidates.add(Long.toString(v - 1));
            }
        }
        if (domains.containsKey(domain.baseType())) {
            valueOf(domain.baseType(), connection, baseValue).ifPresent(v -> candidates.add(((UntypedValue) v).text()));
        }
        baseValue.text(domain.baseType(), domain.baseKind() == 'e' ? Types.VARCHAR : Types.OTHER)
                .ifPresent(candidates::add);
        candidates.addAll(numeric ? NUMBERS : TEXTS);
        return new ArrayList<>(candidates);
    }

    private static boolean accepts(Connection connection, Domain domain, String candidate) {
        Savepoint savepoint = null;
        try {
            if (!connection.getAutoCommit()) {
                savepoint = connection.setSavepoint();
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT CAST(CAST(? AS text) AS "
                    + domain.sqlName() + ")")) {
                ps.setString(1, candidate);
                ps.execute();
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return true;
        } catch (SQLException e) {
            if (savepoint != null) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException ignored) {
                    // The caller's own rollback to its guard undoes what this could not.
                }
            }
            return false;
        }
    }

    private void load(Connection connection) {
        try {
            if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(DOMAINS)) {
                while (rs.next()) {
                    domains.put(rs.getString(1).toLowerCase(Locale.ROOT), new Domain(rs.getString(2),
                            rs.getString(3), rs.getString(4).toLowerCase(Locale.ROOT), rs.getString(5).charAt(0),
                            rs.getString(6)));
                }
            } catch (SQLException e) {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
            }
        } catch (SQLException e) {
            // Without them a domain's parameter gets its base type's value, which its check may refuse.
        }
    }
}
