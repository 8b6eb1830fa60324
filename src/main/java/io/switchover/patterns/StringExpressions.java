package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import io.switchover.patterns.StringExpressionEvaluator.Part;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the string expressions of a Java file are: the maximal ones, each the whole of what a statement is built
 * from, found by climbing from every literal and constant through what builds text out of it ({@code +}, a format
 * call, a {@code String} method, a builder's chain, a conditional's branch); and, for one that is not resolved, the
 * parts it is made of.
 */
final class StringExpressions {
    /** How many variables deep a statement's text is followed to the constants of other files. */
    private static final int MAX_VARIABLE_DEPTH = 3;
    /** Methods whose receiver's text goes into their result. */
    private static final Set<String> ON_TEXT = Set.of("formatted", "replace", "replaceAll", "replaceFirst", "concat",
            "toUpperCase", "toLowerCase", "trim", "strip", "stripLeading", "stripTrailing", "stripIndent", "intern",
            "repeat", "substring", "toString", "append", "add", "insert", "stream", "map", "sorted", "distinct",
            "collect", "toList");
    /** Calls whose arguments' text goes into their result, whatever the receiver. */
    private static final Set<String> OF_TEXT = Set.of("formatted", "concat", "replace");
    /** Static calls whose arguments' text goes into their result: of {@code String}, {@code MessageFormat}, lists. */
    private static final Set<String> STATIC_OF_TEXT = Set.of("format", "join", "valueOf", "of", "asList");
    private static final Set<String> TEXT_TYPES = Set.of("String", "java.lang.String", "MessageFormat",
            "java.text.MessageFormat", "List", "Arrays", "Stream", "java.util.List", "java.util.Arrays");
    private static final Set<String> BUILDERS = Set.of("StringBuilder", "StringBuffer", "StringJoiner",
            "java.lang.StringBuilder", "java.lang.StringBuffer", "java.util.StringJoiner");
    private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(<]*\\d*(\\.\\d+)?[a-zA-Z%]"
            + "|\\{(\\d+)[^}]*}");

    private StringExpressions() {
    }

    /** The maximal string expressions of the file, in source order; JavaParser's node equality is structural. */
    static List<Expression> maximal(CompilationUnit unit, StringExpressionEvaluator evaluator) {
        Set<Expression> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Expression> found = new ArrayList<>();
        List<Expression> starts = new ArrayList<>();
        unit.walk(Expression.class, expression -> {
            if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr) {
                starts.add(expression);
            } else if ((expression instanceof NameExpr || expression instanceof FieldAccessExpr)
                    && !(expression.getParentNode().orElse(null) instanceof FieldAccessExpr)
                    && (looksLikeConstant(expression) || evaluator.isConstantReference(expression))) {
                starts.add(expression);
            }
        });
        for (Expression start : starts) {
            Expression top = climb(start);
            Optional<VariableDeclarator> built = builtLocal(top);
            if (built.isPresent()) {
                // Its text is known where it is used, once every statement that builds it has run.
                for (NameExpr use : usesOf(built.get())) {
                    Expression used = climb(use);
                    if (builtLocal(used).isEmpty() && seen.add(used)) {
                        found.add(used);
                    }
                }
                continue;
            }
            boolean bare = top == start && !(start instanceof StringLiteralExpr)
                    && !(start instanceof TextBlockLiteralExpr);
            if (!bare && seen.add(top)) {
                found.add(top);
            }
        }
        found.sort((a, b) -> a.getBegin().flatMap(pa -> b.getBegin().map(pa::compareTo)).orElse(0));
        return found;
    }

    /** The constants used as format strings ({@code String.format(SQL, ...)}, {@code SQL.formatted(...)}). */
    static List<Expression> formatTemplates(CompilationUnit unit) {
        List<Expression> templates = new ArrayList<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            formatString(call).filter(StringExpressionEvaluator::mayNameConstant).ifPresent(templates::add);
        }
        return templates;
    }

    /** Whether an unresolved expression uses a name that another file of the service may declare. */
    static boolean mayNeedOtherFiles(Expression expression, StringExpressionEvaluator evaluator,
                                     VariableValues variables) {
        return mayNeedOtherFiles(expression, evaluator, variables, 0);
    }

    /**
     * As {@link #mayNeedOtherFiles(Expression, StringExpressionEvaluator, VariableValues)}, also through the variables
     * it reads: a local or a field whose value, where the enclosing type gives it one, names a constant of another
     * file.
     */
    private static boolean mayNeedOtherFiles(Expression expression, StringExpressionEvaluator evaluator,
                                             VariableValues variables, int depth) {
        if (looksLikeConstant(expression) && !evaluator.isConstantReference(expression)) {
            return true;
        }
        if (expression.findFirst(Expression.class, e -> (e instanceof NameExpr || e instanceof FieldAccessExpr)
                && !(e.getParentNode().orElse(null) instanceof FieldAccessExpr)
                && looksLikeConstant(e) && !evaluator.isConstantReference(e)).isPresent()) {
            return true;
        }
        if (expression.findFirst(MethodCallExpr.class, StringExpressions::callOfATypesMethod).isPresent()) {
            return true; // Jpa.nativeQueryParamPrefix(): a static method of another file may return a constant
        }
        if (depth >= MAX_VARIABLE_DEPTH) {
            return false;
        }
        for (NameExpr variable : expression.findAll(NameExpr.class, n -> !looksLikeConstant(n))) {
            for (Expression value : variables.of(expression, variable.getNameAsString())) {
                if (value != expression && mayNeedOtherFiles(value, evaluator, variables, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code Type.method()} without arguments, on a name written as a type's (capitalized, not a constant's). */
    private static boolean callOfATypesMethod(MethodCallExpr call) {
        if (!call.getArguments().isEmpty() || call.getScope().isEmpty()) {
            return false;
        }
        String scope = call.getScope().get() instanceof NameExpr name ? name.getNameAsString()
                : call.getScope().get() instanceof FieldAccessExpr access ? access.getNameAsString() : "";
        return !scope.isEmpty() && Character.isUpperCase(scope.charAt(0)) && !scope.equals(scope.toUpperCase(Locale.ROOT));
    }

    /**
     * The parts of an expression that is not resolved as a whole: what is known of it, and what is only known at run
     * time, in order; a format string's placeholders are parts known at run time.
     */
    static List<Part> sketch(Expression expression, StringExpressionEvaluator evaluator) {
        return sketch(expression, evaluator::variants);
    }

    /** The same for an expression taken out of its file, evaluated with the names in scope where it was written. */
    static List<Part> sketch(Expression expression, StringExpressionEvaluator evaluator, NameContext names) {
        return sketch(expression, e -> evaluator.variants(e, names));
    }

    private static final Pattern IN_OPENS = Pattern.compile("(?is).*\\bIN\\s*\\(\\s*");
    private static final Pattern CLOSES = Pattern.compile("(?s)\\s*\\).*");

    /**
     * The statement with each part known only at run time a parameter, where every such part is the whole of an
     * {@code IN (...)} list ({@code "... IN (" + placeholders(ids) + ")"}): what the statement names is all known, and
     * a careful reader checks it with a list of one. Empty where any other part is unknown.
     */
    static Optional<String> withInListsOfOne(List<Part> parts) {
        StringBuilder sql = new StringBuilder();
        boolean any = false;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.resolved()) {
                sql.append(part.text());
                continue;
            }
            boolean opened = IN_OPENS.matcher(sql).matches();
            boolean closed = i + 1 < parts.size() && parts.get(i + 1).resolved()
                    && CLOSES.matcher(parts.get(i + 1).text()).matches();
            if (!opened || !closed) {
                return Optional.empty();
            }
            sql.append('?');
            any = true;
        }
        return any ? Optional.of(sql.toString()) : Optional.empty();
    }

    private static List<Part> sketch(Expression expression,
                                     java.util.function.Function<Expression, Optional<List<String>>> variants) {
        List<Part> parts = new ArrayList<>();
        Deque<Expression> pending = new ArrayDeque<>();
        pending.push(expression);
        while (!pending.isEmpty()) {
            Expression next = pending.pop();
            if (next instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
                pending.push(binary.getRight());
                pending.push(binary.getLeft());
                continue;
            }
            Optional<List<String>> values = variants.apply(next);
            if (values.isPresent() && !values.get().isEmpty()) {
                parts.add(new Part(values.get().get(0), next));
            } else if (next instanceof EnclosedExpr enclosed) {
                pending.push(enclosed.getInner());
            } else if (next instanceof CastExpr cast) {
                pending.push(cast.getExpression());
            } else if (next instanceof ConditionalExpr conditional) {
                pending.push(conditional.getThenExpr());
            } else if (next instanceof MethodCallExpr call && formatString(call).isPresent()) {
                parts.addAll(formatParts(call, formatString(call).get(), variants));
            } else if (next instanceof MethodCallExpr call && call.getScope().isPresent()
                    && (call.getNameAsString().equals("append") || call.getNameAsString().equals("concat")
                    || call.getNameAsString().equals("toString")) && call.getArguments().size() <= 1) {
                call.getArguments().forEach(pending::push);
                pending.push(call.getScope().get());
            } else {
                parts.add(new Part(null, next));
            }
        }
        return parts;
    }


    private static List<Part> formatParts(MethodCallExpr call, Expression format,
                                          java.util.function.Function<Expression, Optional<List<String>>> variants) {
        Optional<String> text = StringExpressionEvaluator.single(variants.apply(format));
        if (text.isEmpty()) {
            return List.of(new Part(null, call));
        }
        List<Expression> arguments = new ArrayList<>(call.getArguments());
        arguments.remove(format);
        if (!arguments.isEmpty() && arguments.get(0).toString().matches("(java\\.util\\.)?Locale\\.\\w+")) {
            arguments.remove(0);
        }
        List<Part> parts = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(text.get());
        int last = 0;
        int next = 0;
        while (placeholder.find()) {
            parts.add(new Part(text.get().substring(last, placeholder.start()), format));
            int index = placeholder.group(3) != null ? Integer.parseInt(placeholder.group(3)) : next++;
            Expression argument = index < arguments.size() ? arguments.get(index) : call;
            Optional<String> value = StringExpressionEvaluator.single(variants.apply(argument));
            parts.add(new Part(value.orElse(null), argument));
            last = placeholder.end();
        }
        parts.add(new Part(text.get().substring(last), format));
        return parts;
    }

    /** The format string of a format call: {@code String.format(f, ...)}, {@code MessageFormat.format(f, ...)}, {@code f.formatted(...)}. */
    static Optional<Expression> formatString(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (name.equals("formatted") && call.getScope().isPresent()) {
            return call.getScope();
        }
        boolean staticFormat = name.equals("format") && call.getScope().map(s -> TEXT_TYPES.contains(s.toString()))
                .orElse(true);
        if (!staticFormat || call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        Expression first = call.getArgument(0);
        if (first.toString().matches("(java\\.util\\.)?Locale\\.\\w+") && call.getArguments().size() > 1) {
            return Optional.of(call.getArgument(1));
        }
        return Optional.of(first);
    }

    /** The largest expression the text of this one goes into. */
    static Expression climb(Expression expression) {
        Expression top = expression;
        while (true) {
            Optional<Node> parent = top.getParentNode();
            if (parent.isEmpty() || !(parent.get() instanceof Expression outer) || !builds(outer, top)) {
                return top;
            }
            top = outer;
        }
    }

    private static boolean builds(Expression parent, Expression child) {
        if (parent instanceof BinaryExpr binary) {
            return binary.getOperator() == BinaryExpr.Operator.PLUS;
        }
        if (parent instanceof EnclosedExpr) {
            return parent.getParentNode().filter(Expression.class::isInstance)
                    .map(grand -> builds((Expression) grand, parent)).orElse(false);
        }
        if (parent instanceof ConditionalExpr conditional) {
            return conditional.getCondition() != child;
        }
        if (parent instanceof ObjectCreationExpr creation) {
            return BUILDERS.contains(creation.getType().getNameWithScope())
                    && creation.getAnonymousClassBody().isEmpty();
        }
        if (parent instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            Optional<Expression> scope = call.getScope();
            if (scope.isPresent() && scope.get() == child) {
                return ON_TEXT.contains(name) && (!isBuilderCall(name) || isBuilder(child));
            }
            if (OF_TEXT.contains(name)) {
                return true;
            }
            if (isBuilderCall(name)) {
                return scope.isPresent() && isBuilder(scope.get());
            }
            if (name.equals("joining")) {
                return false;
            }
            return STATIC_OF_TEXT.contains(name)
                    && scope.map(s -> TEXT_TYPES.contains(s.toString())).orElse(name.equals("format"));
        }
        return false;
    }

    private static boolean isBuilderCall(String name) {
        return name.equals("append") || name.equals("add") || name.equals("insert");
    }

    /** A {@code StringBuilder}, {@code StringBuffer} or {@code StringJoiner}: made here, or a local declared as one. */
    private static boolean isBuilder(Expression receiver) {
        Expression root = receiver;
        while (root instanceof MethodCallExpr call && call.getScope().isPresent() && isBuilderCall(call.getNameAsString())) {
            root = call.getScope().get();
        }
        if (root instanceof ObjectCreationExpr creation) {
            return BUILDERS.contains(creation.getType().getNameWithScope());
        }
        if (root instanceof NameExpr name) {
            return localDeclaration(name).map(v -> BUILDERS.contains(v.getTypeAsString())
                    || v.getTypeAsString().equals("var") && v.getInitializer().filter(i -> i instanceof ObjectCreationExpr c
                    && BUILDERS.contains(c.getType().getNameWithScope())).isPresent()).orElse(false);
        }
        return false;
    }

    /**
     * The local variable an expression builds up, when it is one step of several: the initializer of a local that
     * later statements change, the value of {@code local += ...} or {@code local = ...}, or a statement calling a
     * builder local ({@code sb.append(...)}).
     */
    private static Optional<VariableDeclarator> builtLocal(Expression top) {
        Optional<Node> parent = top.getParentNode();
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        if (parent.get() instanceof VariableDeclarator declarator
                && declarator.getParentNode().filter(VariableDeclarationExpr.class::isInstance).isPresent()
                && declarator.getInitializer().filter(i -> i == top).isPresent()) {
            return isChangedLater(declarator) ? Optional.of(declarator) : Optional.empty();
        }
        if (parent.get() instanceof AssignExpr assign && assign.getValue() == top
                && assign.getTarget() instanceof NameExpr target) {
            return localDeclaration(target);
        }
        if (parent.get() instanceof ExpressionStmt && top instanceof MethodCallExpr) {
            Expression receiver = top;
            while (receiver instanceof MethodCallExpr call && call.getScope().isPresent()) {
                receiver = call.getScope().get();
            }
            if (receiver instanceof NameExpr name && isBuilder(name)) {
                return localDeclaration(name);
            }
        }
        return Optional.empty();
    }

    private static boolean isChangedLater(VariableDeclarator declarator) {
        String name = declarator.getNameAsString();
        Optional<Node> body = callableOf(declarator);
        if (body.isEmpty()) {
            return false;
        }
        boolean assigned = body.get().findFirst(AssignExpr.class, a -> a.getTarget() instanceof NameExpr target
                && target.getNameAsString().equals(name)).isPresent();
        boolean appended = BUILDERS.contains(declarator.getTypeAsString()) && body.get().findFirst(ExpressionStmt.class,
                s -> StringExpressionEvaluator.isCallOn(s.getExpression(), name)).isPresent();
        return assigned || appended;
    }

    /** The uses of a local that read it: not the statements that change it, nor what they read of it. */
    private static List<NameExpr> usesOf(VariableDeclarator local) {
        String name = local.getNameAsString();
        Optional<Node> body = callableOf(local);
        if (body.isEmpty()) {
            return List.of();
        }
        List<NameExpr> uses = new ArrayList<>();
        for (NameExpr use : body.get().findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            if (local.getBegin().isPresent() && use.getBegin().isPresent()
                    && use.getBegin().get().isBefore(local.getBegin().get())) {
                continue;
            }
            if (!changes(use, name)) {
                uses.add(use);
            }
        }
        return uses;
    }

    private static boolean changes(NameExpr use, String name) {
        Optional<Node> current = use.getParentNode();
        Node child = use;
        while (current.isPresent() && current.get() instanceof Expression expression) {
            if (expression instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr target
                    && target.getNameAsString().equals(name)) {
                return true;
            }
            child = expression;
            current = expression.getParentNode();
        }
        return current.isPresent() && current.get() instanceof ExpressionStmt statement
                && child == statement.getExpression() && StringExpressionEvaluator.isCallOn(statement.getExpression(), name)
                && isBuilder(use);
    }

    private static Optional<VariableDeclarator> localDeclaration(NameExpr name) {
        Optional<Node> body = callableOf(name);
        return body.flatMap(b -> b.findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(
                name.getNameAsString()) && v.getParentNode().filter(VariableDeclarationExpr.class::isInstance)
                .isPresent()));
    }

    private static Optional<Node> callableOf(Node node) {
        Optional<Node> current = node.getParentNode();
        while (current.isPresent()) {
            if (current.get() instanceof CallableDeclaration<?> || current.get() instanceof LambdaExpr) {
                return current;
            }
            current = current.get().getParentNode();
        }
        return Optional.empty();
    }

    /** {@code TABLE}, {@code Tables.USERS}, {@code com.example.Tables.USERS}: named as Java names constants. */
    private static boolean looksLikeConstant(Expression expression) {
        if (expression instanceof NameExpr name) {
            return CONSTANT_NAME.matcher(name.getNameAsString()).matches();
        }
        if (expression instanceof FieldAccessExpr access) {
            String scope = access.getScope().toString();
            String owner = scope.substring(scope.lastIndexOf('.') + 1);
            return CONSTANT_NAME.matcher(access.getNameAsString()).matches() && !owner.isEmpty()
                    && Character.isUpperCase(owner.charAt(0));
        }
        return false;
    }
}
