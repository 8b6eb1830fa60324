package io.switchover.patterns;

import io.switchover.patterns.model.StatementKind;
import io.switchover.sql.SqlParsing;
import io.switchover.sql.SqlWords;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables and columns one statement touches, so that a rule can tell whether a migration removes something the old
 * service still uses. Names are folded like PostgreSQL folds them (unquoted to lower case).
 *
 * <p>Names resolve per scope (see {@link ReferenceCollector}): {@code o.generasjon_ref} belongs to the table that
 * {@code o} stands for in the innermost SELECT, UPDATE, DELETE, INSERT or MERGE that declares {@code o}, and to no
 * other. Where SQL alone cannot tell, attribution is generous, because a column missed here is a hazard missed: an
 * unqualified column is attributed to every base table of the innermost scope that has a FROM. A column of a CTE or
 * subquery is left out (its own SELECT list attributed what it reads) unless the subquery passes it through with
 * {@code *}; so is one qualified with {@code EXCLUDED}, since no table of the schema holds it.
 *
 * @param tables            unqualified table names
 * @param qualifiedTables   the same tables as written: {@code schema.table} when a schema was given
 * @param columns           table to the columns referenced on it, including INSERT columns and SET targets
 * @param insertColumns     the INSERT column list in order; empty when there is none (then every column, in table order)
 * @param updateColumns     the UPDATE SET targets in order
 * @param selectsStar       whether {@code *} or {@code t.*} occurs anywhere (not in {@code count(*)} or {@code EXISTS})
 * @param starredTables     the base tables whose every column a {@code *} or {@code t.*} selects: of
 *                          {@code SELECT a.*, o.id FROM a JOIN o}, only {@code a}
 * @param parameterColumns  one entry per JDBC parameter, in order of appearance: {@code table.column} it is bound to
 *                          (plain {@code column} when the table is ambiguous), or null when the binding is not obvious
 */
public record SqlReferences(StatementKind kind,
                            Set<String> tables,
                            Set<String> qualifiedTables,
                            Map<String, Set<String>> columns,
                            List<String> insertColumns,
                            List<String> updateColumns,
                            boolean selectsStar,
                            Set<String> starredTables,
                            List<String> parameterColumns) {

    // The names are interned: a service's statements name the same few hundred tables and columns thousands of
    // times, each a string of its own as the parser made it (20,000 statements: some 190,000 strings, 9 MB).
    public SqlReferences {
        tables = Collections.unmodifiableSet(interned(tables));
        qualifiedTables = Collections.unmodifiableSet(interned(qualifiedTables));
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        columns.forEach((table, names) -> copy.put(table.intern(), Collections.unmodifiableSet(interned(names))));
        columns = Collections.unmodifiableMap(copy);
        insertColumns = insertColumns.stream().map(String::intern).toList();
        updateColumns = updateColumns.stream().map(String::intern).toList();
        starredTables = Collections.unmodifiableSet(interned(starredTables));
        parameterColumns = Collections.unmodifiableList(parameterColumns.stream()
                .map(name -> name == null ? null : name.intern()).collect(java.util.stream.Collectors.toList()));
    }

    private static Set<String> interned(Set<String> names) {
        Set<String> interned = new LinkedHashSet<>();
        names.forEach(name -> interned.add(name.intern()));
        return interned;
    }

    /**
     * Describes a SELECT, INSERT, UPDATE, DELETE, MERGE or WITH statement; empty when JSqlParser cannot parse it or it
     * is of another kind. {@code :name} parameters are accepted.
     */
    /**
     * Whether a statement uses the table: from what JSqlParser read of it, or, for a statement it could not read
     * (which the replay database runs as it is), from its words.
     */
    public static boolean usesTable(Optional<SqlReferences> references, String sql, String table) {
        return references.map(r -> r.tables().contains(table))
                .orElseGet(() -> SqlWords.namesAny(sql, Set.of(table)));
    }

    /** Whether a statement names the table's column: as read, or, when it could not be read, both among its words. */
    public static boolean namesColumn(Optional<SqlReferences> references, String sql, String table, String column) {
        return references.map(r -> r.columns().getOrDefault(table, Set.of()).contains(column))
                .orElseGet(() -> SqlWords.namesAny(sql, Set.of(table)) && SqlWords.namesAny(sql, Set.of(column)));
    }

    public static Optional<SqlReferences> of(String sql) {
        // Positional first: the parser numbers each '?' in order of appearance, which gives parameterColumns its order.
        JdbcParameters.Positional positional = JdbcParameters.toPositional(sql);
        return of(positional, SqlParsing.parse(positional.sql()));
    }

    /** What the statement references, from the parse of its positional text. */
    static Optional<SqlReferences> of(JdbcParameters.Positional positional, SqlParsing.Parsed parsed) {
        if (!parsed.ok()) {
            return Optional.empty();
        }
        Statement statement = parsed.statement();
        Optional<StatementKind> kind = SqlStatementClassifier.kindOf(statement);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        ReferenceCollector collector = new ReferenceCollector();
        Set<String> qualified;
        try {
            qualified = collector.getTables(statement);
        } catch (RuntimeException e) {
            // The finder throws for the few constructs it does not support; such a statement is not described.
            return Optional.empty();
        }
        return Optional.of(new Builder(kind.get(), qualified, collector, positional.parameterCount()).build(statement));
    }

    /** Resolves what the collector saw against the statement's tables. */
    private static final class Builder {
        private final StatementKind kind;
        private final Set<String> qualifiedTables = new LinkedHashSet<>();
        private final Set<String> tables = new LinkedHashSet<>();
        private final ReferenceCollector collector;
        private final Map<String, Set<String>> columns = new LinkedHashMap<>();
        private final List<String> insertColumns = new ArrayList<>();
        private final List<String> updateColumns = new ArrayList<>();
        private final String[] parameterColumns;

        Builder(StatementKind kind, Set<String> found, ReferenceCollector collector, int parameterCount) {
            this.kind = kind;
            this.collector = collector;
            for (String name : found) {
                String[] parts = name.split("\\.");
                StringBuilder normalized = new StringBuilder();
                for (String part : parts) {
                    normalized.append(normalized.length() == 0 ? "" : ".").append(Identifiers.normalize(part));
                }
                qualifiedTables.add(normalized.toString());
                tables.add(Identifiers.normalize(parts[parts.length - 1]));
            }
            this.parameterColumns = new String[parameterCount];
        }

        SqlReferences build(Statement statement) {
            for (ReferenceCollector.ResolvedColumn column : collector.columns) {
                for (String table : column.tables()) {
                    if (tables.contains(table)) {
                        addColumn(table, Identifiers.normalize(column.column().getColumnName()));
                    }
                }
            }
            if (statement instanceof Insert insert) {
                readInsert(insert);
            }
            if (statement instanceof Update update) {
                readUpdate(update);
            }
            collector.boundParameters.forEach((index, column) -> setParameter(index, describe(column)));
            return new SqlReferences(kind, tables, qualifiedTables, columns, insertColumns, updateColumns,
                    collector.selectsStar, collector.starredTables, Arrays.asList(parameterColumns));
        }

        // The finder does not visit the INSERT column list; VALUES positions bind parameters to those columns.
        private void readInsert(Insert insert) {
            String target = tableName(insert.getTable());
            if (insert.getColumns() != null) {
                for (Column column : insert.getColumns()) {
                    String name = Identifiers.normalize(column.getColumnName());
                    insertColumns.add(name);
                    addColumn(target, name);
                }
            }
            if (insert.getSelect() instanceof Values values && !insertColumns.isEmpty()) {
                for (ExpressionList<?> row : rows(values)) {
                    for (int i = 0; i < row.size() && i < insertColumns.size(); i++) {
                        bindPositionally(row.get(i), target + "." + insertColumns.get(i));
                    }
                }
            }
        }

        private void bindPositionally(Expression value, String column) {
            ReferenceCollector.parameterIndex(value).ifPresent(index -> setParameter(index, column));
        }

        // A single row comes as one list of values, several rows as a list of parenthesised lists.
        private static List<ExpressionList<?>> rows(Values values) {
            ExpressionList<?> expressions = values.getExpressions();
            List<ExpressionList<?>> rows = new ArrayList<>();
            if (!expressions.isEmpty() && expressions.stream().allMatch(e -> e instanceof ExpressionList<?>)) {
                expressions.forEach(e -> rows.add((ExpressionList<?>) e));
            } else {
                rows.add(expressions);
            }
            return rows;
        }

        private void readUpdate(Update update) {
            String target = tableName(update.getTable());
            for (UpdateSet set : update.getUpdateSets()) {
                ExpressionList<?> values = set.getValues();
                for (int i = 0; i < set.getColumns().size(); i++) {
                    Column column = set.getColumns().get(i);
                    String name = Identifiers.normalize(column.getColumnName());
                    updateColumns.add(name);
                    addColumn(target, name);
                    if (values != null && values.size() == set.getColumns().size()) {
                        bindPositionally(values.get(i), target + "." + name);
                    }
                }
            }
        }

        private void setParameter(int index, String column) {
            if (index >= 1 && index <= parameterColumns.length && parameterColumns[index - 1] == null) {
                parameterColumns[index - 1] = column;
            }
        }

        private String describe(ReferenceCollector.ResolvedColumn column) {
            List<String> owners = column.tables().stream().filter(tables::contains).toList();
            String name = Identifiers.normalize(column.column().getColumnName());
            return owners.size() == 1 ? owners.get(0) + "." + name : name;
        }

        private void addColumn(String table, String column) {
            columns.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(column);
        }

        private static String tableName(Table table) {
            return Identifiers.normalize(table.getName());
        }
    }
}
