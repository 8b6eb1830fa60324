package io.switchover.timeline;

import java.util.Map;
import java.util.Set;

/**
 * What a schema holds besides tables, views and columns, as far as old code can name it: routines (functions and
 * procedures), sequences, user-defined types (enums, domains, composites), and the values an enum type or a column's
 * list constraint allows (a MariaDB or H2 {@code ENUM} column, a {@code CHECK (c IN ('a', 'b'))}). Names are lower
 * case; values are as written, since the database compares them exactly.
 *
 * @param allowedValues by owner: an enum type's name, or {@code table.column} for a column's own list
 */
public record SchemaObjects(Set<String> routines, Set<String> sequences, Set<String> types,
                            Map<String, Set<String>> allowedValues) {

    public SchemaObjects {
        routines = Set.copyOf(routines);
        sequences = Set.copyOf(sequences);
        types = Set.copyOf(types);
        allowedValues = allowedValues.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    public static SchemaObjects none() {
        return new SchemaObjects(Set.of(), Set.of(), Set.of(), Map.of());
    }
}
