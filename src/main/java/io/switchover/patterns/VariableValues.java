package io.switchover.patterns;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a type gives each variable name, its locals' and fields': their initializers and the values assigned to them.
 * Read once per type of a file, however many of its expressions ask.
 */
final class VariableValues {
    private final Map<TypeDeclaration<?>, Map<String, List<Expression>>> byType = new IdentityHashMap<>();

    /** The values the innermost type around the node gives variables of that name; none outside a type. */
    List<Expression> of(Node inside, String name) {
        return enclosingType(inside).map(type -> byType.computeIfAbsent(type, VariableValues::read)
                .getOrDefault(name, List.of())).orElse(List.of());
    }

    private static Map<String, List<Expression>> read(TypeDeclaration<?> type) {
        Map<String, List<Expression>> values = new HashMap<>();
        for (VariableDeclarator variable : type.findAll(VariableDeclarator.class)) {
            variable.getInitializer().ifPresent(value -> add(values, variable.getNameAsString(), value));
        }
        for (AssignExpr assign : type.findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof NameExpr target) {
                add(values, target.getNameAsString(), assign.getValue());
            } else if (assign.getTarget() instanceof FieldAccessExpr field) {
                add(values, field.getNameAsString(), assign.getValue());
            }
        }
        return values;
    }

    private static void add(Map<String, List<Expression>> values, String name, Expression value) {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    private static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent() && !(parent.get() instanceof TypeDeclaration<?>)) {
            parent = parent.get().getParentNode();
        }
        return parent.map(found -> (TypeDeclaration<?>) found);
    }
}
