package io.switchover.patterns.builders;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class mapped to a table by a framework that issues plain statements per aggregate (Spring Data JDBC, Micronaut
 * Data): its table, its columns, and the tables of the entities it holds ({@code @MappedCollection}).
 *
 * @param properties property name to column, for derived queries
 */
record Aggregate(String path, String typeName, String table, int line, List<Column> columns, List<Child> children,
                 Map<String, String> properties) {

    Aggregate {
        columns = List.copyOf(columns);
        children = List.copyOf(children);
        properties = Map.copyOf(properties);
    }

    /** One column; {@code generated} ids are left out of INSERTs, as the frameworks leave a null id out. */
    record Column(String name, boolean id, boolean generated, boolean version, boolean insertable, boolean updatable,
                  int line) {
    }

    /**
     * An entity held by the aggregate, in its own table: {@code backReference} is the column that points at the
     * aggregate's id, {@code key} the list index or map key column, if any.
     */
    record Child(String table, List<Column> columns, String backReference, String key, int line,
                 List<Child> children) {
        Child {
            columns = List.copyOf(columns);
            children = List.copyOf(children);
        }
    }

    Optional<Column> id() {
        return columns.stream().filter(Column::id).findFirst();
    }
}
