package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.switchover.patterns.ConstantIndex.Constant;
import io.switchover.patterns.JavaValues.Builder;
import io.switchover.patterns.JavaValues.EnumValue;
import io.switchover.patterns.JavaValues.Joiner;
import io.switchover.patterns.JavaValues.Joining;
import io.switchover.patterns.JavaValues.ListValue;
import io.switchover.patterns.JavaValues.ToList;

import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.IllegalFormatException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates Java string expressions at compile time, as the compiler folds constants and a reader follows code that
 * runs the same way every time: literals, text blocks, {@code +}; constants of the service across files and classes
 * ({@link ConstantIndex}); enum constants' {@code name()}; {@code String.format}, {@code formatted},
 * {@code MessageFormat.format}, {@code String.join}, {@code String}'s own methods ({@code replace},
 * {@code substring}, {@code toUpperCase}, ...); {@code StringBuilder} and {@code StringJoiner} chains; lists and
 * streams over constant elements joined with {@code Collectors.joining}; local variables built by
 * {@link LocalStringFlow}. A part that is dynamic but finite gives each of its values: both branches of a
 * conditional whose condition is only known at run time, each flow through an {@code if}, at most
 * {@value #MAX_VARIANTS} in all. Anything else leaves the expression unresolved, which is reported rather than
 * guessed.
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
    /** Values of one expression, as MyBatis's dynamic SQL gives at most so many statements. */
    public static final int MAX_VARIANTS = 32;

    private final ConstantIndex index;
    private final NameContext fileNames;
    private final LocalStringFlow locals = new LocalStringFlow(this);
    private final ConstructorFields constructorFields = new ConstructorFields(this);
    // Identity: two constants may have the same text and be different constants.
    private final Map<Constant, Optional<List<Object>>> values = new IdentityHashMap<>();
    private final Set<Constant> evaluating = Collections.newSetFromMap(new IdentityHashMap<>());

    /** For one file, with the constants it declares. */
    public StringExpressionEvaluator(CompilationUnit unit) {
        this(unit, ConstantIndex.of(unit));
    }

    /** For one file, with the constants of the index (the file's own, or the whole service's). */
    public StringExpressionEvaluator(CompilationUnit unit, ConstantIndex index) {
        this.index = index;
        this.fileNames = NameContext.of(unit);
    }

    /** For expressions taken out of their files: each is evaluated with the names in scope where it was written. */
    public StringExpressionEvaluator(ConstantIndex index) {
        this.index = index;
        this.fileNames = null;
    }

    /** The value of the expression, or empty when part of it is only known at run time or it has several. */
    public Optional<String> evaluate(Expression expression) {
        return single(variants(expression));
    }

    /** The one value of these variants; empty when there are several or none is known. */
    static Optional<String> single(Optional<List<String>> variants) {
        return variants.filter(v -> v.size() == 1).map(v -> v.get(0));
    }

    /** Every value the expression can have, or empty when part of it is only known at run time. */
    public Optional<List<String>> variants(Expression expression) {
        return variants(expression, namesAt(expression));
    }

    /** The same, for an expression taken out of its file, with the names in scope where it was written. */
    public Optional<List<String>> variants(Expression expression, NameContext names) {
        List<Object> found = eval(expression, names, Map.of());
        if (found == null) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (Object value : found) {
            String text = text(value);
            if (text == null) {
                return Optional.empty();
            }
            texts.add(text);
        }
        return Optional.of(List.copyOf(new LinkedHashSet<>(texts)));
    }

    /** The names in scope at a node of this evaluator's file. */
    public NameContext namesAt(Node node) {
        if (fileNames == null) {
            throw new IllegalStateException("an expression out of its file needs the names where it was written");
        }
        return fileNames.at(node);
    }

    /** Whether the expression names a constant this evaluator knows. */
    public boolean isConstantReference(Expression expression) {
        return constantFor(expression, namesAt(expression)).isPresent();
    }

    /** The initializer of the constant the expression names; where a constant's SQL is reported. */
    public Optional<Expression> constantInitializer(Expression expression) {
        return constantFor(expression, namesAt(expression)).map(Constant::initializer);
    }

    /** Whether the expression names something the index may know once the whole service is read. */
    static boolean mayNameConstant(Expression expression) {
        return expression instanceof NameExpr || expression instanceof FieldAccessExpr;
    }

    // ---------------------------------------------------------------- evaluation

    /** The values of the expression, or null when one is only known at run time. */
    List<Object> eval(Expression expression, NameContext names, Map<String, Object> lambda) {
        if (expression instanceof StringLiteralExpr literal) {
            return List.of(literal.asString());
        }
        if (expression instanceof TextBlockLiteralExpr textBlock) {
            return List.of(textBlock.asString());
        }
        if (expression instanceof CharLiteralExpr character) {
            return List.of(character.asChar());
        }
        if (expression instanceof IntegerLiteralExpr || expression instanceof LongLiteralExpr) {
            return number(expression.toString());
        }
        if (expression instanceof BooleanLiteralExpr bool) {
            return List.of(bool.getValue());
        }
        if (expression instanceof NullLiteralExpr) {
            return List.of(JavaValues.NULL);
        }
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            return concatenation(binary, names, lambda);
        }
        if (expression instanceof BinaryExpr binary) {
            return comparison(binary, names, lambda);
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return eval(enclosed.getInner(), names, lambda);
        }
        if (expression instanceof CastExpr cast) {
            return eval(cast.getExpression(), names, lambda);
        }
        if (expression instanceof ConditionalExpr conditional) {
            return conditional(conditional, names, lambda);
        }
        if (expression instanceof NameExpr name) {
            return name(name, names, lambda);
        }
        if (expression instanceof FieldAccessExpr access) {
            return fieldAccess(access, names);
        }
        if (expression instanceof MethodCallExpr call) {
            return JavaCalls.eval(this, call, names, lambda);
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return JavaCalls.creation(this, creation, names, lambda);
        }
        if (expression instanceof ArrayCreationExpr array && array.getInitializer().isPresent()) {
            return eval(array.getInitializer().get(), names, lambda);
        }
        if (expression instanceof ArrayInitializerExpr array) {
            return list(array.getValues(), names, lambda);
        }
        return null;
    }

    /** Each argument's values, and every combination of them (at most {@value #MAX_VARIANTS}); null if one is unknown. */
    List<List<Object>> combinations(List<? extends Expression> expressions, NameContext names,
                                    Map<String, Object> lambda) {
        List<List<Object>> combinations = List.of(List.of());
        for (Expression expression : expressions) {
            List<Object> values = eval(expression, names, lambda);
            if (values == null) {
                return null;
            }
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> combination : combinations) {
                for (Object value : values) {
                    if (next.size() < MAX_VARIANTS) {
                        List<Object> longer = new ArrayList<>(combination);
                        longer.add(value);
                        next.add(longer);
                    }
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** The list of the elements, one per combination of their values. */
    List<Object> list(List<? extends Expression> elements, NameContext names, Map<String, Object> lambda) {
        List<List<Object>> combinations = combinations(elements, names, lambda);
        if (combinations == null) {
            return null;
        }
        List<Object> lists = new ArrayList<>();
        for (List<Object> combination : combinations) {
            lists.add(new ListValue(combination));
        }
        return lists;
    }

    /**
     * Left to right without recursion: {@code a + b + c} is a tree as deep as the chain is long, and a generated
     * concatenation of thousands of terms must not take a stack frame per term. Numbers add until text is met, as in
     * Java.
     */
    private List<Object> concatenation(BinaryExpr chain, NameContext names, Map<String, Object> lambda) {
        List<Object> results = null;
        for (Expression operand : operands(chain)) {
            List<Object> values = eval(operand, names, lambda);
            if (values == null) {
                return null;
            }
            if (results == null) {
                results = values;
                continue;
            }
            List<Object> next = new ArrayList<>();
            for (Object left : results) {
                for (Object right : values) {
                    Object sum = plus(left, right);
                    if (sum == null) {
                        return null;
                    }
                    if (next.size() < MAX_VARIANTS) {
                        next.add(sum);
                    }
                }
            }
            results = next;
        }
        return results;
    }

    private Object plus(Object left, Object right) {
        if (left instanceof Long a && right instanceof Long b) {
            return a + b;
        }
        String a = text(left);
        String b = text(right);
        return a == null || b == null ? null : a + b;
    }

    private static List<Expression> operands(Expression expression) {
        List<Expression> operands = new ArrayList<>();
        Deque<Expression> pending = new ArrayDeque<>();
        pending.push(expression);
        while (!pending.isEmpty()) {
            Expression next = pending.pop();
            if (next instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
                pending.push(binary.getRight());
                pending.push(binary.getLeft());
            } else {
                operands.add(next);
            }
        }
        return operands;
    }

    /** {@code ==}, {@code !=}, {@code &&}, {@code ||} over known values, so that a condition on constants decides. */
    private List<Object> comparison(BinaryExpr binary, NameContext names, Map<String, Object> lambda) {
        List<Object> left = eval(binary.getLeft(), names, lambda);
        List<Object> right = eval(binary.getRight(), names, lambda);
        if (left == null || right == null || left.size() != 1 || right.size() != 1) {
            return null;
        }
        Object a = left.get(0);
        Object b = right.get(0);
        switch (binary.getOperator()) {
            case EQUALS:
                return List.of(a.equals(b));
            case NOT_EQUALS:
                return List.of(!a.equals(b));
            case AND:
                return a instanceof Boolean x && b instanceof Boolean y ? List.of(x && y) : null;
            case OR:
                return a instanceof Boolean x && b instanceof Boolean y ? List.of(x || y) : null;
            case MINUS:
                return a instanceof Long x && b instanceof Long y ? List.of(x - y) : null;
            case MULTIPLY:
                return a instanceof Long x && b instanceof Long y ? List.of(x * y) : null;
            default:
                return null;
        }
    }

    /** A condition known at compile time picks its branch; one known only at run time gives both. */
    private List<Object> conditional(ConditionalExpr conditional, NameContext names, Map<String, Object> lambda) {
        List<Object> condition = eval(conditional.getCondition(), names, lambda);
        if (condition != null && condition.size() == 1 && condition.get(0) instanceof Boolean taken) {
            return eval(taken ? conditional.getThenExpr() : conditional.getElseExpr(), names, lambda);
        }
        List<Object> then = eval(conditional.getThenExpr(), names, lambda);
        List<Object> otherwise = eval(conditional.getElseExpr(), names, lambda);
        if (then == null || otherwise == null) {
            return null;
        }
        List<Object> both = new ArrayList<>(then);
        both.addAll(otherwise);
        return both.size() > MAX_VARIANTS ? both.subList(0, MAX_VARIANTS) : both;
    }

    private List<Object> name(NameExpr name, NameContext names, Map<String, Object> lambda) {
        Object bound = lambda.get(name.getNameAsString());
        if (bound != null) {
            return List.of(bound);
        }
        Optional<Constant> constant = constantFor(name, names);
        if (constant.isPresent()) {
            return valueOf(constant.get());
        }
        // A bare enum constant inside its enum or statically imported, or a local variable of the method.
        for (String type : names.enclosing()) {
            if (index.isEnumConstant(type, name.getNameAsString())) {
                return List.of(enumValue(type, name.getNameAsString()));
            }
        }
        String imported = names.staticImports().get(name.getNameAsString());
        if (imported != null && imported.lastIndexOf('.') > 0) {
            String type = imported.substring(0, imported.lastIndexOf('.'));
            if (index.isEnumConstant(type, name.getNameAsString())) {
                return List.of(enumValue(type, name.getNameAsString()));
            }
        }
        if (name.getParentNode().isEmpty()) {
            return null;
        }
        List<Object> local = locals.valueAt(name, names);
        return local != null ? local : constructorFields.valueOf(name, name.getNameAsString(), names);
    }

    private List<Object> fieldAccess(FieldAccessExpr access, NameContext names) {
        Optional<Constant> constant = constantFor(access, names);
        if (constant.isPresent()) {
            return valueOf(constant.get());
        }
        Optional<String> type = typeOf(access.getScope(), names);
        if (type.isPresent() && index.isEnumConstant(type.get(), access.getNameAsString())) {
            return List.of(enumValue(type.get(), access.getNameAsString()));
        }
        return access.getScope() instanceof ThisExpr ? constructorFields.valueOf(access, access.getNameAsString(), names)
                : null;
    }

    private EnumValue enumValue(String type, String name) {
        return new EnumValue(type, name, index.enumConstants(type).indexOf(name));
    }

    /** The service's type a scope names ({@code Tables}, {@code com.example.Tables}, {@code Outer.Inner}). */
    Optional<String> typeOf(Expression scope, NameContext names) {
        if (scope instanceof NameExpr || scope instanceof FieldAccessExpr) {
            return index.type(scope.toString(), names);
        }
        return Optional.empty();
    }

    ConstantIndex index() {
        return index;
    }

    List<Object> valueOf(Constant constant) {
        Optional<List<Object>> known = values.get(constant);
        if (known != null) {
            return known.orElse(null);
        }
        if (evaluating.size() >= MAX_CONSTANT_CHAIN || !evaluating.add(constant)) {
            // A cycle does not compile; do not loop on it. A constant made of hundreds of others is not followed.
            return null;
        }
        List<Object> value = eval(constant.initializer(), constant.context(), Map.of());
        evaluating.remove(constant);
        values.put(constant, Optional.ofNullable(value));
        return value;
    }

    Optional<Constant> constantFor(Expression expression, NameContext names) {
        if (expression instanceof NameExpr name) {
            return constantNamed(name.getNameAsString(), names);
        }
        if (expression instanceof FieldAccessExpr access) {
            if (access.getScope() instanceof ThisExpr && !names.enclosing().isEmpty()) {
                return index.member(names.enclosing().get(0), access.getNameAsString());
            }
            return typeOf(access.getScope(), names).flatMap(type -> index.member(type, access.getNameAsString()));
        }
        return Optional.empty();
    }

    // The constant of the innermost enclosing class wins, as in Java, then inherited ones, then static imports.
    private Optional<Constant> constantNamed(String name, NameContext names) {
        for (String type : names.enclosing()) {
            Optional<Constant> found = index.member(type, name);
            if (found.isPresent()) {
                return found;
            }
        }
        String imported = names.staticImports().get(name);
        if (imported != null) {
            return index.qualified(imported);
        }
        for (String type : names.staticOnDemand()) {
            Optional<Constant> found = index.type(type, names).or(() -> Optional.of(type))
                    .flatMap(t -> index.member(t, name));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- values

    /** A value as Java turns it into text in a concatenation; null for one whose text is not known. */
    String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Long || value instanceof Character || value instanceof Boolean
                || value == JavaValues.NULL) {
            return value.toString();
        }
        if (value instanceof EnumValue constant) {
            return index.overridesToString(constant.type()) ? null : constant.name();
        }
        if (value instanceof Builder builder) {
            return builder.text();
        }
        if (value instanceof Joiner joiner) {
            return joiner.text();
        }
        if (value instanceof ListValue list) {
            List<String> texts = new ArrayList<>();
            for (Object element : list.elements()) {
                String text = text(element);
                if (text == null) {
                    return null;
                }
                texts.add(text);
            }
            return texts.toString();
        }
        return null;
    }

    /** A value as a format argument: numbers stay numbers, so that {@code %d} and {@code {0,number}} work. */
    Object formatArgument(Object value) {
        if (value instanceof Long || value instanceof Character || value instanceof Boolean) {
            return value;
        }
        return text(value);
    }

    /** {@code String.format} as Java does it; null for a format Java would reject. */
    static String format(String format, List<Object> arguments) {
        if (arguments == null) {
            return null;
        }
        try {
            return String.format(Locale.ROOT, format, arguments.toArray());
        } catch (IllegalFormatException e) {
            return null;
        }
    }

    /** {@code MessageFormat.format}; null for a pattern it rejects. */
    static String messageFormat(String pattern, List<Object> arguments) {
        if (arguments == null) {
            return null;
        }
        try {
            return new MessageFormat(pattern, Locale.ROOT).format(arguments.toArray());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Object> number(String literal) {
        String digits = literal.replaceAll("[lL_]", "");
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return List.of(Long.parseLong(digits.substring(2), 16));
            }
            return List.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A function argument ({@code c -> c + " = ?"}, {@code String::toUpperCase}) applied to a value. */
    Function<Object, List<Object>> function(Expression expression, NameContext names, Map<String, Object> lambda) {
        if (expression instanceof LambdaExpr fn && fn.getParameters().size() == 1
                && fn.getExpressionBody().isPresent()) {
            String parameter = fn.getParameters().get(0).getNameAsString();
            Expression body = fn.getExpressionBody().get();
            return value -> {
                Map<String, Object> bound = new java.util.HashMap<>(lambda);
                bound.put(parameter, value);
                return eval(body, names, bound);
            };
        }
        if (expression instanceof LambdaExpr fn && fn.getParameters().size() == 1
                && fn.getBody() instanceof com.github.javaparser.ast.stmt.BlockStmt block
                && block.getStatements().size() == 1
                && block.getStatements().get(0) instanceof com.github.javaparser.ast.stmt.ReturnStmt ret
                && ret.getExpression().isPresent()) {
            String parameter = fn.getParameters().get(0).getNameAsString();
            return value -> {
                Map<String, Object> bound = new java.util.HashMap<>(lambda);
                bound.put(parameter, value);
                return eval(ret.getExpression().get(), names, bound);
            };
        }
        if (expression instanceof MethodReferenceExpr reference) {
            String method = reference.getIdentifier();
            return value -> JavaCalls.onValue(this, value, method, List.of());
        }
        return null;
    }

    /** Whether the expression is a call, or a chain of calls, on the named variable ({@code sb.append(a).append(b)}). */
    static boolean isCallOn(Expression expression, String variable) {
        if (!(expression instanceof MethodCallExpr)) {
            return false;
        }
        Expression receiver = expression;
        while (receiver instanceof MethodCallExpr call && call.getScope().isPresent()) {
            receiver = call.getScope().get();
        }
        return receiver instanceof NameExpr name && name.getNameAsString().equals(variable);
    }
}
