package io.switchover.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one migration changed in the catalog the service sees.
 *
 * @param removedObjects routines, sequences and types that are gone (a rename is gone under its old name)
 * @param removedValues  values an enum type or a column's list no longer allows
 */
public record CatalogDiff(List<String> droppedTables, List<String> addedTables,
                          List<ColumnRef> droppedColumns, List<ColumnRef> addedColumns,
                          List<ColumnChange> changedColumns, List<ObjectRef> removedObjects,
                          List<ValueRef> removedValues) {

    public CatalogDiff(List<String> droppedTables, List<String> addedTables, List<ColumnRef> droppedColumns,
                       List<ColumnRef> addedColumns, List<ColumnChange> changedColumns) {
        this(droppedTables, addedTables, droppedColumns, addedColumns, changedColumns, List.of(), List.of());
    }

    /** A schema object other than a table: its kind as SQL names it ({@code function}, {@code sequence}, {@code type}). */
    public record ObjectRef(String kind, String name) {
        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    /** A value that {@code owner} (an enum type's name, or {@code table.column}) allowed. */
    public record ValueRef(String owner, String value) {
    }

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
        SchemaObjects was = before.objects();
        SchemaObjects now = after.objects();
        List<ObjectRef> removed = new ArrayList<>();
        gone(was.routines(), now.routines()).forEach(name -> removed.add(new ObjectRef("function", name)));
        gone(was.sequences(), now.sequences()).forEach(name -> removed.add(new ObjectRef("sequence", name)));
        gone(was.types(), now.types()).forEach(name -> removed.add(new ObjectRef("type", name)));
        List<ValueRef> removedValues = new ArrayList<>();
        for (Map.Entry<String, Set<String>> owner : new java.util.TreeMap<>(was.allowedValues()).entrySet()) {
            Set<String> still = now.allowedValues().get(owner.getKey());
            // A list that is gone with its table, column or type is that object's removal, not its values'.
            if (still != null) {
                gone(owner.getValue(), still).forEach(value -> removedValues.add(new ValueRef(owner.getKey(), value)));
            }
        }
        return new CatalogDiff(List.copyOf(droppedTables), List.copyOf(addedTables), List.copyOf(droppedColumns),
                List.copyOf(addedColumns), List.copyOf(changed), List.copyOf(removed), List.copyOf(removedValues));
    }

    private static Set<String> gone(Set<String> before, Set<String> after) {
        Set<String> gone = new TreeSet<>(before);
        gone.removeAll(after);
        return gone;
    }

    public static CatalogDiff none() {
        return new CatalogDiff(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return droppedTables.isEmpty() && addedTables.isEmpty() && droppedColumns.isEmpty()
                && addedColumns.isEmpty() && changedColumns.isEmpty() && removedObjects.isEmpty()
                && removedValues.isEmpty();
    }
}
