package io.switchover.patterns;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of a {@code final} instance field that its class's constructors assign (UAA's
 * {@code joinGroupTable = String.format("%s g, %s gm", ...)}, then formatted into four statements): a final field
 * holds what its one assignment in each constructor gave it, wherever it is read. Only an assignment that is a
 * statement of the constructor's body counts; a field assigned in a branch, or not final, is known only at run time.
 */
final class ConstructorFields {
    private final StringExpressionEvaluator evaluator;
    /** The fields being evaluated, so that a field whose value names itself is not followed round. */
    private final Set<VariableDeclarator> evaluating = Collections.newSetFromMap(new IdentityHashMap<>());

    ConstructorFields(StringExpressionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The values of the field a name or {@code this.name} reads; null when it is not such a field. */
    List<Object> valueOf(Expression use, String name, NameContext names) {
        Optional<ClassOrInterfaceDeclaration> type = enclosingClass(use);
        if (type.isEmpty()) {
            return null;
        }
        Optional<VariableDeclarator> field = finalField(type.get(), name);
        if (field.isEmpty() || !evaluating.add(field.get())) {
            return null;
        }
        try {
            return assigned(type.get(), name, names);
        } finally {
            evaluating.remove(field.get());
        }
    }

    private static Optional<ClassOrInterfaceDeclaration> enclosingClass(Node node) {
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent() && !(parent.get() instanceof ClassOrInterfaceDeclaration)) {
            parent = parent.get().getParentNode();
        }
        return parent.map(ClassOrInterfaceDeclaration.class::cast);
    }

    private static Optional<VariableDeclarator> finalField(ClassOrInterfaceDeclaration type, String name) {
        for (FieldDeclaration field : type.getFields()) {
            if (field.isFinal() && !field.isStatic()) {
                for (VariableDeclarator variable : field.getVariables()) {
                    if (variable.getNameAsString().equals(name) && variable.getInitializer().isEmpty()) {
                        return Optional.of(variable);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private List<Object> assigned(ClassOrInterfaceDeclaration type, String name, NameContext names) {
        Set<Object> values = new LinkedHashSet<>();
        for (ConstructorDeclaration constructor : type.getConstructors()) {
            Expression value = null;
            for (Statement statement : constructor.getBody().getStatements()) {
                Optional<Expression> assigned = assignment(statement, name);
                if (assigned.isPresent()) {
                    value = assigned.get();
                }
            }
            if (value == null) {
                if (delegates(constructor)) {
                    continue; // this(...) assigns it in the constructor it calls
                }
                return null;
            }
            List<Object> each = evaluator.eval(value, names, Map.of());
            if (each == null) {
                return null;
            }
            values.addAll(each);
        }
        return values.isEmpty() ? null : new ArrayList<>(values);
    }

    private static Optional<Expression> assignment(Statement statement, String name) {
        if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof AssignExpr assign
                && assign.getOperator() == AssignExpr.Operator.ASSIGN && targets(assign.getTarget(), name)) {
            return Optional.of(assign.getValue());
        }
        return Optional.empty();
    }

    private static boolean targets(Node target, String name) {
        return target instanceof NameExpr simple && simple.getNameAsString().equals(name)
                || target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
                && access.getNameAsString().equals(name);
    }

    private static boolean delegates(ConstructorDeclaration constructor) {
        return constructor.getBody().getStatements().stream().findFirst()
                .map(first -> first.isExplicitConstructorInvocationStmt()
                        && first.asExplicitConstructorInvocationStmt().isThis())
                .orElse(false);
    }
}
