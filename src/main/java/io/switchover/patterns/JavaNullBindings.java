package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The parameters a Java file binds NULL to, by statement: a call that passes the statement and then its values
 * ({@code jdbcTemplate.update(sql, id, null)}, {@code new Object[] {id, weight.orElse(null)}}), and a
 * {@code PreparedStatement} prepared from it that gets {@code setNull(2, ...)} or {@code setObject(2, null)} in the
 * same block. A value may be null when it is {@code null}, {@code x.orElse(null)}, or a conditional with a
 * {@code null} branch; the values are taken for the statement's parameters only when there are as many as it has
 * placeholders (a row mapper or class before them aside), so that no argument is mistaken for another.
 */
final class JavaNullBindings {
    private final Map<String, Map<Integer, String>> bySql = new HashMap<>();

    private JavaNullBindings() {
    }

    /**
     * @param sqlOf the statement an argument evaluates to, when it is one
     */
    static JavaNullBindings of(CompilationUnit unit, java.util.function.Function<Expression, Optional<String>> sqlOf) {
        JavaNullBindings found = new JavaNullBindings();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (call.getArguments().stream().anyMatch(JavaNullBindings::hasNullValue)) {
                found.passedWith(call, sqlOf);
            }
            if (call.getNameAsString().equals("prepareStatement") && !call.getArguments().isEmpty()) {
                sqlOf.apply(call.getArgument(0)).ifPresent(sql -> found.setNullOn(call, sql));
            }
        }
        return found;
    }

    /** The parameters of the statement the file binds NULL to, with why; empty when none. */
    Map<Integer, String> of(String sql) {
        return bySql.getOrDefault(sql, Map.of());
    }

    private void passedWith(MethodCallExpr call, java.util.function.Function<Expression, Optional<String>> sqlOf) {
        List<Expression> arguments = call.getArguments();
        for (int k = 0; k < arguments.size(); k++) {
            Optional<String> sql = sqlOf.apply(arguments.get(k));
            if (sql.isEmpty()) {
                continue;
            }
            List<Expression> values = values(arguments.subList(k + 1, arguments.size()),
                    JdbcParameters.toPositional(sql.get()).parameterCount());
            for (int p = 0; p < values.size(); p++) {
                if (mayBeNull(values.get(p))) {
                    add(sql.get(), p, "passes " + Fragments.shorten(values.get(p).toString()) + " at line "
                            + line(values.get(p)));
                }
            }
            return;
        }
    }

    /** The arguments that are the statement's values, one per placeholder; empty when they cannot be told apart. */
    private static List<Expression> values(List<Expression> after, int placeholders) {
        List<Expression> values = new ArrayList<>(after);
        while (!values.isEmpty() && notAValue(values.get(0))) {
            values.remove(0);
        }
        if (values.size() >= 1 && values.get(0) instanceof ArrayCreationExpr array && array.getInitializer().isPresent()
                && (values.size() == 1 || values.size() == 2 && values.get(1) instanceof ArrayCreationExpr)) {
            values = new ArrayList<>(array.getInitializer().get().getValues());
        }
        if (values.size() == placeholders + 1 && values.get(0) instanceof NameExpr) {
            values.remove(0); // a row mapper or extractor held in a variable
        }
        return values.size() == placeholders ? values : List.of();
    }

    private static boolean notAValue(Expression argument) {
        return argument instanceof ClassExpr || argument instanceof LambdaExpr
                || argument instanceof MethodReferenceExpr || argument instanceof ObjectCreationExpr;
    }

    /** {@code ps.setNull(n, ...)} or {@code ps.set...(n, null)} on the statement prepared by {@code prepare}. */
    private void setNullOn(MethodCallExpr prepare, String sql) {
        Optional<String> variable = prepare.getParentNode()
                .filter(p -> p instanceof VariableDeclarator v && v.getInitializer().filter(i -> i == prepare).isPresent())
                .map(p -> ((VariableDeclarator) p).getNameAsString());
        Optional<Node> scope = variable.flatMap(v -> enclosingBlock(prepare));
        if (variable.isEmpty() || scope.isEmpty()) {
            return;
        }
        Predicate<MethodCallExpr> onIt = c -> c.getScope().filter(s -> s instanceof NameExpr n
                && n.getNameAsString().equals(variable.get())).isPresent();
        for (MethodCallExpr set : scope.get().findAll(MethodCallExpr.class, onIt)) {
            String name = set.getNameAsString();
            if (!name.startsWith("set") || set.getArguments().size() < 2
                    || !(set.getArgument(0) instanceof IntegerLiteralExpr index)) {
                continue;
            }
            boolean isNull = name.equals("setNull") || mayBeNull(set.getArgument(1));
            int position = index.asNumber().intValue() - 1;
            if (isNull && position >= 0) {
                add(sql, position, Fragments.shorten(set.toString()) + " at line " + line(set));
            }
        }
    }

    /** The block the prepared statement lives in: a try-with-resources' whole statement, else the enclosing block. */
    private static Optional<Node> enclosingBlock(Node node) {
        for (Optional<Node> up = node.getParentNode(); up.isPresent(); up = up.get().getParentNode()) {
            if (up.get() instanceof TryStmt t && t.getResources().stream().anyMatch(r -> r.isAncestorOf(node))
                    || up.get() instanceof BlockStmt) {
                return up;
            }
        }
        return Optional.empty();
    }

    private void add(String sql, int position, String why) {
        bySql.computeIfAbsent(sql, k -> new HashMap<>()).putIfAbsent(position, why);
    }

    private static boolean hasNullValue(Expression argument) {
        if (argument instanceof ArrayCreationExpr array && array.getInitializer().isPresent()) {
            return array.getInitializer().get().getValues().stream().anyMatch(JavaNullBindings::mayBeNull);
        }
        return mayBeNull(argument);
    }

    /** Whether the value may be null by its own text: {@code null}, {@code x.orElse(null)}, {@code c ? v : null}. */
    static boolean mayBeNull(Expression value) {
        if (value instanceof NullLiteralExpr) {
            return true;
        }
        if (value instanceof EnclosedExpr enclosed) {
            return mayBeNull(enclosed.getInner());
        }
        if (value instanceof CastExpr cast) {
            return mayBeNull(cast.getExpression());
        }
        if (value instanceof ConditionalExpr conditional) {
            return mayBeNull(conditional.getThenExpr()) || mayBeNull(conditional.getElseExpr());
        }
        return value instanceof MethodCallExpr call && call.getNameAsString().equals("orElse")
                && call.getArguments().size() == 1 && mayBeNull(call.getArgument(0));
    }

    private static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(0);
    }
}
