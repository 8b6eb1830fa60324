package io.switchover.patterns.jpa;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.Origin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements Hibernate issues for an entity, as SQL with {@code ?} parameters: per table of the entity an INSERT
 * of its insertable columns, an UPDATE of its updatable columns by id (and version), a DELETE by id; one SELECT of all
 * columns by id (tables joined on the id); for each join or collection table an INSERT, a SELECT by owner and a DELETE
 * by owner. Those carry the class declaration as origin ({@value JpaExtractor#ENTITY}); collection statements the
 * field's line.
 *
 * <p>Besides, one probe per mapped column, {@code SELECT <column> FROM <table>}, at the line that maps it
 * ({@value JpaExtractor#COLUMN}): when a migration drops a column the old entity maps, the finding points at the field,
 * which is what the user has to change.
 */
final class EntityStatements {

    /** The entity's statements; {@code all} are the service's entities, which may map its table too. */
    List<AccessPattern> of(EntityMapping entity, List<EntityMapping> all) {
        List<AccessPattern> patterns = new ArrayList<>();
        Origin origin = entity.type().origin();
        boolean hasId = !entity.idColumns().isEmpty();
        // Hibernate's @Immutable: never updated. One that maps part of another entity's table is a view of it, read
        // or locked (hmpps-approved-premises-api's Cas2v2LockableApplicationEntity, its id alone): never saved either.
        boolean immutable = entity.type().has("Immutable");
        if (!entity.isAbstract()) {
            if (!immutable || !viewOfAnother(entity, all)) {
                for (TableName table : entity.tables()) {
                    insert(entity, table).ifPresentTo(patterns, origin);
                }
            }
            if (hasId && !immutable) {
                for (TableName table : entity.tables()) {
                    update(entity, table).ifPresentTo(patterns, origin);
                }
            }
        }
        if (hasId) {
            patterns.add(new AccessPattern(selectById(entity), origin, JpaExtractor.ENTITY));
            List<TableName> reversed = new ArrayList<>(entity.tables());
            Collections.reverse(reversed);
            for (TableName table : reversed) {
                patterns.add(new AccessPattern(delete(entity, table), origin, JpaExtractor.ENTITY));
            }
        }
        for (CollectionMapping collection : entity.collections()) {
            patterns.addAll(collectionStatements(collection));
        }
        return patterns;
    }

    /** Whether another entity maps the entity's table with every column it maps and more. */
    private static boolean viewOfAnother(EntityMapping entity, List<EntityMapping> all) {
        TableName table = entity.primaryTable();
        Set<String> mine = columnNames(entity, table);
        return all.stream().filter(other -> other != entity && !other.isAbstract() && other.tables().contains(table))
                .map(other -> columnNames(other, table))
                .anyMatch(theirs -> theirs.containsAll(mine) && theirs.size() > mine.size());
    }

    private static Set<String> columnNames(EntityMapping entity, TableName table) {
        return entity.columnsOf(table).stream().map(MappedColumn::name).collect(Collectors.toSet());
    }

    /** One single-column SELECT per mapped column of the entity and of its collections, at the mapping's line. */
    List<AccessPattern> columnProbes(EntityMapping entity) {
        List<AccessPattern> probes = new ArrayList<>();
        for (MappedColumn column : entity.columns()) {
            probes.add(probe(column.table(), column.name(), column.origin()));
        }
        for (CollectionMapping collection : entity.collections()) {
            Set<String> names = new LinkedHashSet<>(collection.ownerColumns());
            if (collection.kind() != CollectionMapping.Kind.FOREIGN_KEY) {
                names.addAll(collection.otherColumns());
            }
            for (String name : names) {
                probes.add(probe(collection.table(), name, collection.origin()));
            }
        }
        return probes;
    }

    private static AccessPattern probe(TableName table, String column, Origin origin) {
        return new AccessPattern("SELECT " + column + " FROM " + table.sql(), origin, JpaExtractor.COLUMN);
    }

    /**
     * A statement that may not exist (a table without insertable columns has no INSERT of its own), with the
     * parameters Hibernate may bind NULL to.
     */
    private record Maybe(String sql, Map<Integer, String> nullable) {
        void ifPresentTo(List<AccessPattern> patterns, Origin origin) {
            if (sql != null) {
                patterns.add(new AccessPattern(sql, origin, JpaExtractor.ENTITY, nullable));
            }
        }
    }

    private static final Maybe NONE = new Maybe(null, Map.of());

    private static Maybe insert(EntityMapping entity, TableName table) {
        List<String> names = new ArrayList<>();
        Map<Integer, String> nullable = new LinkedHashMap<>();
        if (!table.equals(entity.primaryTable())) {
            names.addAll(entity.keyColumns().getOrDefault(table, List.of()));
        }
        for (MappedColumn column : entity.columnsOf(table)) {
            if (column.insertable() && !names.contains(column.name())) {
                mayBeNull(column, names.size(), nullable);
                names.add(column.name());
            }
        }
        if (names.isEmpty()) {
            return NONE;
        }
        return new Maybe("INSERT INTO " + table.sql() + " (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")", nullable);
    }

    private static void mayBeNull(MappedColumn column, int position, Map<Integer, String> nullable) {
        if (column.nullBecause() != null) {
            nullable.put(position, column.nullBecause());
        }
    }

    private static Maybe update(EntityMapping entity, TableName table) {
        List<String> set = new ArrayList<>();
        Map<Integer, String> nullable = new LinkedHashMap<>();
        String version = null;
        for (MappedColumn column : entity.columnsOf(table)) {
            if (column.role() == MappedColumn.Role.VERSION) {
                version = column.name();
            }
            if (column.updatable() && !column.isId() && column.role() != MappedColumn.Role.DISCRIMINATOR
                    && column.role() != MappedColumn.Role.TENANT
                    && !set.contains(column.name())) {
                mayBeNull(column, set.size(), nullable);
                set.add(column.name());
            }
        }
        if (set.isEmpty()) {
            return NONE;
        }
        return new Maybe("UPDATE " + table.sql() + " SET " + set.stream().map(c -> c + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE " + byKey(entity.keyColumns().get(table), version)
                + tenantFilter(entity, table), nullable);
    }

    private static String delete(EntityMapping entity, TableName table) {
        String version = entity.columnsOf(table).stream().filter(c -> c.role() == MappedColumn.Role.VERSION)
                .map(MappedColumn::name).findFirst().orElse(null);
        return "DELETE FROM " + table.sql() + " WHERE " + byKey(entity.keyColumns().get(table), version)
                + tenantFilter(entity, table);
    }

    /** EclipseLink and Hibernate add the tenant's column to the WHERE of every statement on its table. */
    private static String tenantFilter(EntityMapping entity, TableName table) {
        return entity.tenantColumns().stream().filter(c -> c.table().equals(table))
                .map(c -> " AND " + c.name() + " = ?").collect(Collectors.joining());
    }

    private static String byKey(List<String> keys, String version) {
        List<String> conditions = new ArrayList<>();
        keys.forEach(k -> conditions.add(k + " = ?"));
        if (version != null) {
            conditions.add(version + " = ?");
        }
        return String.join(" AND ", conditions);
    }

    /** The load by id: Hibernate joins the tables of a JOINED entity and outer-joins its secondary tables. */
    static String selectById(EntityMapping entity) {
        SelectFrom from = SelectFrom.of(entity);
        List<String> conditions = new ArrayList<>(from.idColumns());
        entity.tenantColumns().forEach(c -> conditions.add(from.column(c)));
        return "SELECT " + String.join(", ", from.allColumns()) + " FROM " + from.clause() + " WHERE "
                + conditions.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
    }

    private static List<AccessPattern> collectionStatements(CollectionMapping collection) {
        String table = collection.table().sql();
        Origin origin = collection.origin();
        String byOwner = collection.ownerColumns().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        List<AccessPattern> patterns = new ArrayList<>();
        if (collection.kind() == CollectionMapping.Kind.FOREIGN_KEY) {
            // Hibernate sets the foreign key of each target row after inserting it, and loads the rows by it.
            String byId = collection.otherColumns().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
            patterns.add(new AccessPattern("UPDATE " + table + " SET " + collection.ownerColumns().stream()
                    .map(c -> c + " = ?").collect(Collectors.joining(", ")) + " WHERE " + byId, origin, JpaExtractor.ENTITY));
            patterns.add(new AccessPattern("SELECT " + String.join(", ", collection.otherColumns()) + " FROM " + table
                    + " WHERE " + byOwner, origin, JpaExtractor.ENTITY));
            return patterns;
        }
        List<String> all = new ArrayList<>(collection.ownerColumns());
        all.addAll(collection.otherColumns());
        patterns.add(new AccessPattern("INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ("
                + all.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")", origin, JpaExtractor.ENTITY));
        patterns.add(new AccessPattern("SELECT " + String.join(", ", all) + " FROM " + table + " WHERE " + byOwner,
                origin, JpaExtractor.ENTITY));
        patterns.add(new AccessPattern("DELETE FROM " + table + " WHERE " + byOwner, origin, JpaExtractor.ENTITY));
        return patterns;
    }
}
