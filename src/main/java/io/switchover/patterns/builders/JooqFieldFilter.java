package io.switchover.patterns.builders;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A lambda that filters a list of jOOQ fields by name, read as a test of a column name: keywhiz copies every column
 * but the key with {@code .filter(field -> !field.getName().equals(ACCESSGRANTS.ID.getName()))}. Read: a name
 * compared with {@code equals} (either way round) to a string or to a generated field's {@code getName()}, the field
 * compared with {@code ==} or {@code !=} to a generated field, their negations, {@code &&} and {@code ||}. Anything
 * else is not read, and the query stays not checked.
 */
final class JooqFieldFilter {
    private final String parameter;
    private final Function<Expression, Optional<String>> columnOf;

    private JooqFieldFilter(String parameter, Function<Expression, Optional<String>> columnOf) {
        this.parameter = parameter;
        this.columnOf = columnOf;
    }

    /** The test the lambda makes of a column's name; empty where it is not one this reads. */
    static Optional<Predicate<String>> of(Expression lambda, Function<Expression, Optional<String>> columnOf) {
        if (!(lambda instanceof LambdaExpr expression) || expression.getParameters().size() != 1) {
            return Optional.empty();
        }
        Optional<Expression> body = expression.getExpressionBody().or(() -> expression.getBody() instanceof BlockStmt block
                && block.getStatements().size() == 1 && block.getStatement(0) instanceof ReturnStmt returned
                ? returned.getExpression() : Optional.empty());
        JooqFieldFilter filter = new JooqFieldFilter(expression.getParameter(0).getNameAsString(), columnOf);
        return body.flatMap(filter::test);
    }

    private Optional<Predicate<String>> test(Expression expression) {
        Expression e = expression instanceof EnclosedExpr enclosed ? enclosed.getInner() : expression;
        if (e instanceof UnaryExpr not && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return test(not.getExpression()).map(Predicate::negate);
        }
        if (e instanceof BinaryExpr binary) {
            return binary(binary);
        }
        if (e instanceof MethodCallExpr call && (call.getNameAsString().equals("equals")
                || call.getNameAsString().equals("equalsIgnoreCase")) && call.getArguments().size() == 1
                && call.getScope().isPresent()) {
            boolean ignoreCase = call.getNameAsString().equals("equalsIgnoreCase");
            Optional<String> name = isNameOfParameter(call.getScope().get()) ? nameIn(call.getArgument(0))
                    : isNameOfParameter(call.getArgument(0)) ? nameIn(call.getScope().get()) : Optional.empty();
            return name.map(n -> column -> ignoreCase ? column.equalsIgnoreCase(n) : column.equals(n));
        }
        return Optional.empty();
    }

    private Optional<Predicate<String>> binary(BinaryExpr binary) {
        switch (binary.getOperator()) {
            case AND, OR -> {
                Optional<Predicate<String>> left = test(binary.getLeft());
                Optional<Predicate<String>> right = test(binary.getRight());
                if (left.isEmpty() || right.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(binary.getOperator() == BinaryExpr.Operator.AND ? left.get().and(right.get())
                        : left.get().or(right.get()));
            }
            case EQUALS, NOT_EQUALS -> {
                Optional<String> column = isParameter(binary.getLeft()) ? columnOf.apply(binary.getRight())
                        : isParameter(binary.getRight()) ? columnOf.apply(binary.getLeft()) : Optional.empty();
                Optional<Predicate<String>> same = column.map(c -> c::equals);
                return binary.getOperator() == BinaryExpr.Operator.EQUALS ? same : same.map(Predicate::negate);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** {@code field.getName()} of the lambda's parameter. */
    private boolean isNameOfParameter(Expression expression) {
        return expression instanceof MethodCallExpr call && call.getNameAsString().equals("getName")
                && call.getArguments().isEmpty() && call.getScope().filter(this::isParameter).isPresent();
    }

    private boolean isParameter(Expression expression) {
        return expression instanceof NameExpr name && name.getNameAsString().equals(parameter);
    }

    /** A name a filter compares with: a string, or {@code T.COL.getName()}. */
    private Optional<String> nameIn(Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (expression instanceof MethodCallExpr call && call.getNameAsString().equals("getName")
                && call.getArguments().isEmpty() && call.getScope().isPresent()) {
            return columnOf.apply(call.getScope().get());
        }
        return Optional.empty();
    }
}
