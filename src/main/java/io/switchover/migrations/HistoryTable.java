package io.switchover.migrations;

/** Where production keeps its Flyway history: schema (null for the connection's default) and table. */
public record HistoryTable(String schema, String table) {

    public static HistoryTable defaults() {
        return new HistoryTable(null, FlywaySettings.DEFAULT_TABLE);
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
