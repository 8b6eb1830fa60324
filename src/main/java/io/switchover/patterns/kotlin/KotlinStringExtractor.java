package io.switchover.patterns.kotlin;

import io.switchover.patterns.FormatTemplates;
import io.switchover.patterns.QueryAnnotations;
import io.switchover.patterns.ServiceWideExtractor;
import io.switchover.patterns.SourceFile;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.kotlin.KotlinLexer.Kind;
import io.switchover.patterns.kotlin.KotlinLexer.Part;
import io.switchover.patterns.kotlin.KotlinLexer.Token;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.sql.OneLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the SQL in a Kotlin source file, with the rules of {@link io.switchover.patterns.JavaStringExtractor}: every
 * maximal string expression ({@code "..."}, {@code """..."""}, optionally {@code .trimIndent()} or
 * {@code .trimMargin()}, joined with {@code +}) that evaluates to a statement, at the line where it starts. Templates
 * and operands that name a {@code const val} of the same file (top level, object or companion object) are resolved;
 * any other template is known only at run time and makes the expression "not checked". A constant is reported where
 * it is declared; a bare use of it adds nothing. JPQL in a non-native {@code @Query} is skipped.
 */
public final class KotlinStringExtractor implements ServiceWideExtractor<KotlinStringExtractor.FileStrings> {
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

    /**
     * The constants of a Kotlin file that Java code may name ({@code import static ...OppfolgingsStatusRepository.*}
     * of a companion's {@code const val TABLE_NAME}), by qualified name, from the tokens this extractor reads too.
     */
    public Map<String, String> constantsForJava(SourceFile file) {
        try {
            FileScan scan = new FileScan(file.path(), file.tree(KotlinLexer.class, KotlinLexer::new));
            scan.findConstants();
            return scan.exportedToJava();
        } catch (RuntimeException | StackOverflowError e) {
            return Map.of(); // this extractor reports a file it cannot get through
        }
    }

    /** Kotlin files, and Java files for the constants Kotlin templates may name. */
    @Override
    public boolean reads(String path) {
        return path.endsWith(".kt") || path.endsWith(".java");
    }

    /**
     * An expression the file could not resolve alone, kept as its tokens with the file's package and imports, and
     * what is reported if the service's constants do not resolve it either.
     */
    record Deferred(List<Token> tokens, String packageName, List<String> imports, Origin origin, String fragment,
                    UnresolvedSql otherwise) {
    }

    /** What one Kotlin file gives: what it resolves alone, its constants by qualified name, and what waits for others. */
    public record FileStrings(ExtractionResult result, Map<String, String> constants, List<Deferred> deferred) {
        public FileStrings {
            constants = Map.copyOf(constants);
            deferred = List.copyOf(deferred);
        }
    }

    @Override
    public FileStrings collect(SourceFile file) {
        if (file.endsWith(".java")) {
            return new FileStrings(ExtractionResult.empty(), JavaConstants.of(file), List.of());
        }
        try {
            FileScan scan = new FileScan(file.path(), file.tree(KotlinLexer.class, KotlinLexer::new));
            ExtractionResult result = scan.scan();
            return new FileStrings(result, scan.exported(), scan.deferred);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileStrings(failed(file.path(), e), Map.of(), List.of());
        }
    }

    /**
     * The statements of the service's Kotlin files: each expression that needed another file's {@code const val},
     * top-level or {@code object} {@code val}, or enum entry, evaluated once every file's constants are known.
     */
    @Override
    public ExtractionResult combine(List<FileStrings> parts) {
        Map<String, String> constants = new HashMap<>();
        parts.forEach(part -> part.constants().forEach(constants::putIfAbsent));
        List<ExtractionResult> results = new ArrayList<>();
        for (FileStrings part : parts) {
            Set<UnresolvedSql> replaced = new HashSet<>();
            List<AccessPattern> patterns = new ArrayList<>();
            for (Deferred item : part.deferred()) {
                FileScan scan = new FileScan(item.origin().path(), item.tokens(),
                        name -> lookUp(name, item.packageName(), item.imports(), constants));
                List<Integer> operands = new ArrayList<>();
                scan.expression(0, operands);
                Value value = scan.evaluate(operands);
                String sql = FormatTemplates.filled(value.text().strip());
                if (value.resolved() && classifier.isSql(sql)) {
                    patterns.add(new AccessPattern(sql, item.origin(), ID));
                    replaced.add(item.otherwise());
                }
            }
            ExtractionResult own = part.result();
            patterns.addAll(own.patterns());
            results.add(new ExtractionResult(patterns, own.notChecked().stream().filter(u -> !replaced.contains(u))
                    .toList(), own.warnings(), own.reads()));
        }
        return ExtractionResult.combine(results);
    }

    /** A name as Kotlin resolves it from a file: its own package, an import of it or of its owner, a wildcard. */
    private static Optional<String> lookUp(String name, String packageName, List<String> imports,
                                           Map<String, String> constants) {
        List<String> candidates = new ArrayList<>();
        candidates.add(packageName.isEmpty() ? name : packageName + "." + name);
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.substring(first.length());
        for (String imported : imports) {
            if (imported.endsWith("." + first) || imported.equals(first)) {
                candidates.add(imported + rest);
            } else if (imported.endsWith(".*")) {
                candidates.add(imported.substring(0, imported.length() - 1) + name);
            }
        }
        candidates.add(name);
        for (String candidate : candidates) {
            String value = constants.get(candidate);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The file alone: a constant of another file leaves what uses it not checked. */
    public ExtractionResult extract(SourceFile file) {
        return combine(List.of(collect(file)));
    }

    public ExtractionResult extract(String path, String source) {
        return extract(new SourceFile(path, source));
    }

    // The tokenizer is meant to be total; should it fail anyway, one file must not stop the run.
    private static ExtractionResult failed(String path, Throwable e) {
        return new ExtractionResult(List.of(), List.of(UnresolvedSql.wholeFile(path, 1,
                "the Kotlin reader failed on it (" + e.getClass().getSimpleName() + ")")), List.of());
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
        // "Owner.NAME" of an object's, a companion's or an enum's constants, to the index of the initializer.
        private final Map<String, Integer> qualified = new HashMap<>();
        private final Map<String, String> enumEntries = new HashMap<>();
        private final Function<String, Optional<String>> outside;
        final List<Deferred> deferred = new ArrayList<>();

        FileScan(String path, String source) {
            this(path, new KotlinLexer(source));
        }

        /** A file lexed already: the Java readers ask a Kotlin file for its constants from the same tokens. */
        FileScan(String path, KotlinLexer lexer) {
            this.path = path;
            this.source = lexer.source();
            this.tokens = lexer.tokens();
            this.problem = lexer.problem();
            this.outside = name -> Optional.empty();
        }

        /** One expression taken out of its file, whose names other files' constants resolve. */
        FileScan(String path, List<Token> tokens, Function<String, Optional<String>> outside) {
            this.path = path;
            this.source = "";
            this.tokens = tokens;
            this.problem = null;
            this.outside = outside;
        }

        /**
         * The constants Java code can name, by qualified name: an object's, a companion's ({@code Owner.NAME}, as Java
         * sees a companion's {@code const val}) and an enum's entries. A top-level one is {@code FileKt.NAME} to Java,
         * left out.
         */
        Map<String, String> exportedToJava() {
            String prefix = packageName().isEmpty() ? "" : packageName() + ".";
            Map<String, String> values = new HashMap<>();
            for (String name : qualified.keySet()) {
                constantValue(name).ifPresent(value -> values.put(prefix + name, value));
            }
            enumEntries.forEach((name, value) -> values.put(prefix + name, value));
            return values;
        }

        /** The file's constants and enum entries that have a value, by qualified name. */
        Map<String, String> exported() {
            String prefix = packageName().isEmpty() ? "" : packageName() + ".";
            Map<String, String> values = new HashMap<>();
            for (String name : constants.keySet()) {
                constantValue(name).ifPresent(value -> values.put(prefix + name, value));
            }
            values.putAll(exportedToJava()); // the owners' and enums' over the simple names, as Kotlin reads them
            return values;
        }

        String packageName() {
            for (int k = 0; k + 1 < tokens.size(); k++) {
                if (tokens.get(k).isIdentifier("package")) {
                    return qualifiedNameAt(k + 1);
                }
            }
            return "";
        }

        /** {@code a.b.c} or {@code a.b.*} from its first identifier; the lexer keeps no line ends, so dots decide. */
        private String qualifiedNameAt(int first) {
            if (first >= tokens.size() || tokens.get(first).kind() != Kind.IDENTIFIER) {
                return "";
            }
            StringBuilder name = new StringBuilder(tokens.get(first).text());
            int next = first + 1;
            while (next + 1 < tokens.size() && tokens.get(next).is(".")
                    && (tokens.get(next + 1).kind() == Kind.IDENTIFIER || tokens.get(next + 1).is("*"))) {
                name.append('.').append(tokens.get(next + 1).text());
                next += 2;
            }
            return name.toString();
        }

        /** {@code a.b.c} from its first identifier. */
        private String chainAt(int index) {
            StringBuilder chain = new StringBuilder(tokens.get(index).text());
            int next = index + 1;
            while (next + 1 < tokens.size() && tokens.get(next).is(".")
                    && tokens.get(next + 1).kind() == Kind.IDENTIFIER) {
                chain.append('.').append(tokens.get(next + 1).text());
                next += 2;
            }
            return chain.toString();
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
                    String sql = FormatTemplates.filled(value.text().strip());
                    if (classifier.isSql(sql)) {
                        patterns.add(new AccessPattern(sql, origin, ID, KotlinNullArguments.of(tokens, i, sql)));
                        statements.put(start, sql);
                    } else if (classifier.looksLikeSql(sql)) {
                        notChecked.add(new UnresolvedSql(origin, fragment, "JSqlParser cannot parse it"));
                    }
                } else {
                    UnresolvedSql place = classifier.looksLikeSql(value.literalTail())
                            ? new UnresolvedSql(origin, fragment, "built at run time from "
                            + String.join(", ", new LinkedHashSet<>(value.dynamic()))) : null;
                    if (place != null) {
                        notChecked.add(place);
                    }
                    if (value.dynamic().stream().anyMatch(KotlinStringExtractor::mayBeConstant)) {
                        // Tokens up to a trimIndent()/trimMargin() call after the expression, out of the file.
                        List<Token> slice = List.copyOf(tokens.subList(start, Math.min(tokens.size(), i + 5)));
                        deferred.add(new Deferred(slice, packageName(), imports(), origin, fragment, place));
                    }
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
                    String chain = chainAt(index);
                    Optional<String> constant = Optional.ofNullable(locals.get(token.text()))
                            .filter(v -> chain.equals(token.text()))
                            .or(() -> constantValue(chain));
                    if (constant.isPresent()) {
                        text.append(constant.get());
                        tail.append(constant.get());
                    } else {
                        dynamic.add(chain);
                        tail.append(" x ");
                    }
                    continue;
                }
                StringBuilder value = new StringBuilder();
                for (Part part : token.parts()) {
                    Optional<String> resolved = !part.template() ? Optional.of(part.text())
                            : PARAMETER_LIST.matcher(part.text()).matches() ? Optional.of("?")
                            : Optional.ofNullable(locals.get(part.text())).or(() -> constantValue(part.text()));
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
            if (enumEntries.containsKey(name)) {
                return Optional.of(enumEntries.get(name));
            }
            Integer start = constants.containsKey(name) ? constants.get(name) : qualified.get(name);
            if (start == null) {
                return outside.apply(name);
            }
            if (!evaluating.add(name)) {
                return Optional.empty(); // a cycle, which does not compile
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
            // The object, companion's class or enum each brace opens, so that a member is known as Owner.NAME.
            java.util.Deque<String> owners = new java.util.ArrayDeque<>();
            String pendingOwner = null;
            // The parentheses the owner's name stands in: its body's brace is at the same depth, after a primary
            // constructor's (class OppfolgingsStatusRepository(private val db: JdbcTemplate) { companion object ...).
            int parentheses = 0;
            int pendingDepth = 0;
            TypeNesting types = new TypeNesting();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                types.see(tokens, i);
                if ((token.isIdentifier("object") || token.isIdentifier("class")) && i + 1 < tokens.size()
                        && tokens.get(i + 1).kind() == Kind.IDENTIFIER && !isKeyword(tokens.get(i + 1).text())) {
                    pendingOwner = tokens.get(i + 1).text();
                    pendingDepth = parentheses;
                    if (i > 0 && tokens.get(i - 1).isIdentifier("enum")) {
                        enumEntries(i + 2, pendingOwner, types.enclosing());
                    }
                } else if (token.isIdentifier("companion") && i + 1 < tokens.size()
                        && tokens.get(i + 1).isIdentifier("object")) {
                    pendingOwner = owners.isEmpty() ? null : owners.peek(); // Owner.NAME, as Kotlin reads it
                    pendingDepth = parentheses;
                    i++;
                } else if (token.is("{")) {
                    owners.push(pendingOwner != null && parentheses == pendingDepth ? pendingOwner
                            : owners.isEmpty() ? "" : "\u0000");
                    pendingOwner = null;
                } else if (token.is("}") && !owners.isEmpty()) {
                    owners.pop();
                } else if (token.is("(")) {
                    parentheses++;
                } else if (token.is(")")) {
                    parentheses = Math.max(0, parentheses - 1);
                } else if (parentheses == pendingDepth && (token.isIdentifier("fun") || token.is("=")
                        || token.isIdentifier("val") || token.isIdentifier("var"))) {
                    pendingOwner = null; // a class without a body: the next brace is someone else's
                }
                boolean constant = token.isIdentifier("const") && i + 1 < tokens.size()
                        && tokens.get(i + 1).isIdentifier("val");
                // A val named as a constant, at the top level or in an object: the conventions of Kotlin code.
                boolean upperVal = token.isIdentifier("val") && !(i > 0 && tokens.get(i - 1).isIdentifier("const"))
                        && i + 1 < tokens.size() && tokens.get(i + 1).text().matches("[A-Z][A-Z0-9_]*")
                        && (owners.isEmpty() || !owners.peek().equals("\u0000"));
                int name = constant ? i + 2 : upperVal ? i + 1 : -1;
                if (name < 0 || name + 1 >= tokens.size() || tokens.get(name).kind() != Kind.IDENTIFIER) {
                    continue;
                }
                int equals = name + 1;
                if (tokens.get(equals).is(":") && equals + 2 < tokens.size()) {
                    equals += 2;
                }
                if (equals + 1 < tokens.size() && tokens.get(equals).is("=") && isOperand(equals + 1)) {
                    String simple = tokens.get(name).text();
                    String owner = owners.isEmpty() ? "" : owners.peek();
                    if (owner.isEmpty()) {
                        constants.putIfAbsent(simple, equals + 1);
                    } else if (!owner.equals("\u0000")) {
                        qualified.putIfAbsent(owner + "." + simple, equals + 1);
                        constants.putIfAbsent(simple, equals + 1); // used unqualified inside its object
                    }
                }
            }
        }

        /**
         * {@code enum class Kind { A, B(1), C; ... }}: entries whose text is their name, known as {@code Kind.A} and,
         * when nested, by the types around it ({@code Dao.Statistikk.Kind.A}), as an import names it.
         */
        private void enumEntries(int from, String type, String enclosing) {
            int open = from;
            while (open < tokens.size() && !tokens.get(open).is("{")) {
                open++;
            }
            int depth = 0;
            for (int k = open + 1; k < tokens.size(); k++) {
                Token token = tokens.get(k);
                if (token.is("(") || token.is("{")) {
                    depth++;
                } else if (token.is(")") || token.is("}")) {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                } else if (depth == 0 && token.is(";")) {
                    return;
                } else if (depth == 0 && token.kind() == Kind.IDENTIFIER
                        && (k == open + 1 || tokens.get(k - 1).is(","))) {
                    enumEntries.put(type + "." + token.text(), token.text());
                    if (!enclosing.isEmpty()) {
                        enumEntries.put(enclosing + "." + type + "." + token.text(), token.text());
                    }
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
                imports.add(qualifiedNameAt(k + 1));
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
            String oneLine = OneLine.of(text);
            return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 159) + "…";
        }
    }

    /**
     * <code>${ids.joinToString { "?" }}</code>: one parameter per element of a list, read with one element, as MyBatis's
     * {@code <foreach>} and jDBI's {@code <ids>} are.
     */
    private static final java.util.regex.Pattern PARAMETER_LIST = java.util.regex.Pattern.compile(
            "\\s*[\\w.]+\\s*\\.\\s*joinToString\\s*(\\(\\s*(separator\\s*=\\s*)?\"[^\"]*\"\\s*\\))?\\s*\\{\\s*\"\\?\"\\s*}\\s*");

    /** {@code GODKJENNING}, {@code Kind.BOTH}, <code>${Tables.ORDERS}</code>: named as Kotlin names constants. */
    private static boolean mayBeConstant(String dynamic) {
        String name = dynamic.startsWith("${") && dynamic.endsWith("}") ? dynamic.substring(2, dynamic.length() - 1)
                : dynamic;
        return name.matches("([A-Z][A-Za-z0-9_]*\\.)*[A-Z][A-Z0-9_]*");
    }

    private static boolean isKeyword(String word) {
        return Set.of("if", "else", "when", "return", "val", "var", "fun", "in", "is", "as", "null", "true", "false")
                .contains(word);
    }
}
