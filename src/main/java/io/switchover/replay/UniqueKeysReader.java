package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.Migration;
import io.switchover.sql.SqlScriptSplitter.ScriptStatement;
import io.switchover.sql.SqlScriptSplitter;
import io.switchover.sql.SqlWords;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.UniqueKeys;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads production's unique keys at S0 ({@link UniqueKeys}) from the replay database's metadata. */
final class UniqueKeysReader {
    private static final Pattern UNIQUE_WORDS = Pattern.compile("\\bUNIQUE\\b|\\bPRIMARY KEY\\b");

    private UniqueKeysReader() {
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
            for (ScriptStatement statement : new SqlScriptSplitter().split(sql)) {
                if (UNIQUE_WORDS.matcher(statement.head()).find()) {
                    SqlWords.of(statement.head()).stream().filter(w -> catalog.table(w).isPresent()).forEach(tables::add);
                }
            }
        }
        if (tables.isEmpty()) {
            return UniqueKeys.NONE;
        }
        try {
            return new UniqueKeys(keysOf(connection, tables));
        } catch (SQLException e) {
            return UniqueKeys.NONE;
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
