package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a Java file reads by name from results: JDBC's and Spring's {@code getString("alice")} and the other
 * typed getters, jOOQ's {@code record.get("alice")}, jDBI's {@code getColumn("alice", ...)}. Each read is linked to the
 * statement of the same method (or field initializer) that comes before it, else the first after it: a row mapper
 * written beside its query reads that query's result. A mapper of its own is linked through its uses.
 */
final class JavaColumnReads {
    private static final Set<String> TYPED_GETTERS = Set.of("getString", "getNString", "getInt", "getLong",
            "getShort", "getByte", "getBoolean", "getDouble", "getFloat", "getBigDecimal", "getDate", "getTime",
            "getTimestamp", "getObject", "getBytes", "getArray", "getBlob", "getClob", "getNClob", "getURL",
            "getCharacterStream", "getBinaryStream", "getAsciiStream", "getColumn", "getSQLXML", "getRowId");
    /** Untyped getters count on receivers named like a row; on others they are any map's or list's. */
    private static final Set<String> ROW_GETTERS = Set.of("get", "getValue");
    private static final String ROW_NAMES = "(?i)(rs|resultset|row|rec|record|r|result|res|rowset|rowview)";

    /** A string expression of the file whose value is a statement, and that value. */
    record Statement(Expression expression, String sql) {
    }

    private JavaColumnReads() {
    }

    static List<ColumnRead> find(String path, CompilationUnit unit, StringExpressionEvaluator evaluator,
                                 List<Statement> statements) {
        List<ColumnRead> reads = new ArrayList<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (!isGetter(call) || call.getArguments().isEmpty()) {
                continue;
            }
            Expression argument = call.getArgument(0);
            boolean named = argument instanceof StringLiteralExpr
                    || (argument instanceof NameExpr || argument instanceof FieldAccessExpr)
                    && evaluator.isConstantReference(argument);
            Optional<String> column = named ? evaluator.evaluate(argument) : Optional.empty();
            if (column.isEmpty() || !column.get().matches("[\\w$]+")) {
                continue;
            }
            Origin origin = JavaSources.origin(path, call);
            String name = column.get().toLowerCase(Locale.ROOT);
            List<String> linked = statementsOf(call, unit, statements, evaluator);
            if (linked.isEmpty()) {
                reads.add(new ColumnRead(origin, name, null));
            }
            linked.forEach(sql -> reads.add(new ColumnRead(origin, name, sql)));
        }
        return reads;
    }

    /**
     * The statements whose result a read reads: the one beside it in its method or initializer; else, for a row mapper
     * of its own (a method passed as {@code Repo::mapPerson}, a {@code RowMapper} constant), those beside each use of
     * it, one hop of naming further.
     */
    private static List<String> statementsOf(MethodCallExpr read, CompilationUnit unit, List<Statement> statements,
                                             StringExpressionEvaluator evaluator) {
        Optional<Node> scope = scopeOf(read);
        Optional<String> beside = scope.flatMap(s -> statementIn(s, position(read), statements, evaluator));
        if (beside.isPresent() || scope.isEmpty()) {
            return beside.stream().toList();
        }
        List<String> linked = new ArrayList<>();
        List<Node> users = usesOf(scope.get(), unit);
        for (int hop = 0; hop < 2 && linked.isEmpty() && !users.isEmpty(); hop++) {
            List<Node> next = new ArrayList<>();
            for (Node use : users) {
                Optional<Node> useScope = scopeOf(use);
                if (useScope.isEmpty()) {
                    continue;
                }
                statementIn(useScope.get(), position(use), statements, evaluator)
                        .filter(sql -> !linked.contains(sql)).ifPresent(linked::add);
                next.addAll(usesOf(useScope.get(), unit));
            }
            users = next;
        }
        return linked;
    }

    private static Optional<Node> scopeOf(Node node) {
        Optional<Node> scope = node.getParentNode();
        while (scope.isPresent() && !(scope.get() instanceof BodyDeclaration<?>)) {
            scope = scope.get().getParentNode();
        }
        return scope;
    }

    /** Where a method (by reference or call) or a field (by name) is used in the file. */
    private static List<Node> usesOf(Node declaration, CompilationUnit unit) {
        List<Node> uses = new ArrayList<>();
        if (declaration instanceof MethodDeclaration method) {
            String name = method.getNameAsString();
            unit.findAll(MethodReferenceExpr.class).stream().filter(r -> r.getIdentifier().equals(name))
                    .forEach(uses::add);
            unit.findAll(MethodCallExpr.class).stream().filter(c -> c.getNameAsString().equals(name))
                    .forEach(uses::add);
        } else if (declaration instanceof FieldDeclaration field) {
            for (var variable : field.getVariables()) {
                String name = variable.getNameAsString();
                unit.findAll(NameExpr.class).stream().filter(n -> n.getNameAsString().equals(name)).forEach(uses::add);
                unit.findAll(FieldAccessExpr.class).stream().filter(n -> n.getNameAsString().equals(name))
                        .forEach(uses::add);
            }
        }
        uses.removeIf(use -> declaration.isAncestorOf(use));
        return uses;
    }

    private static boolean isGetter(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (TYPED_GETTERS.contains(name)) {
            return true;
        }
        return ROW_GETTERS.contains(name) && call.getScope()
                .map(scope -> scope instanceof NameExpr receiver && receiver.getNameAsString().matches(ROW_NAMES))
                .orElse(false);
    }

    /** The statement before {@code at} in a method or initializer, else the first after it there. */
    private static Optional<String> statementIn(Node scope, int at, List<Statement> statements,
                                                StringExpressionEvaluator evaluator) {
        List<Statement> inScope = new ArrayList<>();
        for (Statement statement : statements) {
            if (scope.isAncestorOf(statement.expression())) {
                inScope.add(statement);
            }
        }
        // Constants the method hands to the database: their statements were found where they are declared.
        scope.walk(Expression.class, expression -> {
            if ((expression instanceof NameExpr || expression instanceof FieldAccessExpr)
                    && evaluator.isConstantReference(expression)) {
                evaluator.evaluate(expression).ifPresent(value -> statements.stream()
                        .filter(s -> s.sql().equals(value.strip())).findFirst()
                        .ifPresent(s -> inScope.add(new Statement(expression, s.sql()))));
            }
        });
        Optional<Statement> before = inScope.stream().filter(s -> position(s.expression()) < at)
                .max(java.util.Comparator.comparingInt(s -> position(s.expression())));
        return before.or(() -> inScope.stream().filter(s -> position(s.expression()) > at)
                .min(java.util.Comparator.comparingInt(s -> position(s.expression())))).map(Statement::sql);
    }

    private static int position(Node node) {
        return node.getBegin().map(p -> p.line * 10_000 + p.column).orElse(0);
    }
}
