package io.switchover.patterns;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import io.switchover.patterns.JavaValues.ListValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a local variable holds where it is used, found by following the method from the declaration to the
 * use: {@code sql += "..."}, {@code sql = sql + "..."}, {@code sb.append(...)}, {@code joiner.add(...)}. An
 * {@code if} gives the values of each way through it (the one with the branch and the one without), a loop over a
 * constant list runs once per element, another loop once, as MyBatis's {@code <foreach>} is read; a branch that
 * returns or throws does not reach the use. A variable handed to another method, or changed in a way not listed,
 * is known only at run time.
 */
final class LocalStringFlow {
    /** Statements followed from a declaration to its use; a method longer than this is not followed. */
    private static final int MAX_STATEMENTS = 500;
    private static final Object UNASSIGNED = new Object();

    private final StringExpressionEvaluator evaluator;

    LocalStringFlow(StringExpressionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The values of the local variable the name uses, where it uses it; null when not known. */
    List<Object> valueAt(NameExpr use, NameContext names) {
        String name = use.getNameAsString();
        // From the use up to the block that declares the variable: each block, and the statement in it on the way.
        List<BlockStmt> blocks = new ArrayList<>();
        List<Statement> steps = new ArrayList<>();
        Node child = use;
        Optional<Node> parent = use.getParentNode();
        while (parent.isPresent()) {
            Node node = parent.get();
            if (node instanceof CallableDeclaration<?> || node instanceof TypeDeclaration<?>
                    || node instanceof LambdaExpr) {
                return null; // a parameter or a field: not a local of this method
            }
            if (node instanceof BlockStmt block && child instanceof Statement step) {
                blocks.add(0, block);
                steps.add(0, step);
                int at = block.getStatements().indexOf(step);
                for (int i = at - 1; i >= 0; i--) {
                    Optional<VariableDeclarator> declared = declaration(block.getStatements().get(i), name);
                    if (declared.isPresent()) {
                        return flow(declared.get(), blocks, steps, i, names);
                    }
                }
            }
            child = node;
            parent = node.getParentNode();
        }
        return null;
    }

    private List<Object> flow(VariableDeclarator declared, List<BlockStmt> blocks, List<Statement> steps,
                              int declaredAt, NameContext names) {
        String name = declared.getNameAsString();
        List<Object> states = declared.getInitializer().isPresent()
                ? evaluator.eval(declared.getInitializer().get(), names, Map.of()) : List.of(UNASSIGNED);
        int followed = 0;
        for (int level = 0; level < blocks.size() && states != null; level++) {
            List<Statement> statements = blocks.get(level).getStatements();
            int from = level == 0 ? declaredAt + 1 : 0;
            int to = statements.indexOf(steps.get(level));
            for (int i = from; i < to && states != null; i++) {
                if (++followed > MAX_STATEMENTS) {
                    return null;
                }
                states = apply(statements.get(i), name, states, names, Map.of());
            }
        }
        if (states == null || states.isEmpty() || states.contains(UNASSIGNED)) {
            return null;
        }
        return states;
    }

    /** The values after the statement; an empty list when no way through it goes on; null when not known. */
    private List<Object> apply(Statement statement, String name, List<Object> states, NameContext names,
                               Map<String, Object> bound) {
        if (!mentions(statement, name) || immutable(states) && !assigns(statement, name)) {
            // A statement that only reads a String (formats it into another, passes it on) leaves it as it was.
            return endsFlow(statement) ? List.of() : states;
        }
        if (statement instanceof ExpressionStmt expression) {
            return expression(expression.getExpression(), name, states, names, bound);
        }
        if (statement instanceof BlockStmt block) {
            List<Object> current = states;
            for (Statement inner : block.getStatements()) {
                current = apply(inner, name, current, names, bound);
                if (current == null || current.isEmpty()) {
                    return current;
                }
            }
            return current;
        }
        if (statement instanceof IfStmt branch) {
            if (mentions(branch.getCondition(), name)) {
                return null;
            }
            List<Object> condition = evaluator.eval(branch.getCondition(), names, bound);
            if (condition != null && condition.size() == 1 && condition.get(0) instanceof Boolean taken) {
                return taken ? apply(branch.getThenStmt(), name, states, names, bound)
                        : branch.getElseStmt().map(e -> apply(e, name, states, names, bound)).orElse(states);
            }
            List<Object> then = apply(branch.getThenStmt(), name, states, names, bound);
            List<Object> otherwise = branch.getElseStmt().isPresent()
                    ? apply(branch.getElseStmt().get(), name, states, names, bound) : states;
            return union(then, otherwise);
        }
        if (statement instanceof ForEachStmt loop && !mentions(loop.getIterable(), name)) {
            List<Object> iterable = evaluator.eval(loop.getIterable(), names, bound);
            String variable = loop.getVariable().getVariables().get(0).getNameAsString();
            if (iterable != null && iterable.size() == 1 && iterable.get(0) instanceof ListValue list) {
                List<Object> current = states;
                for (Object element : list.elements()) {
                    Map<String, Object> withElement = new HashMap<>(bound);
                    withElement.put(variable, element);
                    current = apply(loop.getBody(), name, current, names, withElement);
                    if (current == null || current.isEmpty()) {
                        return current;
                    }
                }
                return current;
            }
            return apply(loop.getBody(), name, states, names, bound);
        }
        if (statement instanceof ForStmt loop && loop.getInitialization().stream().noneMatch(e -> mentions(e, name))
                && loop.getUpdate().stream().noneMatch(e -> mentions(e, name))) {
            return apply(loop.getBody(), name, states, names, bound);
        }
        if (statement instanceof WhileStmt loop && !mentions(loop.getCondition(), name)) {
            return apply(loop.getBody(), name, states, names, bound);
        }
        if (statement instanceof DoStmt loop && !mentions(loop.getCondition(), name)) {
            return apply(loop.getBody(), name, states, names, bound);
        }
        if (statement instanceof TryStmt attempt && attempt.getResources().isEmpty()
                && attempt.getCatchClauses().stream().noneMatch(c -> mentions(c, name))
                && attempt.getFinallyBlock().map(f -> !mentions(f, name)).orElse(true)) {
            return apply(attempt.getTryBlock(), name, states, names, bound);
        }
        return null;
    }

    private List<Object> expression(Expression expression, String name, List<Object> states, NameContext names,
                                    Map<String, Object> bound) {
        if (expression instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr target
                && target.getNameAsString().equals(name)) {
            if (assign.getOperator() == AssignExpr.Operator.ASSIGN) {
                return each(states, name, assign.getValue(), names, bound, false);
            }
            if (assign.getOperator() == AssignExpr.Operator.PLUS) {
                return each(states, name, assign.getValue(), names, bound, true);
            }
            return null;
        }
        if (StringExpressionEvaluator.isCallOn(expression, name)) {
            // sb.append(a).append(b): the chain's value, with sb bound to each state, is the next state.
            return each(states, name, expression, names, bound, false);
        }
        return null;
    }

    private List<Object> each(List<Object> states, String name, Expression value, NameContext names,
                              Map<String, Object> bound, boolean append) {
        List<Object> next = new ArrayList<>();
        for (Object state : states) {
            if (append && state == UNASSIGNED) {
                return null;
            }
            Map<String, Object> withState = new HashMap<>(bound);
            if (state != UNASSIGNED) {
                withState.put(name, state);
            }
            List<Object> values = evaluator.eval(value, names, withState);
            if (values == null) {
                return null;
            }
            for (Object result : values) {
                Object after = result;
                if (append) {
                    String left = evaluator.text(state);
                    String right = evaluator.text(result);
                    if (left == null || right == null) {
                        return null;
                    }
                    after = left + right;
                }
                if (next.size() < StringExpressionEvaluator.MAX_VARIANTS) {
                    next.add(after);
                }
            }
        }
        return next;
    }

    private static List<Object> union(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return null;
        }
        List<Object> both = new ArrayList<>(new LinkedHashSet<>(a));
        for (Object value : b) {
            if (!both.contains(value) && both.size() < StringExpressionEvaluator.MAX_VARIANTS) {
                both.add(value);
            }
        }
        return both;
    }

    private static Optional<VariableDeclarator> declaration(Statement statement, String name) {
        if (statement instanceof ExpressionStmt expression
                && expression.getExpression() instanceof VariableDeclarationExpr declaration) {
            return declaration.getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst();
        }
        return Optional.empty();
    }

    /** Whether every value is one no method can change: text, a number, a truth value. */
    private static boolean immutable(List<Object> states) {
        return !states.isEmpty() && states.stream()
                .allMatch(state -> state instanceof String || state instanceof Number || state instanceof Boolean);
    }

    /** Whether the statement assigns the variable anywhere in it. */
    private static boolean assigns(Statement statement, String name) {
        return statement.findFirst(AssignExpr.class, assign -> assign.getTarget() instanceof NameExpr target
                && target.getNameAsString().equals(name)).isPresent()
                || statement.findFirst(UnaryExpr.class, unary -> unary.getExpression() instanceof NameExpr target
                && target.getNameAsString().equals(name)).isPresent();
    }

    private static boolean endsFlow(Statement statement) {
        return statement instanceof ReturnStmt || statement instanceof ThrowStmt;
    }

    private static boolean mentions(Node node, String name) {
        if (node instanceof NameExpr expression && expression.getNameAsString().equals(name)) {
            return true;
        }
        return node.findFirst(NameExpr.class, n -> n.getNameAsString().equals(name)).isPresent();
    }
}
