package io.switchover.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values for the MariaDB and MySQL columns whose JDBC type says too little: an ENUM or SET takes one of its labels
 * ("x" is none, and strict mode refuses it), a JSON column (LONGTEXT under a {@code json_valid} check) takes
 * {@code {}}. Read from {@code information_schema} once per database.
 */
final class MariaDbColumnValues {
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('enum', 'set')";
    private static final String JSON_CHECKS = "SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND CHECK_CLAUSE LIKE 'json_valid(%'";
    private static final Pattern FIRST_LABEL = Pattern.compile("^(?:enum|set)\\('((?:[^']|'')*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern JSON_VALID = Pattern.compile("^json_valid\\(`?([^`)]+)`?\\)$", Pattern.CASE_INSENSITIVE);

    /** By {@code table.column}, lower case. */
    private final Map<String, String> values = new HashMap<>();

    static MariaDbColumnValues read(Connection connection) {
        MariaDbColumnValues read = new MariaDbColumnValues();
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"MariaDB".equalsIgnoreCase(product) && !"MySQL".equalsIgnoreCase(product)) {
                return read;
            }
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    Matcher label = FIRST_LABEL.matcher(rs.getString(3));
                    if (label.find()) {
                        read.values.put(key(rs.getString(1), rs.getString(2)), label.group(1).replace("''", "'"));
                    }
                }
            }
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(JSON_CHECKS)) {
                while (rs.next()) {
                    Matcher json = JSON_VALID.matcher(rs.getString(2).strip());
                    if (json.matches()) {
                        read.values.put(key(rs.getString(1), json.group(1)), "{}");
                    }
                }
            }
        } catch (SQLException e) {
            // Without them such a column gets "x": its statement is reported as failing on the made-up value.
        }
        return read;
    }

    Optional<Object> valueOf(String table, String column) {
        return Optional.ofNullable(values.get(key(table, column)));
    }

    private static String key(String table, String column) {
        return table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT);
    }
}
