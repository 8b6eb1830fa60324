package io.switchover.replay;

import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaObjects;
import io.switchover.timeline.TableInfo;

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

/**
 * Reads the catalog of the connection's current schema through JDBC metadata, leaving out Flyway's history table; its
 * other objects (routines, sequences, types, allowed value lists) through {@link SchemaObjectsReader}.
 */
public final class SchemaCatalogReader {
    private final String historyTable;
    private final SchemaObjectsReader objectsReader = new SchemaObjectsReader();

    public SchemaCatalogReader(String historyTable) {
        this.historyTable = historyTable.toLowerCase(Locale.ROOT);
    }

    public SchemaCatalog read(Connection connection) throws SQLException {
        return refresh(connection, null, Set.of()).withObjects(objectsReader.read(connection));
    }

    /** As {@link #refresh(Connection, SchemaCatalog, Set)}, reading the schema's other objects again too. */
    public SchemaCatalog refreshWithObjects(Connection connection, SchemaCatalog previous, Set<String> touched)
            throws SQLException {
        return refresh(connection, previous, touched).withObjects(objectsReader.read(connection));
    }

    /**
     * The catalog after a step that changed only the {@code touched} tables and views (lower-case): the list of
     * tables is read anew (so that any table that appeared or vanished shows), the columns only of touched and new
     * ones; the rest comes from {@code previous}, and so do the schema's other objects. With {@code previous} null,
     * every table is read, and no other object.
     */
    public SchemaCatalog refresh(Connection connection, SchemaCatalog previous, Set<String> touched) throws SQLException {
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
        Set<String> stale = new HashSet<>();
        for (String key : names.keySet()) {
            boolean known = previous != null && previous.table(key).map(t -> t.view() == views.contains(key)).orElse(false);
            if (!known || touched.contains(key)) {
                stale.add(key);
            }
        }
        Map<String, List<ColumnInfo>> columns = new LinkedHashMap<>();
        if (previous == null || stale.size() > names.size() / 2) {
            readColumns(meta, connection, schema, "%", names, columns);
        } else {
            String escape = meta.getSearchStringEscape();
            for (String key : stale) {
                String pattern = escape == null ? names.get(key)
                        : names.get(key).replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
                readColumns(meta, connection, schema, pattern, names, columns);
            }
        }
        Map<String, TableInfo> tables = new TreeMap<>();
        for (String key : names.keySet()) {
            if (previous != null && !stale.contains(key) && !columns.containsKey(key)) {
                tables.put(key, previous.table(key).orElseThrow());
            } else {
                tables.put(key, new TableInfo(key, views.contains(key), List.copyOf(columns.getOrDefault(key, List.of()))));
            }
        }
        return new SchemaCatalog(tables, previous == null ? SchemaObjects.none() : previous.objects());
    }

    private void readColumns(DatabaseMetaData meta, Connection connection, String schema, String tablePattern,
                             Map<String, String> names, Map<String, List<ColumnInfo>> columns) throws SQLException {
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, tablePattern, "%")) {
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
    }
}
