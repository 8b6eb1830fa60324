package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table classes jOOQ generated, when the service keeps them in its source tree ({@code class Borrower extends
 * TableImpl<BorrowerRecord>}): the table each identifier stands for, and its columns in their order, so that a query
 * names what the generated code names, with {@code selectFrom} listing the columns as jOOQ does. Without them,
 * {@link JooqNames} tells the names.
 */
final class JooqGeneratedTables {

    /** One generated table: its name in the database and its columns, identifier to column, in declaration order. */
    record Table(String name, Map<String, String> columns) {
        Table {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    private final Map<String, Table> byIdentifier = new HashMap<>();
    private final Map<String, Table> byClass = new HashMap<>();

    static JooqGeneratedTables none() {
        return new JooqGeneratedTables(List.of());
    }

    JooqGeneratedTables(Collection<CompilationUnit> units) {
        Map<String, Table> tablesByClass = new HashMap<>();
        for (CompilationUnit unit : units) {
            for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                if (type.getExtendedTypes().stream().anyMatch(t -> t.getNameAsString().equals("TableImpl"))) {
                    tableOf(type).ifPresent(table -> tablesByClass.put(type.getNameAsString(), table));
                }
            }
        }
        byClass.putAll(tablesByClass);
        // PERSON = new Person() in the table's class, PERSON = Person.PERSON in Tables.
        for (CompilationUnit unit : units) {
            for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
                if (!field.isStatic()) {
                    continue;
                }
                for (VariableDeclarator variable : field.getVariables()) {
                    Table table = tablesByClass.get(variable.getTypeAsString());
                    if (table != null) {
                        byIdentifier.put(variable.getNameAsString(), table);
                    }
                }
            }
        }
    }

    Optional<Table> byIdentifier(String identifier) {
        return Optional.ofNullable(byIdentifier.get(identifier));
    }

    Optional<Table> byClass(String simpleName) {
        return Optional.ofNullable(byClass.get(simpleName));
    }

    boolean isEmpty() {
        return byClass.isEmpty();
    }

    private static Optional<Table> tableOf(ClassOrInterfaceDeclaration type) {
        Optional<String> name = Optional.empty();
        for (ExplicitConstructorInvocationStmt call : type.findAll(ExplicitConstructorInvocationStmt.class)) {
            if (call.getArguments().isNonEmpty()) {
                name = nameIn(call.getArgument(0));
                if (name.isPresent()) {
                    break;
                }
            }
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (FieldDeclaration field : type.getFields()) {
            if (field.isStatic()) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                Optional<Expression> init = variable.getInitializer();
                if (init.isPresent() && init.get() instanceof MethodCallExpr call
                        && call.getNameAsString().equals("createField") && call.getArguments().isNonEmpty()) {
                    nameIn(call.getArgument(0)).ifPresent(column -> columns.put(variable.getNameAsString(), column));
                }
            }
        }
        return Optional.of(new Table(name.get(), columns));
    }

    /** {@code DSL.name("x")}, {@code name("x")} or {@code "x"} (jOOQ before 3.11). */
    private static Optional<String> nameIn(Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (expression instanceof MethodCallExpr call && call.getNameAsString().equals("name")
                && call.getArguments().isNonEmpty()
                && call.getArgument(call.getArguments().size() - 1) instanceof StringLiteralExpr last) {
            return Optional.of(last.asString());
        }
        return Optional.empty();
    }
}
