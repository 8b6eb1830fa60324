package io.switchover.patterns.kotlin;

import io.switchover.patterns.JavaMigrationSources;
import io.switchover.patterns.MigrationClassSource;
import io.switchover.patterns.MigrationSourceSql;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.kotlin.KotlinLexer.Kind;
import io.switchover.patterns.kotlin.KotlinLexer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Kotlin Flyway migrations from their source, as {@link JavaMigrationSources} does Java ones: the top-level
 * classes a file declares with their supertypes and a literal {@code getVersion()}/{@code getDescription()}, and the
 * SQL {@code migrate} executes. Values come from {@link KotlinStringExtractor}'s evaluation (strings, raw strings,
 * {@code trimIndent()}, {@code const val} templates), plus the {@code val}s of the function that is walked and the
 * parameters of a function of the file that it calls with known strings. The walk goes through {@code migrate} in
 * token order and into the functions of the file it calls; a string handed to any call that reads as a statement is
 * taken; a SQL-running call ({@code execute}, {@code queryOf}, {@code update}...) whose string is known only at run
 * time makes the whole migration unknown.
 */
public final class KotlinMigrationSources {
    private static final Set<String> NOT_SQL = Set.of("format", "printf", "trace", "debug", "info", "warn", "error",
            "println", "print", "append", "equals", "contains", "startsWith", "endsWith", "matches", "replace", "split",
            "log", "logger", "require", "check", "IllegalStateException", "IllegalArgumentException",
            "RuntimeException");
    private static final Set<String> MODIFIERS = Set.of("abstract", "open", "internal", "private", "public",
            "protected", "data", "enum", "sealed", "annotation", "inner", "value", "final", "expect", "actual");
    private static final Pattern KEYWORD = Pattern.compile("(?is)^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*(CREATE|ALTER|DROP"
            + "|INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE|TRUNCATE|COMMENT|GRANT|REVOKE|SELECT|WITH|RENAME|DO|SET|CALL"
            + "|REINDEX|VACUUM|ANALYZE|LOCK|REFRESH|EXEC|EXECUTE|DECLARE|BEGIN)\\s+\\S.*");
    private static final Pattern DDL = Pattern.compile("(?is)^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*(CREATE|ALTER|DROP)"
            + "\\s+(OR\\s+REPLACE\\s+)?(UNIQUE\\s+|TEMP\\s+|TEMPORARY\\s+|UNLOGGED\\s+|MATERIALIZED\\s+)?(TABLE|VIEW"
            + "|INDEX|SEQUENCE|TYPE|FUNCTION|TRIGGER|SCHEMA|EXTENSION|PROCEDURE|DOMAIN|CONSTRAINT)\\b.*");
    private static final int MAX_DEPTH = 24;

    private final KotlinStringExtractor strings;
    private final SqlStatementClassifier classifier = new SqlStatementClassifier();
    private final Map<String, File> files = new HashMap<>();

    public KotlinMigrationSources() {
        this.strings = new KotlinStringExtractor(classifier);
    }

    /** A function of the file: its parameters, and where its body is ([from, to) tokens). */
    private record Function(String name, List<String> parameters, int from, int to) {
    }

    /** One file, tokenized once. */
    private static final class File {
        final KotlinStringExtractor.FileScan scan;
        final List<Token> tokens;
        final String pkg;
        final Map<String, List<Function>> functions = new HashMap<>();

        File(KotlinStringExtractor.FileScan scan) {
            this.scan = scan;
            this.tokens = scan.tokens;
            StringBuilder name = new StringBuilder();
            for (int k = 0; k + 1 < tokens.size(); k++) {
                if (tokens.get(k).isIdentifier("package")) {
                    for (int j = k + 1; j < tokens.size() && (tokens.get(j).kind() == Kind.IDENTIFIER
                            || tokens.get(j).is(".")); j++) {
                        if (tokens.get(j).kind() == Kind.IDENTIFIER && j > k + 1 && !tokens.get(j - 1).is(".")) {
                            break;
                        }
                        name.append(tokens.get(j).text());
                    }
                    break;
                }
            }
            this.pkg = name.toString();
        }
    }

    /** The top-level classes of a Kotlin file. */
    public List<MigrationClassSource> declaredIn(String path, String text) {
        File file = file(path, text);
        List<Token> tokens = file.tokens;
        List<String> imports = imports(tokens);
        List<MigrationClassSource> found = new ArrayList<>();
        int depth = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.is("{")) {
                depth++;
            } else if (token.is("}")) {
                depth--;
            }
            if (depth != 0 || !token.isIdentifier("class") || k + 1 >= tokens.size()
                    || tokens.get(k + 1).kind() != Kind.IDENTIFIER || k > 0 && tokens.get(k - 1).is(":")) {
                continue;
            }
            boolean concrete = true;
            for (int m = k - 1; m >= 0 && tokens.get(m).kind() == Kind.IDENTIFIER
                    && MODIFIERS.contains(tokens.get(m).text()); m--) {
                concrete &= !Set.of("abstract", "sealed", "enum", "annotation").contains(tokens.get(m).text());
            }
            String name = tokens.get(k + 1).text();
            int at = skipBalanced(tokens, k + 2, "<", ">");
            while (at < tokens.size() && tokens.get(at).kind() == Kind.IDENTIFIER
                    && !tokens.get(at).isIdentifier("constructor")) {
                at++; // annotations or modifiers of the primary constructor
            }
            if (at < tokens.size() && tokens.get(at).isIdentifier("constructor")) {
                at++;
            }
            at = skipBalanced(tokens, at, "(", ")");
            List<String> supertypes = new ArrayList<>();
            if (at < tokens.size() && tokens.get(at).is(":")) {
                at++;
                while (at < tokens.size() && tokens.get(at).kind() == Kind.IDENTIFIER) {
                    StringBuilder supertype = new StringBuilder(tokens.get(at).text());
                    at++;
                    while (at + 1 < tokens.size() && tokens.get(at).is(".") && tokens.get(at + 1).kind() == Kind.IDENTIFIER) {
                        supertype.append('.').append(tokens.get(at + 1).text());
                        at += 2;
                    }
                    supertypes.add(resolve(supertype.toString(), imports, file.pkg));
                    at = skipBalanced(tokens, at, "<", ">");
                    at = skipBalanced(tokens, at, "(", ")");
                    if (at < tokens.size() && tokens.get(at).isIdentifier("by")) {
                        at += 2;
                    }
                    if (at < tokens.size() && tokens.get(at).is(",")) {
                        at++;
                    } else {
                        break;
                    }
                }
            }
            int open = at;
            while (open < tokens.size() && !tokens.get(open).is("{") && !tokens.get(open).isIdentifier("class")) {
                open++;
            }
            int close = open < tokens.size() && tokens.get(open).is("{") ? matching(tokens, open) : open;
            Optional<Function> getVersion = function(file, "getVersion", open, close);
            Optional<String> version = getVersion.flatMap(f -> versionLiteral(file, f));
            found.add(new MigrationClassSource(file.pkg, name, path, token.line(), concrete, supertypes, version,
                    function(file, "getDescription", open, close).flatMap(f -> firstString(file, f)), Optional.empty(),
                    getVersion.isPresent() && version.isEmpty()));
        }
        return found;
    }

    /** Whether the class names Flyway's Java migration types among its supertypes (Kotlin files are not followed). */
    public JavaMigrationSources.Reach reachesFlyway(MigrationClassSource source) {
        for (String supertype : source.supertypes()) {
            String simple = supertype.substring(supertype.lastIndexOf('.') + 1);
            if (supertype.startsWith("org.flywaydb.") || Set.of("BaseJavaMigration", "JavaMigration").contains(simple)
                    && !supertype.contains(".")) {
                return JavaMigrationSources.Reach.YES;
            }
        }
        return source.supertypes().isEmpty() ? JavaMigrationSources.Reach.NO : JavaMigrationSources.Reach.UNKNOWN;
    }

    /** The SQL the class's {@code migrate} executes, in order. */
    public MigrationSourceSql sqlOf(MigrationClassSource source) {
        File file = files.get(source.path());
        if (file == null) {
            return MigrationSourceSql.unknown("its source was not read");
        }
        int start = -1;
        for (int k = 0; k + 1 < file.tokens.size(); k++) {
            if (file.tokens.get(k).isIdentifier("class") && file.tokens.get(k + 1).isIdentifier(source.simpleName())) {
                start = k;
                break;
            }
        }
        int open = start;
        while (open >= 0 && open < file.tokens.size() && !file.tokens.get(open).is("{")) {
            open++;
        }
        if (start < 0 || open >= file.tokens.size()) {
            return MigrationSourceSql.unknown("its migrate function is not in its source");
        }
        Optional<Function> migrate = function(file, "migrate", open, matching(file.tokens, open));
        if (migrate.isEmpty()) {
            return MigrationSourceSql.unknown("its migrate function is not in its source (it extends "
                    + String.join(", ", source.supertypes()) + ")");
        }
        Walk walk = new Walk(file, source.path());
        walk.body(migrate.get(), Map.of());
        if (walk.unknown != null) {
            return MigrationSourceSql.unknown(walk.unknown);
        }
        boolean empty = migrate.get().to - migrate.get().from <= 2;
        if (walk.found.isEmpty() && !empty) {
            return MigrationSourceSql.unknown("its source hands no SQL to a call the gate knows (execute, queryOf,"
                    + " update...)");
        }
        return new MigrationSourceSql(walk.found, Optional.empty());
    }

    private final class Walk {
        private final File file;
        private final String path;
        private final List<MigrationSourceSql.Statement> found = new ArrayList<>();
        private final Set<Function> active = new HashSet<>();
        private String unknown;

        Walk(File file, String path) {
            this.file = file;
            this.path = path;
        }

        /** @param bound the parameters' values; a null value is a string known only at run time */
        void body(Function function, Map<String, String> bound) {
            if (!active.add(function) || active.size() > MAX_DEPTH) {
                return;
            }
            List<Token> tokens = file.tokens;
            Map<String, String> locals = new HashMap<>(bound);
            Set<String> dynamic = new HashSet<>();
            bound.forEach((name, value) -> {
                if (value == null) {
                    dynamic.add(name);
                }
            });
            locals.values().removeIf(java.util.Objects::isNull);
            for (String parameter : function.parameters()) {
                if (!bound.containsKey(parameter)) {
                    dynamic.add(parameter);
                }
            }
            for (int k = function.from(); k < function.to() && unknown == null; k++) {
                Token token = tokens.get(k);
                if (token.isIdentifier("val") || token.isIdentifier("var")) {
                    local(k, function.to(), locals, dynamic);
                    continue;
                }
                if (token.kind() != Kind.IDENTIFIER || k + 1 >= function.to() || !tokens.get(k + 1).is("(")
                        || k > 0 && tokens.get(k - 1).isIdentifier("fun")) {
                    continue;
                }
                int close = matching(tokens, k + 1);
                List<int[]> arguments = arguments(tokens, k + 1, close);
                boolean own = k == 0 || !tokens.get(k - 1).is(".")
                        || k > 1 && tokens.get(k - 2).isIdentifier("this");
                List<Function> callees = file.functions.getOrDefault(token.text(), List.of());
                Optional<Function> callee = own ? callees.stream()
                        .filter(f -> f.parameters().size() == arguments.size()).findFirst() : Optional.empty();
                if (callee.isPresent()) {
                    Map<String, String> values = new HashMap<>();
                    for (int a = 0; a < arguments.size(); a++) {
                        Optional<String> value = value(arguments.get(a), locals, dynamic).text();
                        values.put(callee.get().parameters().get(a), value.orElse(null));
                    }
                    body(callee.get(), values);
                    continue;
                }
                if (NOT_SQL.contains(token.text())) {
                    k = close;
                    continue;
                }
                boolean runsSql = JavaMigrationSources.SQL_CALLS.contains(token.text());
                for (int[] argument : arguments) {
                    Value value = value(argument, locals, dynamic);
                    if (value.text().isPresent()) {
                        String sql = value.text().get().strip();
                        if (runsSql ? KEYWORD.matcher(sql).matches()
                                : DDL.matcher(sql).matches() || classifier.looksLikeSql(sql)) {
                            found.add(new MigrationSourceSql.Statement(sql, tokens.get(argument[0]).line()));
                        }
                    } else if (value.stringish() && runsSql) {
                        unknown = "the SQL it hands to " + token.text() + "(...) at " + path + ":" + token.line()
                                + " is built at run time";
                        return;
                    }
                    if (value.stringish()) {
                        break; // the statement is the first string; the others are values
                    }
                }
            }
            active.remove(function);
        }

        /** {@code val name = <string expression>}: its value, or that it is a string only known at run time. */
        private void local(int k, int end, Map<String, String> locals, Set<String> dynamic) {
            List<Token> tokens = file.tokens;
            if (k + 2 >= end || tokens.get(k + 1).kind() != Kind.IDENTIFIER) {
                return;
            }
            String name = tokens.get(k + 1).text();
            int equals = k + 2;
            if (tokens.get(equals).is(":")) {
                equals++;
                while (equals < end && !tokens.get(equals).is("=")) {
                    if (tokens.get(equals).kind() != Kind.IDENTIFIER && !tokens.get(equals).is(".")
                            && !tokens.get(equals).is("?") && !tokens.get(equals).is("<") && !tokens.get(equals).is(">")) {
                        break;
                    }
                    equals++;
                }
            }
            if (equals + 1 >= end || !tokens.get(equals).is("=")) {
                return;
            }
            int from = equals + 1;
            int to = statementEnd(tokens, from, end);
            Value value = value(new int[] {from, to}, locals, dynamic);
            locals.remove(name);
            dynamic.remove(name);
            if (value.text().isPresent()) {
                locals.put(name, value.text().get());
            } else if (value.stringish()) {
                dynamic.add(name);
            }
        }

        /** The value of the tokens [from, to): a string expression, or what may be one. */
        private Value value(int[] range, Map<String, String> locals, Set<String> dynamic) {
            List<Token> tokens = file.tokens;
            int from = range[0];
            int to = range[1];
            // a named argument: statement = "..."
            if (to - from > 2 && tokens.get(from).kind() == Kind.IDENTIFIER && tokens.get(from + 1).is("=")
                    && !tokens.get(from + 2).is("=")) {
                from += 2;
            }
            if (from >= to) {
                return Value.NONE;
            }
            Token first = tokens.get(from);
            boolean startsString = first.kind() == Kind.STRING || first.kind() == Kind.IDENTIFIER;
            if (startsString) {
                List<Integer> operands = new ArrayList<>();
                int end = file.scan.expression(from, operands);
                if (end == to) {
                    if (operands.size() == 1 && first.kind() == Kind.IDENTIFIER) {
                        if (dynamic.contains(first.text())) {
                            return Value.DYNAMIC;
                        }
                        if (!locals.containsKey(first.text())) {
                            if (Set.of("null", "true", "false", "it", "this").contains(first.text())) {
                                return Value.NONE;
                            }
                            KotlinStringExtractor.Value constant = file.scan.evaluate(operands, locals);
                            // a name the file does not define: a value of any type, a string as likely as not
                            return constant.resolved() ? Value.of(constant.text()) : Value.DYNAMIC;
                        }
                    }
                    boolean usesDynamic = operands.stream().anyMatch(i -> usesAny(tokens.get(i), dynamic));
                    KotlinStringExtractor.Value value = file.scan.evaluate(operands, locals);
                    boolean hasString = operands.stream().anyMatch(i -> tokens.get(i).kind() == Kind.STRING)
                            || operands.stream().anyMatch(i -> locals.containsKey(tokens.get(i).text()));
                    if (value.resolved() && !usesDynamic) {
                        return hasString ? Value.of(value.text()) : Value.NONE;
                    }
                    return hasString || usesDynamic ? Value.DYNAMIC : Value.NONE;
                }
            }
            for (int k = from; k < to; k++) {
                if (tokens.get(k).kind() == Kind.STRING && tokens.get(k).parts().stream().anyMatch(p -> !p.template()
                        && !p.text().isBlank())) {
                    return Value.DYNAMIC; // a string built by calls: String.format, buildString, joinToString...
                }
            }
            return Value.NONE;
        }

        private boolean usesAny(Token token, Set<String> names) {
            if (token.kind() == Kind.IDENTIFIER) {
                return names.contains(token.text());
            }
            return token.kind() == Kind.STRING && token.parts().stream()
                    .anyMatch(p -> p.template() && names.contains(p.text()));
        }
    }

    /** A value as far as the source tells: known text, or known to be a string only at run time. */
    private record Value(Optional<String> text, boolean stringish) {
        static final Value NONE = new Value(Optional.empty(), false);
        static final Value DYNAMIC = new Value(Optional.empty(), true);

        static Value of(String text) {
            return new Value(Optional.of(text), true);
        }
    }

    private File file(String path, String text) {
        return files.computeIfAbsent(path, p -> {
            File file = new File(strings.open(p, text));
            functions(file);
            return file;
        });
    }

    /** Every {@code fun} of the file, by name. */
    private static void functions(File file) {
        List<Token> tokens = file.tokens;
        for (int k = 0; k + 2 < tokens.size(); k++) {
            if (!tokens.get(k).isIdentifier("fun")) {
                continue;
            }
            int at = skipBalanced(tokens, k + 1, "<", ">");
            // an extension function: fun Type.name(
            while (at + 2 < tokens.size() && tokens.get(at).kind() == Kind.IDENTIFIER && tokens.get(at + 1).is(".")) {
                at += 2;
            }
            if (at + 1 >= tokens.size() || tokens.get(at).kind() != Kind.IDENTIFIER || !tokens.get(at + 1).is("(")) {
                continue;
            }
            String name = tokens.get(at).text();
            int close = matching(tokens, at + 1);
            List<String> parameters = new ArrayList<>();
            for (int[] parameter : arguments(tokens, at + 1, close)) {
                int p = parameter[0];
                while (p < parameter[1] && (tokens.get(p).is("@") || MODIFIERS.contains(tokens.get(p).text())
                        || tokens.get(p).isIdentifier("vararg"))) {
                    p++;
                }
                if (p < parameter[1] && tokens.get(p).kind() == Kind.IDENTIFIER) {
                    parameters.add(tokens.get(p).text());
                }
            }
            int body = close + 1;
            while (body < tokens.size() && !tokens.get(body).is("{") && !tokens.get(body).is("=")
                    && !tokens.get(body).isIdentifier("fun") && !tokens.get(body).is("}")) {
                body++;
            }
            if (body >= tokens.size()) {
                continue;
            }
            int from;
            int to;
            if (tokens.get(body).is("{")) {
                from = body + 1;
                to = matching(tokens, body);
            } else if (tokens.get(body).is("=")) {
                from = body + 1;
                to = statementEnd(tokens, from, tokens.size());
            } else {
                continue;
            }
            file.functions.computeIfAbsent(name, n -> new ArrayList<>()).add(new Function(name, parameters, from, to));
        }
    }

    private static Optional<Function> function(File file, String name, int from, int to) {
        return file.functions.getOrDefault(name, List.of()).stream()
                .filter(f -> f.from() > from && f.to() <= to).findFirst();
    }

    private static Optional<String> versionLiteral(File file, Function function) {
        for (int k = function.from(); k + 2 < function.to(); k++) {
            if (file.tokens.get(k).isIdentifier("fromVersion") && file.tokens.get(k + 1).is("(")) {
                Token argument = file.tokens.get(k + 2);
                if (argument.kind() == Kind.STRING && argument.parts().size() == 1 && !argument.parts().get(0).template()) {
                    return Optional.of(argument.parts().get(0).text());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstString(File file, Function function) {
        for (int k = function.from(); k < function.to(); k++) {
            Token token = file.tokens.get(k);
            if (token.kind() == Kind.STRING) {
                return token.parts().size() == 1 && !token.parts().get(0).template()
                        ? Optional.of(token.parts().get(0).text()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Where an expression that starts at {@code from} ends: the end of its line's statement, roughly. */
    private static int statementEnd(List<Token> tokens, int from, int end) {
        int depth = 0;
        int line = tokens.get(Math.min(from, tokens.size() - 1)).line();
        for (int k = from; k < end; k++) {
            Token token = tokens.get(k);
            if (token.is("(") || token.is("[") || token.is("{")) {
                depth++;
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                if (depth == 0) {
                    return k;
                }
                depth--;
            } else if (depth == 0 && k > from && token.line() > line && !tokens.get(k - 1).is("+")
                    && !token.is(".") && !token.is("+") && !token.is("?")) {
                return k;
            } else if (depth == 0 && (token.is(";"))) {
                return k;
            }
            line = token.line() + (int) token.text().chars().filter(c -> c == '\n').count();
        }
        return end;
    }

    /** The ranges [from, to) of the comma-separated arguments between the parenthesis at {@code open} and {@code close}. */
    private static List<int[]> arguments(List<Token> tokens, int open, int close) {
        List<int[]> arguments = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int k = open + 1; k < close; k++) {
            Token token = tokens.get(k);
            if (token.is("(") || token.is("[") || token.is("{")) {
                depth++;
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                depth--;
            } else if (token.is(",") && depth == 0) {
                if (k > start) {
                    arguments.add(new int[] {start, k});
                }
                start = k + 1;
            }
        }
        if (close > start) {
            arguments.add(new int[] {start, close});
        }
        return arguments;
    }

    /** The index of the bracket that closes the one at {@code open} (or the end). */
    private static int matching(List<Token> tokens, int open) {
        String opening = tokens.get(open).text();
        String closing = opening.equals("(") ? ")" : opening.equals("[") ? "]" : "}";
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (tokens.get(k).is(opening)) {
                depth++;
            } else if (tokens.get(k).is(closing) && --depth == 0) {
                return k;
            }
        }
        return tokens.size();
    }

    /** Past a bracketed group that starts at {@code at}, or {@code at} when none does. */
    private static int skipBalanced(List<Token> tokens, int at, String opening, String closing) {
        if (at >= tokens.size() || !tokens.get(at).is(opening)) {
            return at;
        }
        int depth = 0;
        for (int k = at; k < tokens.size(); k++) {
            if (tokens.get(k).is(opening)) {
                depth++;
            } else if (tokens.get(k).is(closing) && --depth == 0) {
                return k + 1;
            }
        }
        return tokens.size();
    }

    /** The file's imports, each {@code a.b.C} or {@code a.b.*} (an alias's target is kept, the alias dropped). */
    private static List<String> imports(List<Token> tokens) {
        List<String> imports = new ArrayList<>();
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (!tokens.get(k).isIdentifier("import") || k > 0 && tokens.get(k - 1).is(".")) {
                continue;
            }
            StringBuilder name = new StringBuilder();
            int j = k + 1;
            boolean dot = true;
            while (j < tokens.size() && (dot && (tokens.get(j).kind() == Kind.IDENTIFIER || tokens.get(j).is("*"))
                    || !dot && tokens.get(j).is("."))) {
                name.append(tokens.get(j).text());
                dot = tokens.get(j).is(".");
                j++;
            }
            imports.add(name.toString());
        }
        return imports;
    }

    private static String resolve(String written, List<String> imports, String pkg) {
        String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
        for (String imported : imports) {
            if (imported.endsWith("." + first)) {
                return imported + written.substring(first.length());
            }
        }
        for (String imported : imports) {
            if (imported.endsWith(".*") && imported.startsWith("org.flywaydb.")
                    && Set.of("BaseJavaMigration", "JavaMigration").contains(written)) {
                return "org.flywaydb.core.api.migration." + written;
            }
        }
        return written;
    }
}
