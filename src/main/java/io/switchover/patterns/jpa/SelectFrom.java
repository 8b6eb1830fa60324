package io.switchover.patterns.jpa;

import java.util.ArrayList;
import java.util.List;

/**
 * The FROM clause that loads an entity, and its columns written the way that clause needs them: plain names for an
 * entity in one table, {@code table.column} when JOINED or secondary tables are joined in (the table name rather
 * than an alias, so that every column is attributed to its table).
 */
record SelectFrom(String clause, List<String> allColumns, List<String> idColumns, boolean qualified) {

    static SelectFrom of(EntityMapping entity) {
        boolean qualified = entity.spansTables();
        TableName primary = entity.primaryTable();
        StringBuilder clause = new StringBuilder(primary.sql());
        for (TableName table : entity.tables().subList(1, entity.tables().size())) {
            boolean outer = entity.secondary().contains(table);
            clause.append(outer ? " LEFT JOIN " : " JOIN ").append(table.sql()).append(" ON ");
            List<String> keys = entity.keyColumns().get(table);
            List<String> ids = entity.idColumns();
            for (int i = 0; i < keys.size() && i < ids.size(); i++) {
                clause.append(i > 0 ? " AND " : "").append(table.sql()).append('.').append(keys.get(i))
                        .append(" = ").append(primary.sql()).append('.').append(ids.get(i));
            }
        }
        List<String> columns = new ArrayList<>();
        for (MappedColumn column : entity.columns()) {
            String name = qualified ? column.table().sql() + "." + column.name() : column.name();
            if (!columns.contains(name)) {
                columns.add(name);
            }
        }
        List<String> ids = entity.idColumns().stream()
                .map(id -> qualified ? primary.sql() + "." + id : id).toList();
        return new SelectFrom(clause.toString(), columns, ids, qualified);
    }

    String column(MappedColumn column) {
        return qualified ? column.table().sql() + "." + column.name() : column.name();
    }
}
