package io.switchover.timeline;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables, views and columns visible to the service at one state of the timeline, keyed by lower-case name, and the
 * schema's other objects that code can name.
 */
public record SchemaCatalog(Map<String, TableInfo> tables, SchemaObjects objects) {

    public SchemaCatalog(Map<String, TableInfo> tables) {
        this(tables, SchemaObjects.none());
    }

    public Optional<TableInfo> table(String name) {
        return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<ColumnInfo> column(String table, String column) {
        return table(table).flatMap(t -> t.column(column));
    }

    public Collection<TableInfo> all() {
        return tables.values();
    }

    public SchemaCatalog withObjects(SchemaObjects newObjects) {
        return new SchemaCatalog(tables, newObjects);
    }
}
