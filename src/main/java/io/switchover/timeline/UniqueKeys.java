package io.switchover.timeline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The unique keys (primary keys, unique constraints and unique indexes, partial ones aside where the driver says so)
 * that production's schema has on the tables the batch puts a unique key on, read at S0 from the database: a new key
 * over a superset of an existing key's columns rejects no write the existing one let through.
 *
 * @param byTable lower-case table name to its keys, each the set of its lower-case column names
 */
public record UniqueKeys(Map<String, List<Set<String>>> byTable) {
    public static final UniqueKeys NONE = new UniqueKeys(Map.of());

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
}
