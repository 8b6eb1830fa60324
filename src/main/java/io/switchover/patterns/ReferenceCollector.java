package io.switchover.patterns;

import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a statement with JSqlParser's table finder and records, besides the tables, what the finder does not keep:
 * column references resolved to the base tables they can belong to, {@code *}, and which column each {@code ?} is
 * compared with.
 *
 * <p>Names resolve per scope, as in SQL: each SELECT, UPDATE, DELETE, INSERT and MERGE opens a scope holding its FROM
 * items (tables, subqueries, common table expressions) under their alias. A qualified column is looked up from the
 * innermost scope outwards, which is what makes a correlated subquery's {@code o.x} find the outer {@code o}. A column
 * of a subquery or CTE is not a column of any table unless the subquery passes it through with {@code *}; its own
 * SELECT list has already attributed whatever it read.
 */
final class ReferenceCollector extends TablesNamesFinder<Void> {
    private static final int MAX_LINEAGE_DEPTH = 8;

    /**
     * A column reference and the base tables (unqualified, folded) it may belong to; empty when it belongs to none,
     * such as a column of a subquery or of {@code EXCLUDED}.
     */
    record ResolvedColumn(Column column, List<String> tables) {
    }

    final List<ResolvedColumn> columns = new ArrayList<>();
    /** 1-based parameter index to the column it is compared with. */
    final Map<Integer, ResolvedColumn> boundParameters = new HashMap<>();
    boolean selectsStar;
    /** The base tables a {@code *} or {@code t.*} selects every column of, at the level where it stands. */
    final Set<String> starredTables = new LinkedHashSet<>();
    /** How many function calls the visit is inside: the {@code *} of {@code count(*)} selects no column. */
    private int functionDepth;
    /** How many {@code EXISTS} the visit is inside: its subquery's {@code *} gives no row to read. */
    private int existsDepth;

    private final Map<String, Select> commonTables = new HashMap<>();
    // SET targets always name the target table's columns; SqlReferences reads them from the statement itself.
    private final Set<Column> setTargets = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Scope> scopes = new ArrayDeque<>();

    @Override
    public <S> Void visit(WithItem<?> withItem, S context) {
        // Registered before its body is visited: a recursive CTE names itself.
        if (withItem.getAlias() != null && withItem.getSelect() != null) {
            commonTables.put(Identifiers.normalize(withItem.getAlias().getName()), withItem.getSelect());
        }
        return super.visit(withItem, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        return within(scopeOf(select), () -> super.visit(select, context));
    }

    @Override
    public <S> Void visit(Update update, S context) {
        Scope scope = new Scope();
        addSource(scope, update.getTable());
        addJoins(scope, update.getStartJoins());
        addSource(scope, update.getFromItem());
        addJoins(scope, update.getJoins());
        update.getUpdateSets().forEach(set -> setTargets.addAll(set.getColumns()));
        return within(scope, () -> super.visit(update, context));
    }

    @Override
    public <S> Void visit(Delete delete, S context) {
        Scope scope = new Scope();
        addSource(scope, delete.getTable());
        if (delete.getUsingFromItemList() != null) {
            delete.getUsingFromItemList().forEach(item -> addSource(scope, item));
        }
        addJoins(scope, delete.getJoins());
        return within(scope, () -> super.visit(delete, context));
    }

    @Override
    public <S> Void visit(Insert insert, S context) {
        Scope scope = new Scope();
        addSource(scope, insert.getTable());
        scope.add("excluded", Source.OPAQUE); // ON CONFLICT ... DO UPDATE SET x = EXCLUDED.x
        return within(scope, () -> super.visit(insert, context));
    }

    @Override
    public <S> Void visit(Merge merge, S context) {
        Scope scope = new Scope();
        addSource(scope, merge.getTable());
        addSource(scope, merge.getFromItem());
        return within(scope, () -> super.visit(merge, context));
    }

    @Override
    public <S> Void visit(Column column, S context) {
        if (setTargets.contains(column)) {
            return null;
        }
        columns.add(resolve(column));
        return super.visit(column, context);
    }

    @Override
    public <S> Void visit(AllColumns allColumns, S context) {
        // count(*) counts rows: it depends on no column
        if (functionDepth == 0 && existsDepth == 0) {
            selectsStar = true;
            // Every source of its own SELECT: a subquery's columns are its own SELECT list's, read where it stands.
            innermostSources().forEach(this::addStarred);
        }
        return super.visit(allColumns, context);
    }

    @Override
    public <S> Void visit(ExistsExpression exists, S context) {
        existsDepth++;
        try {
            return super.visit(exists, context);
        } finally {
            existsDepth--;
        }
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.Function function, S context) {
        functionDepth++;
        try {
            return super.visit(function, context);
        } finally {
            functionDepth--;
        }
    }

    @Override
    public <S> Void visit(AllTableColumns allTableColumns, S context) {
        // count(ob.*) counts rows, as count(*) does
        if (functionDepth == 0 && existsDepth == 0) {
            selectsStar = true;
            if (allTableColumns.getTable() != null && allTableColumns.getTable().getName() != null) {
                sourceNamed(Identifiers.normalize(allTableColumns.getTable().getName())).ifPresent(this::addStarred);
            }
        }
        return super.visit(allTableColumns, context);
    }

    @Override
    public void visitBinaryExpression(BinaryExpression expression) {
        if (expression instanceof ComparisonOperator || expression instanceof LikeExpression) {
            bind(expression.getLeftExpression(), expression.getRightExpression());
            bind(expression.getRightExpression(), expression.getLeftExpression());
        }
        super.visitBinaryExpression(expression);
    }

    @Override
    public <S> Void visit(Between between, S context) {
        bind(between.getLeftExpression(), between.getBetweenExpressionStart());
        bind(between.getLeftExpression(), between.getBetweenExpressionEnd());
        return super.visit(between, context);
    }

    @Override
    public <S> Void visit(InExpression in, S context) {
        if (in.getRightExpression() instanceof ExpressionList<?> list) {
            for (Expression element : list) {
                bind(in.getLeftExpression(), element);
            }
        }
        return super.visit(in, context);
    }

    /** The 1-based index of the parameter {@code value} is, also through a cast such as {@code ?::uuid}. */
    static Optional<Integer> parameterIndex(Expression value) {
        Expression parameter = value instanceof CastExpression cast ? cast.getLeftExpression() : value;
        return parameter instanceof JdbcParameter jdbc ? Optional.ofNullable(jdbc.getIndex()) : Optional.empty();
    }

    /** Records that {@code value} is bound to {@code target} when one is a plain column and the other a parameter. */
    private void bind(Expression target, Expression value) {
        if (target instanceof Column column) {
            parameterIndex(value).ifPresent(index -> boundParameters.putIfAbsent(index, resolve(column)));
        }
    }

    private Void within(Scope scope, java.util.function.Supplier<Void> visit) {
        scopes.push(scope);
        try {
            return visit.get();
        } finally {
            scopes.pop();
        }
    }

    private ResolvedColumn resolve(Column column) {
        String name = Identifiers.normalize(column.getColumnName());
        Table qualifier = column.getTable();
        if (qualifier == null || qualifier.getName() == null) {
            // Unqualified: the innermost scope with a FROM decides; several sources there all may hold it.
            Set<String> owners = new LinkedHashSet<>();
            innermostSources().forEach(source -> owners.addAll(tablesFor(source, name, 0)));
            return new ResolvedColumn(column, List.copyOf(owners));
        }
        return new ResolvedColumn(column, sourceNamed(Identifiers.normalize(qualifier.getName()))
                .map(source -> tablesFor(source, name, 0)).orElse(List.of()));
    }

    /** The sources of the innermost scope with a FROM: what an unqualified name or a bare {@code *} reads. */
    private java.util.Collection<Source> innermostSources() {
        for (Scope scope : scopes) {
            if (!scope.sources.isEmpty()) {
                return scope.sources.values();
            }
        }
        return List.of();
    }

    /** What a qualifier ({@code p} of {@code p.id} or {@code p.*}) stands for, innermost scope first. */
    private Optional<Source> sourceNamed(String key) {
        for (Scope scope : scopes) {
            Source source = scope.sources.get(key);
            if (source != null) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    private void addStarred(Source source) {
        if (source.table() != null) {
            starredTables.add(source.table());
        }
    }

    /** The base tables that may hold {@code column} when it is read from {@code source}. */
    private List<String> tablesFor(Source source, String column, int depth) {
        if (source.table() != null) {
            return List.of(source.table());
        }
        if (source.derived() == null || depth > MAX_LINEAGE_DEPTH) {
            return List.of();
        }
        List<PlainSelect> branches = branchesOf(source.derived());
        if (branches.isEmpty() || outputs(branches.get(0)).contains(column)) {
            return List.of(); // named in the subquery's own SELECT list, which attributed it already
        }
        Set<String> owners = new LinkedHashSet<>();
        for (PlainSelect branch : branches) {
            Scope inner = scopeOf(branch);
            for (SelectItem<?> item : branch.getSelectItems()) {
                if (item.getExpression() instanceof AllTableColumns tableStar) {
                    Source starred = inner.sources.get(Identifiers.normalize(tableStar.getTable().getName()));
                    if (starred != null) {
                        owners.addAll(tablesFor(starred, column, depth + 1));
                    }
                } else if (item.getExpression() instanceof AllColumns) {
                    inner.sources.values().forEach(s -> owners.addAll(tablesFor(s, column, depth + 1)));
                }
            }
        }
        return List.copyOf(owners);
    }

    private static List<PlainSelect> branchesOf(Select select) {
        if (select instanceof PlainSelect plain) {
            return List.of(plain);
        }
        if (select instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
            return branchesOf(parenthesed.getSelect());
        }
        if (select instanceof SetOperationList union) {
            List<PlainSelect> branches = new ArrayList<>();
            union.getSelects().forEach(branch -> branches.addAll(branchesOf(branch)));
            return branches;
        }
        return List.of();
    }

    private static Set<String> outputs(PlainSelect select) {
        Set<String> names = new LinkedHashSet<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getAlias() != null) {
                names.add(Identifiers.normalize(item.getAlias().getName()));
            } else if (item.getExpression() instanceof Column column) {
                names.add(Identifiers.normalize(column.getColumnName()));
            }
        }
        return names;
    }

    private Scope scopeOf(PlainSelect select) {
        Scope scope = new Scope();
        addSource(scope, select.getFromItem());
        addJoins(scope, select.getJoins());
        return scope;
    }

    private void addJoins(Scope scope, List<Join> joins) {
        if (joins != null) {
            joins.forEach(join -> addSource(scope, join.getFromItem()));
        }
    }

    private void addSource(Scope scope, FromItem item) {
        if (item == null) {
            return;
        }
        String alias = aliasOf(item.getAlias());
        if (item instanceof Table table) {
            String name = Identifiers.normalize(table.getName());
            if (name == null) {
                return;
            }
            Select cte = table.getSchemaName() == null ? commonTables.get(name) : null;
            scope.add(alias != null ? alias : name, cte != null ? Source.derived(cte) : Source.table(name));
        } else if (item instanceof ParenthesedSelect subquery) {
            scope.add(alias, Source.derived(subquery.getSelect() != null ? subquery.getSelect() : subquery));
        } else if (item instanceof ParenthesedFromItem nested) {
            addSource(scope, nested.getFromItem());
            addJoins(scope, nested.getJoins());
        } else {
            scope.add(alias, Source.OPAQUE); // table functions, VALUES lists: no table of the schema
        }
    }

    private static String aliasOf(Alias alias) {
        return alias == null || alias.getName() == null ? null : Identifiers.normalize(alias.getName());
    }

    /** What a name in a FROM clause stands for: a base table, a subquery or CTE, or something else. */
    private record Source(String table, Select derived) {
        static final Source OPAQUE = new Source(null, null);

        static Source table(String name) {
            return new Source(name, null);
        }

        static Source derived(Select select) {
            return new Source(null, select);
        }
    }

    private static final class Scope {
        // An unaliased subquery has no name, but still provides columns to unqualified references.
        private final Map<String, Source> sources = new LinkedHashMap<>();
        private int anonymous;

        void add(String name, Source source) {
            sources.put(name != null ? name : "\u0000" + anonymous++, source);
        }
    }
}
