package io.switchover.patterns.jpa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Hibernate makes of one {@code @Entity} class: the tables a row of it lives in (root first: JOINED parents and
 * secondary tables add tables), every column with its table, the attributes queries can name, and its collections.
 *
 * @param tables       the entity's tables, root first; the first is where its id lives
 * @param keyColumns   for each table, the columns that hold the id there (the same names as the root's id unless a
 *                     {@code @PrimaryKeyJoinColumn} renames them)
 * @param columns      every mapped column of the entity, inherited ones included, in declaration order
 * @param properties   attribute name to property, inherited ones included
 * @param secondary    tables joined to the root as {@code @SecondaryTable} (optional: outer joins)
 */
record EntityMapping(SourceType type, String entityName, List<TableName> tables,
                     Map<TableName, List<String>> keyColumns, List<MappedColumn> columns,
                     Map<String, Property> properties, List<CollectionMapping> collections, List<TableName> secondary,
                     boolean isAbstract) {

    EntityMapping {
        tables = List.copyOf(tables);
        keyColumns = new LinkedHashMap<>(keyColumns);
        columns = List.copyOf(columns);
        properties = new LinkedHashMap<>(properties);
        collections = List.copyOf(collections);
        secondary = List.copyOf(secondary);
    }

    TableName primaryTable() {
        return tables.get(0);
    }

    List<String> idColumns() {
        return keyColumns.getOrDefault(primaryTable(), List.of());
    }

    List<MappedColumn> columnsOf(TableName table) {
        List<MappedColumn> found = new ArrayList<>();
        for (MappedColumn column : columns) {
            if (column.table().equals(table)) {
                found.add(column);
            }
        }
        return found;
    }

    /** The columns the ORM filters every statement on by itself (the tenant's), in the primary table. */
    List<MappedColumn> tenantColumns() {
        return columns.stream().filter(c -> c.role() == MappedColumn.Role.TENANT).toList();
    }

    boolean spansTables() {
        return tables.size() > 1;
    }
}
