package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates Java string expressions of one file at compile time: literals, text blocks, {@code +} and the
 * {@code static final String} constants declared in the same file. Imports are not followed: a constant from another
 * file leaves the expression unresolved, which is reported rather than guessed.
 */
public final class StringExpressionEvaluator {

    /** One operand of a concatenation; {@code text} is null when it is only known at run time. */
    record Part(String text, Expression source) {
        boolean resolved() {
            return text != null;
        }
    }

    /** Constants defined through constants, followed this far (each step is a few stack frames). */
    static final int MAX_CONSTANT_CHAIN = 200;

    private final Map<String, VariableDeclarator> byQualifiedName = new HashMap<>();
    private final Map<String, List<VariableDeclarator>> bySimpleName = new HashMap<>();
    // Identity, not equals: JavaParser nodes compare by structure, and two classes may declare the same constant text.
    private final Map<VariableDeclarator, Optional<String>> values = new IdentityHashMap<>();
    private final Set<VariableDeclarator> evaluating = Collections.newSetFromMap(new IdentityHashMap<>());

    public StringExpressionEvaluator(CompilationUnit unit) {
        for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
            if (!isConstant(field)) {
                continue;
            }
            String owner = field.getParentNode()
                    .map(p -> p instanceof TypeDeclaration<?> type ? type.getNameAsString() : "")
                    .orElse("");
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getInitializer().isPresent() && isString(variable)) {
                    byQualifiedName.put(owner + "." + variable.getNameAsString(), variable);
                    bySimpleName.computeIfAbsent(variable.getNameAsString(), n -> new ArrayList<>()).add(variable);
                }
            }
        }
    }

    /** The value of the expression, or empty when part of it is only known at run time. */
    public Optional<String> evaluate(Expression expression) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts(expression)) {
            if (!part.resolved()) {
                return Optional.empty();
            }
            text.append(part.text());
        }
        return Optional.of(text.toString());
    }

    /** The operands of a {@code +} chain, left to right, each evaluated if possible. */
    List<Part> parts(Expression expression) {
        List<Part> parts = new ArrayList<>();
        collect(expression, parts);
        return parts;
    }

    /** Whether the expression names a string constant of this file. */
    public boolean isConstantReference(Expression expression) {
        return constantFor(expression).isPresent();
    }

    /** The initializer of the constant the expression names; where a constant's SQL is reported. */
    public Optional<Expression> constantInitializer(Expression expression) {
        return constantFor(expression).flatMap(VariableDeclarator::getInitializer);
    }

    /**
     * Left to right without recursion: {@code a + b + c} is a tree as deep as the chain is long, and a generated
     * concatenation of thousands of terms must not take a stack frame per term.
     */
    private void collect(Expression expression, List<Part> parts) {
        Deque<Expression> pending = new ArrayDeque<>();
        pending.push(expression);
        while (!pending.isEmpty()) {
            Expression next = pending.pop();
            if (next instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
                pending.push(binary.getRight());
                pending.push(binary.getLeft());
            } else if (next instanceof EnclosedExpr enclosed) {
                pending.push(enclosed.getInner());
            } else {
                parts.add(new Part(valueOf(next).orElse(null), next));
            }
        }
    }

    private Optional<String> valueOf(Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (expression instanceof TextBlockLiteralExpr textBlock) {
            return Optional.of(textBlock.asString());
        }
        if (expression instanceof CharLiteralExpr character) {
            return Optional.of(String.valueOf(character.asChar()));
        }
        if (expression instanceof IntegerLiteralExpr || expression instanceof LongLiteralExpr) {
            return Optional.of(expression.toString().replaceAll("[lL_]", ""));
        }
        return constantFor(expression).flatMap(this::valueOfConstant);
    }

    private Optional<String> valueOfConstant(VariableDeclarator constant) {
        if (values.containsKey(constant)) {
            return values.get(constant);
        }
        if (evaluating.size() >= MAX_CONSTANT_CHAIN || !evaluating.add(constant)) {
            // A cycle does not compile; do not loop on it. A constant made of hundreds of others is not followed.
            return Optional.empty();
        }
        Optional<String> value = constant.getInitializer().flatMap(this::evaluate);
        evaluating.remove(constant);
        values.put(constant, value);
        return value;
    }

    private Optional<VariableDeclarator> constantFor(Expression expression) {
        if (expression instanceof NameExpr name) {
            return constantNamed(name.getNameAsString(), expression);
        }
        // Person.SELECT or com.example.Person.SELECT: the owner is the last segment of the scope.
        if (expression instanceof FieldAccessExpr access
                && (access.getScope() instanceof NameExpr || access.getScope() instanceof FieldAccessExpr)) {
            String scope = access.getScope().toString();
            String owner = scope.substring(scope.lastIndexOf('.') + 1);
            return Optional.ofNullable(byQualifiedName.get(owner + "." + access.getNameAsString()));
        }
        return Optional.empty();
    }

    // The constant of the innermost enclosing class wins, as in Java; otherwise a name declared once in the file.
    private Optional<VariableDeclarator> constantNamed(String name, Node useSite) {
        Optional<Node> current = useSite.getParentNode();
        while (current.isPresent()) {
            if (current.get() instanceof TypeDeclaration<?> type) {
                VariableDeclarator found = byQualifiedName.get(type.getNameAsString() + "." + name);
                if (found != null) {
                    return Optional.of(found);
                }
            }
            current = current.get().getParentNode();
        }
        List<VariableDeclarator> candidates = bySimpleName.getOrDefault(name, List.of());
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static boolean isConstant(FieldDeclaration field) {
        boolean inInterface = field.getParentNode()
                .filter(p -> p instanceof ClassOrInterfaceDeclaration type && type.isInterface())
                .isPresent();
        return inInterface || (field.isStatic() && field.isFinal());
    }

    private static boolean isString(VariableDeclarator variable) {
        String type = variable.getTypeAsString();
        return type.equals("String") || type.equals("java.lang.String");
    }
}
