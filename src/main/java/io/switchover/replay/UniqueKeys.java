package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.Migration;
import io.switchover.sql.SqlWords;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The unique keys (primary keys, unique constraints and unique indexes, partial ones aside where the driver says so)
 * that production's schema has on the tables the batch puts a unique key on, read at S0 from the database: a new key
 * over a superset of an existing key's columns rejects no write the existing one let through.
 *
 * @param byTable lower-case table name to its keys, each the set of its lower-case column names
 */
public record UniqueKeys(Map<String, List<Set<String>>> byTable) {
    public static final UniqueKeys NONE = new UniqueKeys(Map.of());
    private static final Pattern UNIQUE_WORDS = Pattern.compile("\\bUNIQUE\\b|\\bPRIMARY KEY\\b");

    public UniqueKeys {
        Map<String, List<Set<String>>> copy = new LinkedHashMap<>();
        byTable.forEach((table, keys) -> copy.put(table, keys.stream().map(Set::copyOf).toList()));
        byTable = Map.copyOf(copy);
    }

    /** Whether the table had a unique key at S0 whose columns are all among {@code columns}. */
    public boolean covers(String table, Collection<String> columns) {
        Set<String> named = new LinkedHashSet<>();
        columns.forEach(c -> named.add(c.toLowerCase(Locale.ROOT)));
        return byTable.getOrDefault(table.toLowerCase(Locale.ROOT), List.of()).stream()
                .anyMatch(key -> !key.isEmpty() && named.containsAll(key));
    }

    /**
     * Reads the keys of the tables that a batch statement declaring a unique key names, at the connection's current
     * state; none when the batch declares no unique key, or the metadata cannot be read (the rules then read the SQL
     * alone, as before).
     */
    static UniqueKeys read(Connection connection, Batch batch, SchemaCatalog catalog) {
        Set<String> tables = new LinkedHashSet<>();
        for (Migration migration : batch.migrations()) {
            String sql;
            try {
                sql = batch.candidate().replayedSql(migration).orElse("");
            } catch (RuntimeException e) {
                continue;
            }
            for (ScriptStatements.Statement statement : ScriptStatements.split(sql)) {
                if (UNIQUE_WORDS.matcher(statement.head()).find()) {
                    SqlWords.of(statement.head()).stream().filter(w -> catalog.table(w).isPresent()).forEach(tables::add);
                }
            }
        }
        if (tables.isEmpty()) {
            return NONE;
        }
        try {
            return new UniqueKeys(keysOf(connection, tables));
        } catch (SQLException e) {
            return NONE;
        }
    }

    private static Map<String, List<Set<String>>> keysOf(Connection connection, Set<String> tables) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, String> actual = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (tables.contains(name.toLowerCase(Locale.ROOT))) {
                    actual.put(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        Map<String, List<Set<String>>> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : actual.entrySet()) {
            Map<String, Set<String>> byIndex = new LinkedHashMap<>();
            Set<String> partial = new LinkedHashSet<>();
            try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), schema, table.getValue(), true, true)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (index == null || rs.getBoolean("NON_UNIQUE")) {
                        continue;
                    }
                    if (column == null || rs.getString("FILTER_CONDITION") != null) {
                        partial.add(index); // an expression or a partial index: not a key over plain columns
                        continue;
                    }
                    byIndex.computeIfAbsent(index, k -> new LinkedHashSet<>()).add(column.toLowerCase(Locale.ROOT));
                }
            }
            partial.forEach(byIndex::remove);
            keys.put(table.getKey(), new ArrayList<>(byIndex.values()));
        }
        return keys;
    }
}
