package io.switchover.patterns.jpa;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the FROM clause of a generated query: the root entity's tables, then one join per association a path goes
 * through. Columns are qualified with table names once more than one table is involved; a table needed twice (a
 * self-reference) would need aliases and is refused.
 */
final class FromClause {
    private final StringBuilder clause = new StringBuilder();
    private final Set<TableName> tables = new LinkedHashSet<>();
    private final List<QueryPaths.Hop> joined = new ArrayList<>();
    private boolean conflict;

    FromClause(EntityMapping root) {
        SelectFrom from = SelectFrom.of(root);
        clause.append(from.clause());
        tables.addAll(root.tables());
    }

    /** Adds the joins of a path (once each); false when that needs a table twice. */
    boolean join(List<QueryPaths.Hop> hops, boolean outer) {
        for (QueryPaths.Hop hop : hops) {
            if (joined.contains(hop)) {
                continue;
            }
            TableName target = hop.to().primaryTable();
            if (!tables.add(target)) {
                conflict = true;
                return false;
            }
            joined.add(hop);
            clause.append(outer ? " LEFT JOIN " : " JOIN ").append(target.sql()).append(" ON ");
            for (int i = 0; i < hop.toColumns().size() && i < hop.fromColumns().size(); i++) {
                TableName toTable = hop.toColumns() == hop.to().idColumns() ? target : tableOfFk(hop);
                clause.append(i > 0 ? " AND " : "").append(toTable.sql()).append('.').append(hop.toColumns().get(i))
                        .append(" = ").append(hop.fromTable().sql()).append('.').append(hop.fromColumns().get(i));
            }
            for (TableName extra : hop.to().tables().subList(1, hop.to().tables().size())) {
                if (!tables.add(extra)) {
                    conflict = true;
                    return false;
                }
                clause.append(hop.to().secondary().contains(extra) ? " LEFT JOIN " : " JOIN ").append(extra.sql())
                        .append(" ON ");
                List<String> keys = hop.to().keyColumns().get(extra);
                for (int i = 0; i < keys.size(); i++) {
                    clause.append(i > 0 ? " AND " : "").append(extra.sql()).append('.').append(keys.get(i))
                            .append(" = ").append(target.sql()).append('.').append(hop.to().idColumns().get(i));
                }
            }
        }
        return true;
    }

    // An inverse hop compares the target's foreign key, which lives in the target's primary table.
    private static TableName tableOfFk(QueryPaths.Hop hop) {
        return hop.to().primaryTable();
    }

    boolean qualified() {
        return tables.size() > 1;
    }

    boolean conflict() {
        return conflict;
    }

    String column(MappedColumn column) {
        return qualified() ? column.table().sql() + "." + column.name() : column.name();
    }

    String sql() {
        return clause.toString();
    }
}
