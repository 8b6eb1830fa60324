package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.switchover.patterns.JavaSources;
import io.switchover.patterns.StringExpressionEvaluator;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Spring's {@code SimpleJdbcInsert}: {@code new SimpleJdbcInsert(dataSource).withTableName("person")
 * .usingColumns("id", "full_name").usingGeneratedKeyColumns("id")} and its {@code execute(...)},
 * {@code executeAndReturnKey(...)}, {@code executeBatch(...)} calls. With {@code usingColumns} Spring inserts exactly
 * those columns; without, it inserts the table's columns (but the generated keys), taking each value from the
 * parameter of that name, or of its camel-case name ({@code fullName} for {@code full_name}): the statement probed
 * is then the INSERT of the columns the code gives values for, read from the {@code Map.of(...)},
 * {@code MapSqlParameterSource} or map it hands over. One statement per call that executes, at its line; an insert
 * whose columns cannot be read (a bean's properties, a map filled elsewhere) is listed as not checked.
 */
public final class SimpleJdbcInserts {
    public static final String ID = "spring-simple-jdbc-insert";
    private static final Set<String> EXECUTES = Set.of("execute", "executeAndReturnKey", "executeAndReturnKeyHolder",
            "executeBatch");

    /** The inserts of one parsed Java file; nothing for a file that makes no {@code SimpleJdbcInsert}. */
    public ExtractionResult extract(String path, CompilationUnit unit) {
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        StringExpressionEvaluator strings = new StringExpressionEvaluator(unit);
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class,
                c -> c.getType().getNameAsString().equals("SimpleJdbcInsert"))) {
            Insert insert = new Insert();
            Node top = creation;
            while (top.getParentNode().orElse(null) instanceof MethodCallExpr outer
                    && outer.getScope().orElse(null) == top) {
                configure(insert, outer, strings);
                top = outer;
            }
            Origin created = JavaSources.origin(path, creation);
            if (insert.table == null) {
                notChecked.add(new UnresolvedSql(created, "new SimpleJdbcInsert(...)",
                        "a SimpleJdbcInsert whose table name is not known here"));
                continue;
            }
            List<MethodCallExpr> executes = new ArrayList<>();
            if (top instanceof MethodCallExpr last && EXECUTES.contains(last.getNameAsString())) {
                executes.add(last);
            }
            holder(top).ifPresent(name -> executes.addAll(unit.findAll(MethodCallExpr.class,
                    call -> EXECUTES.contains(call.getNameAsString()) && call.getScope().filter(s -> names(s, name))
                            .isPresent())));
            if (executes.isEmpty()) {
                if (!insert.columns.isEmpty()) {
                    patterns.add(new AccessPattern(insert.sql(insert.columns), created, ID));
                }
                continue;
            }
            for (MethodCallExpr execute : executes) {
                Origin origin = JavaSources.origin(path, execute);
                Set<String> columns = new LinkedHashSet<>(insert.columns.isEmpty() && execute.getArguments().isNonEmpty()
                        ? keys(execute.getArgument(0), strings).orElse(Set.of()) : insert.columns);
                columns.removeAll(insert.generated);
                if (columns.isEmpty()) {
                    notChecked.add(new UnresolvedSql(origin, shorten(execute.toString()),
                            "a SimpleJdbcInsert into " + insert.table + " whose columns are named at run time"));
                } else {
                    patterns.add(new AccessPattern(insert.sql(columns), origin, ID));
                }
            }
        }
        return new ExtractionResult(patterns, notChecked, List.of());
    }

    private static final class Insert {
        String schema;
        String table;
        final Set<String> columns = new LinkedHashSet<>();
        final Set<String> generated = new LinkedHashSet<>();

        String sql(Set<String> names) {
            List<String> values = names.stream().map(n -> "?").toList();
            return "INSERT INTO " + (schema == null ? "" : schema + ".") + table + " (" + String.join(", ", names)
                    + ") VALUES (" + String.join(", ", values) + ")";
        }
    }

    private static void configure(Insert insert, MethodCallExpr call, StringExpressionEvaluator strings) {
        List<String> arguments = new ArrayList<>();
        for (Expression argument : call.getArguments()) {
            strings.evaluate(argument).ifPresent(arguments::add);
        }
        switch (call.getNameAsString()) {
            case "withTableName" -> insert.table = arguments.isEmpty() ? null : arguments.get(0);
            case "withSchemaName" -> insert.schema = arguments.isEmpty() ? null : arguments.get(0);
            case "usingColumns" -> arguments.forEach(c -> insert.columns.add(c.toLowerCase(Locale.ROOT)));
            case "usingGeneratedKeyColumns" -> arguments.forEach(c -> insert.generated.add(c.toLowerCase(Locale.ROOT)));
            default -> {
                // withoutTableColumnMetaDataAccess(), includeSynonymsForTableColumnMetaData(), executes
            }
        }
    }

    /** The field or variable the configured insert is kept in. */
    private static Optional<String> holder(Node configured) {
        Node parent = configured.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator variable) {
            return Optional.of(variable.getNameAsString());
        }
        if (parent instanceof AssignExpr assign) {
            Expression target = assign.getTarget();
            if (target instanceof FieldAccessExpr field) {
                return Optional.of(field.getNameAsString());
            }
            if (target instanceof NameExpr name) {
                return Optional.of(name.getNameAsString());
            }
        }
        return Optional.empty();
    }

    private static boolean names(Expression scope, String name) {
        return scope instanceof NameExpr n && n.getNameAsString().equals(name)
                || scope instanceof FieldAccessExpr f && f.getNameAsString().equals(name);
    }

    /**
     * The parameter names an argument gives, as columns: {@code Map.of("a", x)}, {@code new MapSqlParameterSource("a",
     * x).addValue("b", y)}, or a local map filled with {@code put("a", x)} in the same method.
     */
    private static Optional<Set<String>> keys(Expression argument, StringExpressionEvaluator strings) {
        Set<String> keys = new LinkedHashSet<>();
        if (argument instanceof NameExpr name) {
            Optional<Node> method = SyntaxNodes.enclosingCallable(argument);
            if (method.isEmpty()) {
                return Optional.empty();
            }
            List<VariableDeclarator> declared = method.get().findAll(VariableDeclarator.class,
                    v -> v.getNameAsString().equals(name.getNameAsString()));
            if (declared.size() != 1) {
                return Optional.empty();
            }
            declared.get(0).getInitializer().ifPresent(init -> keys(init, strings).ifPresent(keys::addAll));
            for (MethodCallExpr put : method.get().findAll(MethodCallExpr.class, c ->
                    (c.getNameAsString().equals("put") || c.getNameAsString().equals("addValue"))
                            && c.getScope().filter(s -> names(s, name.getNameAsString())).isPresent())) {
                if (put.getArguments().isNonEmpty()) {
                    strings.evaluate(put.getArgument(0)).ifPresent(k -> keys.add(column(k)));
                }
            }
            return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
        }
        // The chain is read from its last call inwards; the keys are kept in the order they are written.
        List<String> reversed = new ArrayList<>();
        Expression current = argument;
        while (current instanceof MethodCallExpr call) {
            String method = call.getNameAsString();
            if (method.equals("addValue") && call.getArguments().isNonEmpty()) {
                strings.evaluate(call.getArgument(0)).ifPresent(k -> reversed.add(0, column(k)));
            } else if ((method.equals("of") || method.equals("ofEntries")) && call.getScope().isPresent()
                    && call.getScope().get().toString().endsWith("Map")) {
                for (int i = 0; i < call.getArguments().size(); i += 2) {
                    strings.evaluate(call.getArgument(i)).ifPresent(k -> reversed.add(column(k)));
                }
            } else {
                return Optional.empty();
            }
            current = call.getScope().orElse(null);
        }
        if (current instanceof ObjectCreationExpr creation
                && creation.getType().getNameAsString().equals("MapSqlParameterSource")
                && creation.getArguments().size() == 2) {
            strings.evaluate(creation.getArgument(0)).ifPresent(k -> keys.add(column(k)));
            keys.addAll(reversed);
        } else if (current instanceof ObjectCreationExpr creation
                && !creation.getType().getNameAsString().endsWith("Map")
                && !creation.getType().getNameAsString().equals("MapSqlParameterSource")) {
            return Optional.empty();
        } else {
            keys.addAll(reversed);
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
    }

    /** A parameter's column: Spring matches {@code fullName} to {@code full_name}, case aside. */
    private static String column(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }


    private static String shorten(String source) {
        String flat = source.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
