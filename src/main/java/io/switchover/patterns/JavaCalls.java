package io.switchover.patterns;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.switchover.patterns.JavaValues.Builder;
import io.switchover.patterns.JavaValues.EnumValue;
import io.switchover.patterns.JavaValues.Joiner;
import io.switchover.patterns.JavaValues.Joining;
import io.switchover.patterns.JavaValues.ListValue;
import io.switchover.patterns.JavaValues.ToList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The calls of the JDK that build SQL text, evaluated as the JDK would: {@code String}'s methods and its static
 * {@code format}, {@code join} and {@code valueOf}; {@code MessageFormat.format}; {@code StringBuilder},
 * {@code StringJoiner}; {@code List.of}, {@code Arrays.asList}, {@code Stream.of} and the stream steps {@code map},
 * {@code sorted}, {@code distinct}, {@code collect(Collectors.joining(...))}; an enum's {@code name()},
 * {@code toString()}, {@code ordinal()} and {@code values()}. A call of anything else is known only at run time.
 */
final class JavaCalls {
    private static final Set<String> STRING = Set.of("String", "java.lang.String");
    private static final Set<String> MESSAGE_FORMAT = Set.of("MessageFormat", "java.text.MessageFormat");
    private static final Set<String> LISTS = Set.of("List", "java.util.List", "Arrays", "java.util.Arrays",
            "Stream", "java.util.stream.Stream", "Collections", "java.util.Collections");
    private static final Set<String> COLLECTORS = Set.of("Collectors", "java.util.stream.Collectors");
    private static final Set<String> NUMBERS = Set.of("Integer", "Long", "java.lang.Integer", "java.lang.Long");
    private static final Set<String> BUILDERS = Set.of("StringBuilder", "StringBuffer", "java.lang.StringBuilder",
            "java.lang.StringBuffer");
    private static final Set<String> JOINERS = Set.of("StringJoiner", "java.util.StringJoiner");
    /**
     * A call that quotes an identifier for the database at hand: JDBC's {@code Statement.enquoteIdentifier(name, b)},
     * and the in-house helpers named like it ({@code dbUtils.getQuotedIdentifier(GROUP_TABLE, jdbcTemplate)} in UAA,
     * {@code quoteIdentifier(name)}, {@code quotedName(name)}).
     */
    private static final Pattern QUOTES_IDENTIFIER = Pattern.compile(
            "(get)?(en)?quoted?(Identifier|Ident|Name|TableName|ColumnName)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private JavaCalls() {
    }

    static List<Object> eval(StringExpressionEvaluator evaluator, MethodCallExpr call, NameContext names,
                             Map<String, Object> lambda) {
        String method = call.getNameAsString();
        List<Expression> arguments = call.getArguments();
        if (QUOTES_IDENTIFIER.matcher(method).matches() && !arguments.isEmpty()) {
            return quotedIdentifier(evaluator, arguments.get(0), names, lambda);
        }
        if (arguments.isEmpty()) {
            List<Object> returned = constantReturned(evaluator, call, names);
            if (returned != null) {
                return returned;
            }
        }
        if (call.getScope().isEmpty()) {
            // format(...) or join(...) imported statically from String, and the like.
            String imported = names.staticImports().get(method);
            if (imported != null && imported.lastIndexOf('.') > 0) {
                return onType(evaluator, imported.substring(0, imported.lastIndexOf('.')), method, arguments, names,
                        lambda);
            }
            return null;
        }
        Expression scope = call.getScope().get();
        List<Object> scopes = evaluator.eval(scope, names, lambda);
        if (scopes == null) {
            return onType(evaluator, scope.toString(), method, arguments, names, lambda);
        }
        // The function of map(...) is a function, not a value: it is applied, not evaluated.
        if (method.equals("map") && arguments.size() == 1) {
            Function<Object, List<Object>> function = evaluator.function(arguments.get(0), names, lambda);
            return function == null ? null : mapped(scopes, function);
        }
        List<List<Object>> combinations = evaluator.combinations(arguments, names, lambda);
        if (combinations == null) {
            return null;
        }
        List<Object> results = new ArrayList<>();
        for (Object value : scopes) {
            for (List<Object> combination : combinations) {
                List<Object> result = onValue(evaluator, value, method, combination);
                if (result == null) {
                    return null;
                }
                for (Object one : result) {
                    if (results.size() < StringExpressionEvaluator.MAX_VARIANTS) {
                        results.add(one);
                    }
                }
            }
        }
        return results;
    }

    /** What a static method of the service returns, when it returns a constant ({@link ConstantIndex}). */
    private static List<Object> constantReturned(StringExpressionEvaluator evaluator, MethodCallExpr call,
                                                 NameContext names) {
        String key = call.getNameAsString() + "()";
        Optional<ConstantIndex.Constant> constant = Optional.empty();
        if (call.getScope().isEmpty()) {
            for (String type : names.enclosing()) {
                constant = evaluator.index().member(type, key);
                if (constant.isPresent()) {
                    break;
                }
            }
            String imported = names.staticImports().get(call.getNameAsString());
            if (constant.isEmpty() && imported != null) {
                constant = evaluator.index().qualified(imported + "()");
            }
        } else {
            constant = evaluator.typeOf(call.getScope().get(), names).flatMap(t -> evaluator.index().member(t, key));
        }
        return constant.map(evaluator::valueOf).orElse(null);
    }

    /**
     * The identifier a quoting call is given, as the database reads it quoted: a lower-case name as it is (PostgreSQL
     * folds the unquoted name to the same), any other in double quotes; null when it is not one identifier.
     */
    private static List<Object> quotedIdentifier(StringExpressionEvaluator evaluator, Expression name,
                                                 NameContext names, Map<String, Object> lambda) {
        List<Object> values = evaluator.eval(name, names, lambda);
        if (values == null) {
            return null;
        }
        List<Object> quoted = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String identifier) || !IDENTIFIER.matcher(identifier).matches()) {
                return null;
            }
            quoted.add(identifier.equals(identifier.toLowerCase(Locale.ROOT)) ? identifier : "\"" + identifier + "\"");
        }
        return quoted;
    }

    /** {@code new StringBuilder(...)}, {@code new StringJoiner(...)}, {@code new String(...)}. */
    static List<Object> creation(StringExpressionEvaluator evaluator, ObjectCreationExpr creation, NameContext names,
                                 Map<String, Object> lambda) {
        String type = creation.getType().getNameWithScope();
        if (creation.getAnonymousClassBody().isPresent()) {
            return null;
        }
        List<List<Object>> combinations = evaluator.combinations(creation.getArguments(), names, lambda);
        if (combinations == null) {
            return null;
        }
        List<Object> results = new ArrayList<>();
        for (List<Object> arguments : combinations) {
            Object made = created(evaluator, type, arguments);
            if (made == null) {
                return null;
            }
            results.add(made);
        }
        return results;
    }

    private static Object created(StringExpressionEvaluator evaluator, String type, List<Object> arguments) {
        if (BUILDERS.contains(type)) {
            if (arguments.isEmpty() || arguments.get(0) instanceof Long) {
                return new Builder(""); // a capacity
            }
            String text = evaluator.text(arguments.get(0));
            return text == null ? null : new Builder(text);
        }
        if (JOINERS.contains(type) && (arguments.size() == 1 || arguments.size() == 3)) {
            List<String> texts = texts(evaluator, arguments);
            return texts == null ? null : texts.size() == 1 ? new Joiner(texts.get(0), "", "", List.of())
                    : new Joiner(texts.get(0), texts.get(1), texts.get(2), List.of());
        }
        if (STRING.contains(type) && arguments.size() == 1) {
            return evaluator.text(arguments.get(0));
        }
        return null;
    }

    /** A static call: of a JDK type that builds text or lists, or {@code values()} of one of the service's enums. */
    private static List<Object> onType(StringExpressionEvaluator evaluator, String type, String method,
                                       List<Expression> arguments, NameContext names, Map<String, Object> lambda) {
        Optional<String> own = evaluator.index().type(type, names);
        if (own.isPresent()) {
            List<String> constants = evaluator.index().enumConstants(own.get());
            if (method.equals("values") && arguments.isEmpty() && !constants.isEmpty()) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < constants.size(); i++) {
                    values.add(new EnumValue(own.get(), constants.get(i), i));
                }
                return List.of(new ListValue(values));
            }
            return null;
        }
        List<Expression> given = arguments;
        if (STRING.contains(type) && method.equals("format") && given.size() >= 2
                && given.get(0).toString().matches("(java\\.util\\.)?Locale\\.\\w+")) {
            given = given.subList(1, given.size()); // String.format(Locale.ROOT, ...): the text is the same
        }
        if (method.equals("joining") && COLLECTORS.contains(type) || method.equals("toList") && COLLECTORS.contains(type)
                || method.equals("toUnmodifiableList") && COLLECTORS.contains(type)) {
            if (!method.equals("joining")) {
                return List.of(new ToList());
            }
        } else if (!STRING.contains(type) && !MESSAGE_FORMAT.contains(type) && !LISTS.contains(type)
                && !NUMBERS.contains(type) && !COLLECTORS.contains(type)) {
            return null;
        }
        List<List<Object>> combinations = evaluator.combinations(given, names, lambda);
        if (combinations == null) {
            return null;
        }
        List<Object> results = new ArrayList<>();
        for (List<Object> combination : combinations) {
            Object result = staticCall(evaluator, type, method, combination);
            if (result == null) {
                return null;
            }
            results.add(result);
        }
        return results;
    }

    private static Object staticCall(StringExpressionEvaluator evaluator, String type, String method,
                                     List<Object> arguments) {
        if (STRING.contains(type)) {
            switch (method) {
                case "format":
                    return arguments.isEmpty() || !(arguments.get(0) instanceof String format) ? null
                            : StringExpressionEvaluator.format(format, formatArguments(evaluator,
                            arguments.subList(1, arguments.size())));
                case "valueOf":
                case "copyValueOf":
                    return arguments.size() == 1 ? evaluator.text(arguments.get(0)) : null;
                case "join":
                    return join(evaluator, arguments);
                default:
                    return null;
            }
        }
        if (MESSAGE_FORMAT.contains(type) && method.equals("format") && !arguments.isEmpty()
                && arguments.get(0) instanceof String pattern) {
            return StringExpressionEvaluator.messageFormat(pattern,
                    formatArguments(evaluator, arguments.subList(1, arguments.size())));
        }
        if (LISTS.contains(type)) {
            switch (method) {
                case "of":
                case "asList":
                case "singletonList":
                case "emptyList":
                    return new ListValue(arguments);
                case "stream":
                case "copyOf":
                    return arguments.size() == 1 && arguments.get(0) instanceof ListValue list ? list : null;
                default:
                    return null;
            }
        }
        if (NUMBERS.contains(type) && (method.equals("toString") || method.equals("valueOf"))
                && arguments.size() == 1 && arguments.get(0) instanceof Long number) {
            return method.equals("toString") ? number.toString() : number;
        }
        if (COLLECTORS.contains(type) && method.equals("joining") && arguments.size() <= 3) {
            List<String> texts = texts(evaluator, arguments);
            if (texts == null || texts.size() == 2) {
                return null;
            }
            return texts.isEmpty() ? new Joining("", "", "") : texts.size() == 1 ? new Joining(texts.get(0), "", "")
                    : new Joining(texts.get(0), texts.get(1), texts.get(2));
        }
        return null;
    }

    /** A method of a value: of text, an enum constant, a list or stream, a builder or joiner. */
    static List<Object> onValue(StringExpressionEvaluator evaluator, Object value, String method,
                                List<Object> arguments) {
        Object result;
        if (value instanceof String text) {
            result = onString(evaluator, text, method, arguments);
        } else if (value instanceof EnumValue constant) {
            result = switch (method) {
                case "name" -> constant.name();
                case "toString" -> evaluator.text(constant);
                case "ordinal" -> (long) constant.ordinal();
                default -> null;
            };
        } else if (value instanceof ListValue list) {
            return onList(evaluator, list, method, arguments);
        } else if (value instanceof Builder builder) {
            result = onBuilder(evaluator, builder, method, arguments);
        } else if (value instanceof Joiner joiner) {
            String item = arguments.size() == 1 ? evaluator.text(arguments.get(0)) : null;
            result = switch (method) {
                case "add" -> item == null ? null : joiner.add(item);
                case "toString" -> joiner.text();
                case "setEmptyValue" -> joiner;
                default -> null;
            };
        } else {
            result = method.equals("toString") && arguments.isEmpty() ? evaluator.text(value) : null;
        }
        return result == null ? null : List.of(result);
    }

    private static Object onString(StringExpressionEvaluator evaluator, String text, String method,
                                   List<Object> arguments) {
        List<String> texts = texts(evaluator, arguments);
        try {
            switch (method) {
                case "formatted":
                    return StringExpressionEvaluator.format(text, formatArguments(evaluator, arguments));
                case "replace":
                    return texts != null && texts.size() == 2 ? text.replace(texts.get(0), texts.get(1)) : null;
                case "replaceAll":
                    return texts != null && texts.size() == 2 ? text.replaceAll(texts.get(0), texts.get(1)) : null;
                case "replaceFirst":
                    return texts != null && texts.size() == 2 ? text.replaceFirst(texts.get(0), texts.get(1)) : null;
                case "substring":
                    if (arguments.size() == 1 && arguments.get(0) instanceof Long from) {
                        return text.substring(Math.toIntExact(from));
                    }
                    return arguments.size() == 2 && arguments.get(0) instanceof Long from
                            && arguments.get(1) instanceof Long to
                            ? text.substring(Math.toIntExact(from), Math.toIntExact(to)) : null;
                case "indexOf":
                    return texts != null && texts.size() == 1 ? (long) text.indexOf(texts.get(0)) : null;
                case "lastIndexOf":
                    return texts != null && texts.size() == 1 ? (long) text.lastIndexOf(texts.get(0)) : null;
                case "length":
                    return (long) text.length();
                case "isEmpty":
                    return text.isEmpty();
                case "isBlank":
                    return text.isBlank();
                case "equals":
                case "contentEquals":
                    return texts != null && texts.size() == 1 ? text.equals(texts.get(0)) : null;
                case "equalsIgnoreCase":
                    return texts != null && texts.size() == 1 ? text.equalsIgnoreCase(texts.get(0)) : null;
                case "startsWith":
                    return texts != null && texts.size() == 1 ? text.startsWith(texts.get(0)) : null;
                case "endsWith":
                    return texts != null && texts.size() == 1 ? text.endsWith(texts.get(0)) : null;
                case "contains":
                    return texts != null && texts.size() == 1 ? text.contains(texts.get(0)) : null;
                case "toUpperCase":
                    return text.toUpperCase(Locale.ROOT);
                case "toLowerCase":
                    return text.toLowerCase(Locale.ROOT);
                case "trim":
                    return text.trim();
                case "strip":
                    return text.strip();
                case "stripLeading":
                    return text.stripLeading();
                case "stripTrailing":
                    return text.stripTrailing();
                case "stripIndent":
                    return text.stripIndent();
                case "intern":
                case "toString":
                    return text;
                case "concat":
                    return texts != null && texts.size() == 1 ? text.concat(texts.get(0)) : null;
                case "repeat":
                    return arguments.size() == 1 && arguments.get(0) instanceof Long count && count >= 0
                            && count * text.length() <= 1_000_000 ? text.repeat(Math.toIntExact(count)) : null;
                case "split":
                    return texts != null && texts.size() == 1
                            ? new ListValue(List.<Object>of((Object[]) text.split(texts.get(0)))) : null;
                default:
                    return null;
            }
        } catch (IndexOutOfBoundsException | PatternSyntaxException | ArithmeticException e) {
            return null; // what the JVM would throw at run time: no statement
        }
    }

    private static List<Object> onList(StringExpressionEvaluator evaluator, ListValue list, String method,
                                       List<Object> arguments) {
        switch (method) {
            case "stream":
            case "parallelStream":
            case "toList":
                return List.of(list);
            case "distinct":
                return List.of(new ListValue(new ArrayList<>(new java.util.LinkedHashSet<>(list.elements()))));
            case "sorted": {
                List<String> texts = texts(evaluator, list.elements());
                if (texts == null || !arguments.isEmpty()) {
                    return null;
                }
                List<Object> sorted = new ArrayList<>(texts);
                sorted.sort(null);
                return List.of(new ListValue(sorted));
            }
            case "size":
            case "count":
                return List.of((long) list.elements().size());
            case "isEmpty":
                return List.of(list.elements().isEmpty());
            case "get":
                return arguments.size() == 1 && arguments.get(0) instanceof Long i && i >= 0
                        && i < list.elements().size() ? List.of(list.elements().get(Math.toIntExact(i))) : null;
            case "collect":
                if (arguments.size() == 1 && arguments.get(0) instanceof Joining joining) {
                    List<String> texts = texts(evaluator, list.elements());
                    return texts == null ? null
                            : List.of(joining.prefix() + String.join(joining.separator(), texts) + joining.suffix());
                }
                return arguments.size() == 1 && arguments.get(0) instanceof ToList ? List.of(list) : null;
            default:
                return null;
        }
    }

    private static Object onBuilder(StringExpressionEvaluator evaluator, Builder builder, String method,
                                    List<Object> arguments) {
        switch (method) {
            case "append": {
                String text = arguments.size() == 1 ? evaluator.text(arguments.get(0)) : null;
                return text == null ? null : new Builder(builder.text() + text);
            }
            case "toString":
                return builder.text();
            case "length":
                return (long) builder.text().length();
            case "setLength":
                return arguments.size() == 1 && arguments.get(0) instanceof Long length && length >= 0
                        && length <= builder.text().length()
                        ? new Builder(builder.text().substring(0, Math.toIntExact(length))) : null;
            case "deleteCharAt":
                return arguments.size() == 1 && arguments.get(0) instanceof Long at && at >= 0
                        && at < builder.text().length() ? new Builder(new StringBuilder(builder.text())
                        .deleteCharAt(Math.toIntExact(at)).toString()) : null;
            case "insert": {
                String text = arguments.size() == 2 ? evaluator.text(arguments.get(1)) : null;
                return text != null && arguments.get(0) instanceof Long at && at >= 0 && at <= builder.text().length()
                        ? new Builder(new StringBuilder(builder.text()).insert(Math.toIntExact(at), text).toString())
                        : null;
            }
            default:
                return null;
        }
    }

    /** {@code map(f)} over each list: every combination of the values {@code f} gives its elements. */
    private static List<Object> mapped(List<Object> scopes, Function<Object, List<Object>> function) {
        List<Object> results = new ArrayList<>();
        for (Object scope : scopes) {
            if (!(scope instanceof ListValue list)) {
                return null;
            }
            List<List<Object>> combinations = List.of(List.of());
            for (Object element : list.elements()) {
                List<Object> values = function.apply(element);
                if (values == null) {
                    return null;
                }
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> combination : combinations) {
                    for (Object value : values) {
                        if (next.size() < StringExpressionEvaluator.MAX_VARIANTS) {
                            List<Object> longer = new ArrayList<>(combination);
                            longer.add(value);
                            next.add(longer);
                        }
                    }
                }
                combinations = next;
            }
            for (List<Object> combination : combinations) {
                results.add(new ListValue(combination));
            }
        }
        return results;
    }

    private static String join(StringExpressionEvaluator evaluator, List<Object> arguments) {
        if (arguments.isEmpty()) {
            return null;
        }
        String separator = evaluator.text(arguments.get(0));
        List<Object> elements = arguments.size() == 2 && arguments.get(1) instanceof ListValue list
                ? list.elements() : arguments.subList(1, arguments.size());
        List<String> texts = texts(evaluator, elements);
        return separator == null || texts == null ? null : String.join(separator, texts);
    }

    private static List<Object> formatArguments(StringExpressionEvaluator evaluator, List<Object> arguments) {
        List<Object> formatted = new ArrayList<>();
        for (Object argument : arguments) {
            Object value = evaluator.formatArgument(argument);
            if (value == null) {
                return null;
            }
            formatted.add(value);
        }
        return formatted;
    }

    private static List<String> texts(StringExpressionEvaluator evaluator, List<Object> values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            String text = evaluator.text(value);
            if (text == null) {
                return null;
            }
            texts.add(text);
        }
        return texts;
    }
}
