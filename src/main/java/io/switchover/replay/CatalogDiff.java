package io.switchover.replay;

import java.util.ArrayList;
import java.util.List;

/** What one migration changed in the catalog the service sees. */
public record CatalogDiff(List<String> droppedTables, List<String> addedTables,
                          List<ColumnRef> droppedColumns, List<ColumnRef> addedColumns,
                          List<ColumnChange> changedColumns) {

    /** A column of a table, both lower-case. */
    public record ColumnRef(String table, String column) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    public record ColumnChange(String table, ColumnInfo before, ColumnInfo after) {
    }

    public static CatalogDiff between(SchemaCatalog before, SchemaCatalog after) {
        List<String> droppedTables = new ArrayList<>();
        List<String> addedTables = new ArrayList<>();
        List<ColumnRef> droppedColumns = new ArrayList<>();
        List<ColumnRef> addedColumns = new ArrayList<>();
        List<ColumnChange> changed = new ArrayList<>();
        for (TableInfo old : before.all()) {
            var now = after.table(old.name());
            if (now.isEmpty()) {
                droppedTables.add(old.name());
                continue;
            }
            for (ColumnInfo column : old.columns()) {
                var current = now.get().column(column.name());
                if (current.isEmpty()) {
                    droppedColumns.add(new ColumnRef(old.name(), column.name()));
                } else if (!current.get().equals(column)) {
                    changed.add(new ColumnChange(old.name(), column, current.get()));
                }
            }
            for (ColumnInfo column : now.get().columns()) {
                if (old.column(column.name()).isEmpty()) {
                    addedColumns.add(new ColumnRef(old.name(), column.name()));
                }
            }
        }
        for (TableInfo table : after.all()) {
            if (before.table(table.name()).isEmpty()) {
                addedTables.add(table.name());
            }
        }
        return new CatalogDiff(List.copyOf(droppedTables), List.copyOf(addedTables), List.copyOf(droppedColumns),
                List.copyOf(addedColumns), List.copyOf(changed));
    }

    public static CatalogDiff none() {
        return new CatalogDiff(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return droppedTables.isEmpty() && addedTables.isEmpty() && droppedColumns.isEmpty()
                && addedColumns.isEmpty() && changedColumns.isEmpty();
    }
}
