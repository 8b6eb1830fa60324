package io.switchover.patterns.kotlin;

import io.switchover.patterns.SourceFile;
import io.switchover.patterns.SqlExtractor;

import io.switchover.patterns.AccessPattern;
import io.switchover.patterns.ColumnRead;
import io.switchover.patterns.ExtractionResult;
import io.switchover.patterns.Origin;
import io.switchover.patterns.QueryAnnotations;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.UnresolvedSql;
import io.switchover.patterns.kotlin.KotlinLexer.Kind;
import io.switchover.patterns.kotlin.KotlinLexer.Part;
import io.switchover.patterns.kotlin.KotlinLexer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the SQL in a Kotlin source file, with the rules of {@link io.switchover.patterns.JavaStringExtractor}: every
 * maximal string expression ({@code "..."}, {@code """..."""}, optionally {@code .trimIndent()} or
 * {@code .trimMargin()}, joined with {@code +}) that evaluates to a statement, at the line where it starts. Templates
 * and operands that name a {@code const val} of the same file (top level, object or companion object) are resolved;
 * any other template is known only at run time and makes the expression "not checked". A constant is reported where
 * it is declared; a bare use of it adds nothing. JPQL in a non-native {@code @Query} is skipped.
 */
public final class KotlinStringExtractor implements SqlExtractor {
    public static final String ID = "kotlin-literal";

    private static final Set<String> JPQL_ANNOTATIONS = Set.of("Query", "NamedQuery");
    /** kotliquery's {@code Row} getters, and JDBC's, that take a column's name. */
    private static final Set<String> GETTERS = Set.of("string", "stringOrNull", "int", "intOrNull", "long",
            "longOrNull", "short", "shortOrNull", "boolean", "booleanOrNull", "double", "doubleOrNull", "float",
            "floatOrNull", "bigDecimal", "bigDecimalOrNull", "uuid", "uuidOrNull", "localDate", "localDateOrNull",
            "localDateTime", "localDateTimeOrNull", "localTime", "localTimeOrNull", "zonedDateTime",
            "zonedDateTimeOrNull", "offsetDateTime", "offsetDateTimeOrNull", "instant", "instantOrNull", "sqlDate",
            "sqlDateOrNull", "sqlTimestamp", "sqlTimestampOrNull", "bytes", "bytesOrNull", "array", "arrayOrNull",
            "any", "anyOrNull", "getString", "getInt", "getLong", "getBoolean", "getDouble", "getBigDecimal",
            "getTimestamp", "getDate", "getObject", "getBytes", "getArray", "getShort", "getFloat");

    private final SqlStatementClassifier classifier;

    public KotlinStringExtractor(SqlStatementClassifier classifier) {
        this.classifier = classifier;
    }

    /** A file read for its string expressions, constants found; for readers of this package that walk its calls. */
    FileScan open(String path, String source) {
        FileScan scan = new FileScan(path, source);
        scan.findConstants();
        return scan;
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".kt");
    }

    @Override
    public ExtractionResult extract(SourceFile file) {
        return extract(file.path(), file.text());
    }

    public ExtractionResult extract(String path, String source) {
        try {
            return new FileScan(path, source).scan();
        } catch (RuntimeException | StackOverflowError e) {
            // The tokenizer is meant to be total; should it fail anyway, one file must not stop the run.
            return new ExtractionResult(List.of(), List.of(UnresolvedSql.wholeFile(path, 1,
                    "the Kotlin reader failed on it (" + e.getClass().getSimpleName() + ")")), List.of());
        }
    }

    /** A string expression's value; {@code dynamic} lists the templates and operands known only at run time. */
    record Value(String text, List<String> dynamic, String literalTail) {
        boolean resolved() {
            return dynamic.isEmpty();
        }
    }

    final class FileScan {
        private final String path;
        private final String source;
        final List<Token> tokens;
        private final String problem;
        private final Map<String, Integer> constants = new HashMap<>(); // name -> index of the initializer's first token
        private final Map<String, Optional<String>> constantValues = new HashMap<>();
        private final Set<String> evaluating = new HashSet<>();
        private final Set<Integer> skipped = new HashSet<>();

        FileScan(String path, String source) {
            this.path = path;
            this.source = source;
            KotlinLexer lexer = new KotlinLexer(source);
            this.tokens = lexer.tokens();
            this.problem = lexer.problem();
        }

        ExtractionResult scan() {
            findConstants();
            if (QueryAnnotations.holdJpql(imports(), source)) {
                skipJpql();
            }
            List<AccessPattern> patterns = new ArrayList<>();
            List<UnresolvedSql> notChecked = new ArrayList<>();
            Map<Integer, String> statements = new java.util.TreeMap<>();
            int i = 0;
            while (i < tokens.size()) {
                if (!startsExpression(i) || skipped.contains(i)) {
                    i++;
                    continue;
                }
                int start = i;
                List<Integer> operands = new ArrayList<>();
                i = expression(i, operands);
                boolean bareConstant = operands.size() == 1 && tokens.get(start).kind() == Kind.IDENTIFIER;
                if (bareConstant) {
                    continue;
                }
                Origin origin = new Origin(path, tokens.get(start).line(), lastLine(i));
                Value value = evaluate(operands);
                String fragment = fragment(start, i);
                if (value.resolved()) {
                    String sql = value.text().strip();
                    if (classifier.isSql(sql)) {
                        patterns.add(new AccessPattern(sql, origin, ID));
                        statements.put(start, sql);
                    } else if (classifier.looksLikeSql(sql)) {
                        notChecked.add(new UnresolvedSql(origin, fragment, "JSqlParser cannot parse it"));
                    }
                } else if (classifier.looksLikeSql(value.literalTail())) {
                    notChecked.add(new UnresolvedSql(origin, fragment, "built at run time from "
                            + String.join(", ", new LinkedHashSet<>(value.dynamic()))));
                }
            }
            List<String> warnings = problem == null ? List.of()
                    : List.of(path + ": " + problem + "; SQL after it is not checked");
            return new ExtractionResult(patterns, notChecked, warnings, reads(statements));
        }

        /**
         * The columns read by name ({@code row.string("alice")}, {@code rs.getString("alice")}), each linked to the
         * statement before it in its function (a constant used there counts where it is used), else the first after.
         */
        private List<ColumnRead> reads(Map<Integer, String> found) {
            java.util.TreeMap<Integer, String> statements = new java.util.TreeMap<>(found);
            for (int k = 0; k < tokens.size(); k++) {
                Token token = tokens.get(k);
                if (token.kind() == Kind.IDENTIFIER && constants.containsKey(token.text())
                        && !(k > 0 && tokens.get(k - 1).isIdentifier("val"))) {
                    int at = k;
                    constantValue(token.text()).map(String::strip).filter(classifier::isSql)
                            .ifPresent(sql -> statements.putIfAbsent(at, sql));
                }
            }
            List<ColumnRead> reads = new ArrayList<>();
            for (int k = 0; k + 3 < tokens.size(); k++) {
                Token getter = tokens.get(k);
                if (getter.kind() != Kind.IDENTIFIER || !GETTERS.contains(getter.text()) || !tokens.get(k + 1).is("(")
                        || !(tokens.get(k + 3).is(")") || tokens.get(k + 3).is(","))) {
                    continue;
                }
                Token argument = tokens.get(k + 2);
                Optional<String> column = argument.kind() == Kind.STRING && argument.parts().size() == 1
                        && !argument.parts().get(0).template() ? Optional.of(argument.parts().get(0).text())
                        : argument.kind() == Kind.IDENTIFIER ? constantValue(argument.text()) : Optional.empty();
                if (column.isEmpty() || !column.get().matches("[\\w$]+")) {
                    continue;
                }
                reads.add(new ColumnRead(new Origin(path, getter.line()), column.get().toLowerCase(java.util.Locale.ROOT),
                        linked(statements, k)));
            }
            return reads;
        }

        private String linked(java.util.TreeMap<Integer, String> statements, int read) {
            var before = statements.floorEntry(read);
            if (before != null && !funBetween(before.getKey(), read)) {
                return before.getValue();
            }
            var after = statements.ceilingEntry(read);
            return after != null && !funBetween(read, after.getKey()) ? after.getValue() : null;
        }

        private boolean funBetween(int from, int to) {
            for (int k = from + 1; k < to; k++) {
                if (tokens.get(k).isIdentifier("fun")) {
                    return true;
                }
            }
            return false;
        }

        private boolean startsExpression(int i) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.STRING) {
                return true;
            }
            // A constant starts an expression only where the declaration or a concatenation uses it.
            return token.kind() == Kind.IDENTIFIER && constants.containsKey(token.text())
                    && i + 1 < tokens.size() && tokens.get(i + 1).is("+") && !(i > 0 && tokens.get(i - 1).is("."));
        }

        /** Reads {@code operand (+ operand)*} from {@code i}; returns the index after it. */
        int expression(int i, List<Integer> operands) {
            int next = operand(i, operands);
            while (next + 1 < tokens.size() && tokens.get(next).is("+") && isOperand(next + 1)) {
                next = operand(next + 1, operands);
            }
            return next;
        }

        private boolean isOperand(int i) {
            Token token = tokens.get(i);
            return token.kind() == Kind.STRING || token.kind() == Kind.IDENTIFIER && !isKeyword(token.text());
        }

        private int operand(int i, List<Integer> operands) {
            operands.add(i);
            int next = i + 1;
            if (tokens.get(i).kind() == Kind.IDENTIFIER) {
                // a.b.c or a?.b: a member chain is one run-time operand
                while (next + 1 < tokens.size() && (tokens.get(next).is(".") || tokens.get(next).is("?"))
                        && (tokens.get(next + 1).kind() == Kind.IDENTIFIER || tokens.get(next + 1).is("."))) {
                    next += 2;
                }
                return next;
            }
            // .trimIndent() / .trimMargin() / .trimMargin("|")
            if (next + 3 < tokens.size() && tokens.get(next).is(".") && tokens.get(next + 2).is("(")
                    && (tokens.get(next + 1).isIdentifier("trimIndent") || tokens.get(next + 1).isIdentifier("trimMargin"))) {
                int close = next + 3;
                if (tokens.get(close).kind() == Kind.STRING && close + 1 < tokens.size()) {
                    close++;
                }
                if (tokens.get(close).is(")")) {
                    return close + 1;
                }
            }
            return next;
        }

        Value evaluate(List<Integer> operands) {
            return evaluate(operands, Map.of());
        }

        /** As {@link #evaluate(List)}, with the values of local names ({@code val sql = "..."}) as well. */
        Value evaluate(List<Integer> operands, Map<String, String> locals) {
            StringBuilder text = new StringBuilder();
            List<String> dynamic = new ArrayList<>();
            StringBuilder tail = new StringBuilder(); // resolved text, with run-time parts as a placeholder
            for (int index : operands) {
                Token token = tokens.get(index);
                if (token.kind() == Kind.IDENTIFIER) {
                    Optional<String> constant = Optional.ofNullable(locals.get(token.text()))
                            .or(() -> constantValue(token.text()));
                    if (constant.isPresent()) {
                        text.append(constant.get());
                        tail.append(constant.get());
                    } else {
                        dynamic.add(token.text());
                        tail.append(" x ");
                    }
                    continue;
                }
                StringBuilder value = new StringBuilder();
                for (Part part : token.parts()) {
                    Optional<String> resolved = part.template()
                            ? Optional.ofNullable(locals.get(part.text())).or(() -> constantValue(part.text()))
                            : Optional.of(part.text());
                    if (resolved.isPresent()) {
                        value.append(resolved.get());
                    } else {
                        dynamic.add("${" + part.text() + "}");
                        value.append(" x ");
                    }
                }
                String trimmed = trim(value.toString(), index);
                text.append(trimmed);
                tail.append(trimmed);
            }
            String literalTail = tail.toString();
            int firstResolved = literalTail.indexOf(literalTail.strip());
            return new Value(text.toString(), dynamic, literalTail.substring(Math.max(firstResolved, 0)).strip());
        }

        private String trim(String value, int stringIndex) {
            int next = stringIndex + 1;
            if (next + 2 < tokens.size() && tokens.get(next).is(".") && tokens.get(next + 2).is("(")) {
                if (tokens.get(next + 1).isIdentifier("trimIndent")) {
                    return KotlinStrings.trimIndent(value);
                }
                if (tokens.get(next + 1).isIdentifier("trimMargin")) {
                    Token argument = next + 3 < tokens.size() ? tokens.get(next + 3) : null;
                    String prefix = argument != null && argument.kind() == Kind.STRING && argument.parts().size() == 1
                            ? argument.parts().get(0).text() : "|";
                    return KotlinStrings.trimMargin(value, prefix);
                }
            }
            return value;
        }

        private Optional<String> constantValue(String name) {
            if (constantValues.containsKey(name)) {
                return constantValues.get(name);
            }
            Integer start = constants.get(name);
            if (start == null || !evaluating.add(name)) {
                return Optional.empty(); // not a constant of this file, or a cycle (which does not compile)
            }
            List<Integer> operands = new ArrayList<>();
            expression(start, operands);
            Value value = evaluate(operands);
            evaluating.remove(name);
            Optional<String> result = value.resolved() ? Optional.of(value.text()) : Optional.empty();
            constantValues.put(name, result);
            return result;
        }

        /** {@code const val NAME = ...} and {@code const val NAME: String = ...}. */
        void findConstants() {
            for (int i = 0; i + 3 < tokens.size(); i++) {
                if (!tokens.get(i).isIdentifier("const") || !tokens.get(i + 1).isIdentifier("val")
                        || tokens.get(i + 2).kind() != Kind.IDENTIFIER) {
                    continue;
                }
                int equals = i + 3;
                if (tokens.get(equals).is(":") && equals + 2 < tokens.size()) {
                    equals += 2;
                }
                if (equals + 1 < tokens.size() && tokens.get(equals).is("=") && isOperand(equals + 1)) {
                    constants.putIfAbsent(tokens.get(i + 2).text(), equals + 1);
                }
            }
        }

        /** The file's imports, {@code a.b.*} for a wildcard. */
        List<String> imports() {
            List<String> imports = new ArrayList<>();
            for (int k = 0; k + 1 < tokens.size(); k++) {
                if (!tokens.get(k).isIdentifier("import")) {
                    continue;
                }
                StringBuilder name = new StringBuilder();
                int j = k + 1;
                while (j < tokens.size() && (tokens.get(j).kind() == Kind.IDENTIFIER || tokens.get(j).is(".")
                        || tokens.get(j).is("*"))) {
                    name.append(tokens.get(j).text());
                    j++;
                }
                imports.add(name.toString());
            }
            return imports;
        }

        /** Marks the strings of {@code @Query(...)} without {@code nativeQuery = true}: JPQL names entities. */
        private void skipJpql() {
            for (int i = 0; i + 2 < tokens.size(); i++) {
                if (!tokens.get(i).is("@") || !JPQL_ANNOTATIONS.contains(tokens.get(i + 1).text())
                        || !tokens.get(i + 2).is("(")) {
                    continue;
                }
                int depth = 0;
                int end = i + 2;
                boolean nativeQuery = false;
                for (; end < tokens.size(); end++) {
                    if (tokens.get(end).is("(")) {
                        depth++;
                    } else if (tokens.get(end).is(")") && --depth == 0) {
                        break;
                    } else if (tokens.get(end).isIdentifier("nativeQuery") && end + 2 < tokens.size()
                            && tokens.get(end + 1).is("=") && tokens.get(end + 2).isIdentifier("true")) {
                        nativeQuery = true;
                    }
                }
                if (!nativeQuery) {
                    for (int j = i + 3; j < end; j++) {
                        skipped.add(j);
                    }
                }
            }
        }

        /** The line where the token before {@code end} ends. */
        private int lastLine(int end) {
            Token last = tokens.get(Math.min(end, tokens.size()) - 1);
            return last.line() + (int) last.text().chars().filter(c -> c == '\n').count();
        }

        private String fragment(int start, int end) {
            String text = tokens.subList(start, Math.min(end, tokens.size())).stream()
                    .map(Token::text).collect(Collectors.joining(" "));
            String oneLine = text.strip().replaceAll("\\s+", " ");
            return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 159) + "…";
        }
    }

    private static boolean isKeyword(String word) {
        return Set.of("if", "else", "when", "return", "val", "var", "fun", "in", "is", "as", "null", "true", "false")
                .contains(word);
    }
}
