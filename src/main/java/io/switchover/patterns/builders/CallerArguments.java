package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a method's parameters are, read from the calls its own file makes of it: keywhiz's
 * {@code getClient(Condition condition)} builds its query with {@code .where(condition)}, and its three callers pass
 * {@code CLIENTS.NAME.eq(name)}, {@code CLIENTS.ID.eq(id)}...: a careful reader checks the query once for each.
 * A caller that passes on a parameter of its own is followed to its callers in turn (three calls deep). Only a
 * method called nowhere else can be read this way, so only one that is private or whose file makes every call of it
 * counts: a method others may call with anything stays unknown.
 */
final class CallerArguments {
    /** At most this many variants of one query: beyond, what it is depends on too much to list. */
    static final int MOST_VARIANTS = 16;
    private static final int DEPTH = 3;

    /** The method's parameters, each bound to what one caller passes. */
    record Binding(MethodDeclaration method, Map<String, Expression> arguments, String caller) {
        /** What the parameter a name stands for is bound to, where the name is that method's parameter. */
        Optional<Expression> of(NameExpr name, Node enclosingMethod) {
            return enclosingMethod == method ? Optional.ofNullable(arguments.get(name.getNameAsString()))
                    : Optional.empty();
        }
    }

    private final CompilationUnit unit;

    CallerArguments(CompilationUnit unit) {
        this.unit = unit;
    }

    /**
     * One binding per call of the method in its file; empty where the method is not private (others may call it),
     * has no parameters, is called nowhere here, or has more variants than {@link #MOST_VARIANTS}.
     */
    List<Binding> of(MethodDeclaration method) {
        if (!method.isPrivate() || method.getParameters().isEmpty()) {
            return List.of();
        }
        List<Map<String, Expression>> variants = variants(method, 0);
        return variants.size() > MOST_VARIANTS ? List.of()
                : variants.stream().map(v -> new Binding(method, v, callDescribed(method, v))).toList();
    }

    /** {@code getClient(CLIENTS.ID.eq(id))}: the method called with what the variant binds. */
    private static String callDescribed(MethodDeclaration method, Map<String, Expression> arguments) {
        return method.getNameAsString() + "(" + String.join(", ", arguments.values().stream()
                .map(Expression::toString).toList()) + ")";
    }

    private List<Map<String, Expression>> variants(MethodDeclaration method, int depth) {
        List<Map<String, Expression>> variants = new ArrayList<>();
        if (depth > DEPTH) {
            return variants;
        }
        int arity = method.getParameters().size();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class, c -> c.getNameAsString()
                .equals(method.getNameAsString()) && c.getArguments().size() == arity
                && (c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr))) {
            Optional<MethodDeclaration> caller = SyntaxNodes.enclosingMethod(call);
            Map<String, Expression> passed = new LinkedHashMap<>();
            Map<String, String> passedOn = new HashMap<>(); // our parameter -> the caller's, passed as it is
            for (int i = 0; i < arity; i++) {
                Expression argument = SyntaxNodes.unwrap(call.getArgument(i));
                String parameter = method.getParameter(i).getNameAsString();
                passed.put(parameter, argument);
                if (argument instanceof NameExpr name && caller.isPresent() && isParameter(caller.get(), name)) {
                    passedOn.put(parameter, name.getNameAsString());
                }
            }
            if (caller.isEmpty() || caller.get() == method || passedOn.isEmpty()) {
                variants.add(passed);
                continue;
            }
            List<Map<String, Expression>> outer = caller.get().isPrivate()
                    ? variants(caller.get(), depth + 1) : List.of();
            if (outer.isEmpty()) {
                variants.add(passed); // the parameter stays unknown there, and the query not checked
            }
            for (Map<String, Expression> around : outer) {
                Map<String, Expression> through = new LinkedHashMap<>(passed);
                passedOn.forEach((ours, theirs) -> {
                    if (around.containsKey(theirs)) {
                        through.put(ours, around.get(theirs));
                    }
                });
                variants.add(through);
            }
            if (variants.size() > MOST_VARIANTS) {
                return variants;
            }
        }
        return variants;
    }

    /** Whether the name is the method's parameter and no local variable of it. */
    private static boolean isParameter(MethodDeclaration method, NameExpr name) {
        String identifier = name.getNameAsString();
        return method.getParameters().stream().map(Parameter::getNameAsString).anyMatch(identifier::equals)
                && method.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(identifier)).isEmpty();
    }
}
