package io.switchover.replay;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads the catalog of the connection's current schema through JDBC metadata, leaving out Flyway's history table. */
public final class SchemaCatalogReader {
    private final String historyTable;

    public SchemaCatalogReader(String historyTable) {
        this.historyTable = historyTable.toLowerCase(Locale.ROOT);
    }

    public SchemaCatalog read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Set<String> views = new HashSet<>();
        Map<String, String> names = new TreeMap<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String key = name.toLowerCase(Locale.ROOT);
                if (key.equals(historyTable)) {
                    continue;
                }
                names.put(key, name);
                if ("VIEW".equalsIgnoreCase(rs.getString("TABLE_TYPE"))) {
                    views.add(key);
                }
            }
        }
        Map<String, List<ColumnInfo>> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, "%", "%")) {
            while (rs.next()) {
                String key = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!names.containsKey(key)) {
                    continue;
                }
                columns.computeIfAbsent(key, k -> new ArrayList<>()).add(new ColumnInfo(
                        rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("TYPE_NAME"),
                        rs.getInt("DATA_TYPE"),
                        rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rs.getString("COLUMN_DEF")));
            }
        }
        Map<String, TableInfo> tables = new TreeMap<>();
        for (String key : names.keySet()) {
            tables.put(key, new TableInfo(key, views.contains(key), List.copyOf(columns.getOrDefault(key, List.of()))));
        }
        return new SchemaCatalog(tables);
    }
}
