package io.switchover.patterns;

import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a statement with JSqlParser's table finder and records, besides the tables, what the finder does not keep:
 * aliases, column references, {@code *}, and which column each {@code ?} is compared with. Resolution of aliases
 * happens later in {@link SqlReferences}, once all tables are known (FROM comes after the select list).
 */
final class ReferenceCollector extends TablesNamesFinder<Void> {

    /** Lower-case alias or table name to the table it stands for, as written (possibly schema-qualified). */
    final Map<String, Table> aliases = new HashMap<>();
    final List<Column> columns = new ArrayList<>();
    /** 1-based parameter index to the column it is compared with. */
    final Map<Integer, Column> boundParameters = new HashMap<>();
    boolean selectsStar;

    @Override
    public <S> Void visit(Table table, S context) {
        if (table.getAlias() != null) {
            aliases.put(Identifiers.normalize(table.getAlias().getName()), table);
        }
        return super.visit(table, context);
    }

    @Override
    public <S> Void visit(Column column, S context) {
        columns.add(column);
        return super.visit(column, context);
    }

    @Override
    public <S> Void visit(AllColumns allColumns, S context) {
        selectsStar = true;
        return super.visit(allColumns, context);
    }

    @Override
    public <S> Void visit(AllTableColumns allTableColumns, S context) {
        selectsStar = true;
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

    /** Records that {@code value} is bound to {@code target} when one is a plain column and the other a parameter. */
    private void bind(Expression target, Expression value) {
        if (target instanceof Column column) {
            parameterIndex(value).ifPresent(index -> boundParameters.putIfAbsent(index, column));
        }
    }

    /** The 1-based index of the parameter {@code value} is, also through a cast such as {@code ?::uuid}. */
    static Optional<Integer> parameterIndex(Expression value) {
        Expression parameter = value instanceof CastExpression cast ? cast.getLeftExpression() : value;
        return parameter instanceof JdbcParameter jdbc ? Optional.ofNullable(jdbc.getIndex()) : Optional.empty();
    }
}
