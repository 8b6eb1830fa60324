package io.switchover.mentions;

import io.switchover.mentions.Mention.Context;
import io.switchover.mentions.SourceSpans.FileKind;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.ServiceVersion;
import io.switchover.sql.LineIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds, in one file of a production version, the places that name a changed object the way code names what it uses:
 * as a word (the database's case rules: unquoted names fold, so {@code ALICE} is {@code alice}; quoted and
 * schema-qualified forms are words too) in a string that is a name or SQL, in SQL text, in markup and configuration
 * values, and, in a file that uses jOOQ, as jOOQ's generated names. Values are matched exactly, in strings, as SQL
 * literals, and as constants of enums that mirror the database's list. Comments and prose do not count.
 */
final class MentionScanner {
    private static final Pattern NAME_LIST = Pattern.compile(
            "\\s*(?:[\"`\\[]?[\\w$]+[\"`\\]]?\\.)*[\"`\\[]?[\\w$]+[\"`\\]]?"
                    + "(?:\\s*,\\s*(?:[\"`\\[]?[\\w$]+[\"`\\]]?\\.)*[\"`\\[]?[\\w$]+[\"`\\]]?)*\\s*");
    private static final Pattern SQL_WORD = Pattern.compile("(?i)\\b(select|insert|update|delete|from|where|join|into"
            + "|values|set|returning|order\\s+by|group\\s+by|alter|create|drop|merge|upsert|conflict|nextval|call"
            + "|exec|execute|table|column|cast)\\b");
    private static final Pattern SQL_SIGN = Pattern.compile("[=?*(]|:[a-zA-Z_]");
    private static final int MAX_CODE = 160;
    /** {@code import com.example.jooq.tables.Borrower;}, {@code ...tables.records.BorrowerRecord}, pojos and daos. */
    private static final Pattern GENERATED_IMPORT = Pattern.compile(
            "(?m)^\\s*import\\s+[\\w.]+\\.tables(?:\\.records|\\.pojos|\\.daos)?\\.(\\w+)\\s*;?\\s*$");
    /** Lines that only name what the rest of the file uses: the uses are the places. */
    private static final Pattern DECLARATION_LINE = Pattern.compile("^(import|package)\\s.*");
    /** What stands between two literals of one chain: a {@code +}, and perhaps constants joined by more. */
    private static final Pattern CONCATENATION = Pattern.compile("\\s*\\+\\s*(?:[\\w.$]+(?:\\(\\))?\\s*\\+\\s*)*");

    private final MentionTargets targets;

    MentionScanner(MentionTargets targets) {
        this.targets = targets;
    }

    List<Mention> scan(ServiceVersion issuer, String path, String text) {
        FileKind kind = SourceSpans.of(path);
        if (kind == null || targets.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!targets.mayOccurIn(text, lower)) {
            return List.of();
        }
        List<Span> spans = SourceSpans.split(path, text);
        boolean jooq = kind == FileKind.CODE && (text.contains("org.jooq") || text.contains(".tables.Tables")
                || text.contains(".Tables."));
        FileScan scan = new FileScan(issuer, path, text, kind, jooq);
        if (kind == FileKind.CODE) {
            scan.concatenations(spans);
        }
        for (Span span : spans) {
            scan.span(span);
        }
        if (kind == FileKind.CODE && !targets.values.isEmpty()) {
            for (EnumDeclarations.Declared declared : EnumDeclarations.in(text, spans)) {
                scan.enumConstants(declared);
            }
        }
        return scan.mentions();
    }

    /** One file's reading: the mentions found, and which tables of changed columns the file names. */
    private final class FileScan {
        private final ServiceVersion issuer;
        private final String path;
        private final String text;
        private final FileKind kind;
        private final boolean jooq;
        private final LineIndex lines;
        private final List<Found> found = new ArrayList<>();
        private final Set<String> tablesNamed = new HashSet<>();
        /** The simple names of the classes the file imports from jOOQ's generated {@code tables} packages. */
        private final Set<String> generatedTypes = new HashSet<>();
        /** Each span's text (its chain's, for a string) in lower case, as the columns found in it ask for it. */
        private final java.util.Map<Span, String> lowerSpans = new java.util.HashMap<>();
        /** A string literal of a {@code +} chain of literals (and constants) to the whole chain's text. */
        private final java.util.Map<Integer, String> chains = new java.util.HashMap<>();

        FileScan(ServiceVersion issuer, String path, String text, FileKind kind, boolean jooq) {
            this.issuer = issuer;
            this.path = path;
            this.text = text;
            this.kind = kind;
            this.jooq = jooq;
            this.lines = new LineIndex(text);
            if (jooq) {
                var imported = GENERATED_IMPORT.matcher(text);
                while (imported.find()) {
                    generatedTypes.add(imported.group(1));
                }
            }
        }

        /** @param qualifier what stands before the name and a dot ({@code a} of {@code a.id}), or null */
        private record Found(ChangedObject object, int offset, Context context, Span span, String qualifier) {
            Found(ChangedObject object, int offset, Context context, Span span) {
                this(object, offset, context, span, null);
            }
        }

        void span(Span span) {
            if (span.kind() == Span.Kind.IDENTIFIER) {
                if (jooq) {
                    generatedName(span);
                }
                return;
            }
            int i = span.start();
            while (i < span.end()) {
                char c = text.charAt(i);
                if (isWordChar(c)) {
                    int end = i + 1;
                    while (end < span.end() && isWordChar(text.charAt(end))) {
                        end++;
                    }
                    word(span, i, end);
                    i = end;
                } else if (c == '\'' && !targets.values.isEmpty()) {
                    int close = text.indexOf('\'', i + 1);
                    if (close > i && close < span.end()) {
                        literal(span, i + 1, close);
                        i = close + 1;
                    } else {
                        i++;
                    }
                } else {
                    i++;
                }
            }
            if (span.kind() == Span.Kind.STRING && !targets.values.isEmpty()) {
                List<ChangedObject> values = targets.values.get(text.substring(span.start(), span.end()));
                if (values != null) {
                    values.forEach(value -> found.add(new Found(value, span.start(), Context.NAME_STRING, span)));
                }
            }
        }

        private void word(Span span, int start, int end) {
            String word = text.substring(start, end).toLowerCase(Locale.ROOT);
            List<ChangedObject> objects = targets.names.get(word);
            boolean table = targets.tables.contains(word);
            if (objects == null && !table) {
                return;
            }
            Context context = contextAt(span, start);
            if (context == null || context == Context.SQL && afterAs(start)) {
                // In SQL, the name after AS is one the statement gives (pr.duration AS requested_duration_days).
                return;
            }
            if (table) {
                tablesNamed.add(word);
            }
            if (objects != null) {
                String qualifier = qualifierBefore(start);
                objects.forEach(object -> found.add(new Found(object, start, context, span, qualifier)));
            }
        }

        /** Whether the word at {@code start} follows {@code AS} (and perhaps a quote): an alias it defines. */
        private boolean afterAs(int start) {
            int at = start - 1;
            if (at >= 0 && (text.charAt(at) == '"' || text.charAt(at) == '`')) {
                at--;
            }
            if (at < 0 || !Character.isWhitespace(text.charAt(at))) {
                return false;
            }
            while (at >= 0 && Character.isWhitespace(text.charAt(at))) {
                at--;
            }
            return at >= 1 && (text.charAt(at) == 's' || text.charAt(at) == 'S')
                    && (text.charAt(at - 1) == 'a' || text.charAt(at - 1) == 'A')
                    && (at < 2 || !isWordChar(text.charAt(at - 2)));
        }

        /** {@code a} of {@code a.id} or {@code "a"."id"}, or null. */
        private String qualifierBefore(int start) {
            int dot = start - 1;
            if (dot > 0 && (text.charAt(dot) == '"' || text.charAt(dot) == '`')) {
                dot--;
            }
            if (dot <= 0 || text.charAt(dot) != '.') {
                return null;
            }
            int end = dot;
            if (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '`') {
                end--;
            }
            int begin = end;
            while (begin > 0 && isWordChar(text.charAt(begin - 1))) {
                begin--;
            }
            return begin < end ? text.substring(begin, end).toLowerCase(Locale.ROOT) : null;
        }

        /**
         * Whether the SQL around declares {@code qualifier} as the alias of a table other than {@code table}
         * ({@code FROM automatisering a ... a.id} is not {@code arbeidsgiver.id}), or as another table it reads
         * ({@code JOIN bruker ON ... bruker.nav_enhet_id} is not {@code gjennomforing.nav_enhet_id}).
         */
        private boolean aliasOfAnother(Span span, String table, String qualifier) {
            if (qualifier.equals(table)) {
                return false;
            }
            String sql = (span.kind() == Span.Kind.STRING ? stringContent(span) : text.substring(span.start(),
                    span.end())).toLowerCase(Locale.ROOT);
            if (Pattern.compile("(?:from|join|update|into|,)\\s+(?:[\\w$\"`]+\\.)?[\"`]?" + Pattern.quote(qualifier)
                    + "[\"`]?(?![\\w$.])").matcher(sql).find()) {
                return true;
            }
            var declared = Pattern.compile("(?:from|join|update|into|,)\\s+(?:[\\w$\"`]+\\.)?[\"`]?([\\w$]+)[\"`]?"
                    + "\\s+(?:as\\s+)?" + Pattern.quote(qualifier) + "(?![\\w$])").matcher(sql);
            while (declared.find()) {
                if (!declared.group(1).equals(table)) {
                    return true;
                }
            }
            return false;
        }

        /** A {@code 'value'} inside SQL: the probes see the checked ones; others are found here. */
        private void literal(Span span, int start, int end) {
            List<ChangedObject> values = targets.values.get(text.substring(start, end));
            if (values != null && contextAt(span, start) == Context.SQL) {
                values.forEach(value -> found.add(new Found(value, start, Context.SQL, span)));
            }
        }

        /** {@code PERSON}, {@code PERSON.FULL_NAME}, {@code PersonRecord}: jOOQ's names for tables and columns. */
        private void generatedName(Span span) {
            String identifier = text.substring(span.start(), span.end());
            String word = identifier.toLowerCase(Locale.ROOT);
            boolean constant = identifier.equals(identifier.toUpperCase(Locale.ROOT));
            List<ChangedObject> objects = constant ? targets.names.get(word) : null;
            if (constant && targets.tables.contains(word)) {
                tablesNamed.add(word);
            }
            if (objects != null) {
                // PERSON.FULL_NAME: the qualifier is jOOQ's name of the column's own table, or of another's.
                String qualifier = qualifierBefore(span.start());
                for (ChangedObject object : objects) {
                    boolean anotherTables = object.kind() == ChangedObject.Kind.COLUMN && qualifier != null
                            && object.owner() != null && !qualifier.equals(object.owner().toLowerCase(Locale.ROOT))
                            && targets.tables.contains(qualifier);
                    if (!anotherTables) {
                        found.add(new Found(object, span.start(), Context.GENERATED_NAME, span, qualifier));
                    }
                }
            }
            // A class named like the table is jOOQ's only where the file imports it from generated code: a service's
            // own Borrower record keeps its name when the table becomes member.
            if (!constant && (identifier.endsWith("Record") || generatedTypes.contains(identifier))) {
                String bare = identifier.endsWith("Record") ? identifier.substring(0, identifier.length() - 6)
                        : identifier;
                for (List<ChangedObject> named : targets.names.values()) {
                    for (ChangedObject object : named) {
                        boolean relation = object.kind() == ChangedObject.Kind.TABLE
                                || object.kind() == ChangedObject.Kind.VIEW;
                        if (relation && bare.equals(pascal(object.name()))) {
                            found.add(new Found(object, span.start(), Context.GENERATED_NAME, span));
                        }
                    }
                }
            }
        }

        void enumConstants(EnumDeclarations.Declared declared) {
            for (var entry : targets.values.entrySet()) {
                Integer at = declared.constants().get(entry.getKey());
                if (at == null) {
                    continue;
                }
                for (ChangedObject value : entry.getValue()) {
                    Set<String> list = targets.listsBefore.getOrDefault(value.owner(), Set.of());
                    long shared = declared.constants().keySet().stream().filter(list::contains).count();
                    // An enum mirrors the list when most of its constants are the list's values.
                    if (shared >= 2 && shared * 2 >= declared.constants().size()) {
                        found.add(new Found(value, at, Context.ENUM_CONSTANT, new Span(Span.Kind.IDENTIFIER, at,
                                at + entry.getKey().length())));
                    }
                }
            }
        }

        /** How the span names what it holds at {@code offset}; null where it does not count (prose, comments). */
        private Context contextAt(Span span, int offset) {
            if (kind == FileKind.SQL) {
                return Context.SQL;
            }
            if (kind == FileKind.CONFIG) {
                String line = lineAround(span, offset);
                int separator = indexOfSeparator(line);
                String value = separator < 0 ? line : line.substring(separator + 1);
                String unquoted = value.strip().replaceAll("^[\"']|[\"']$", "");
                if (NAME_LIST.matcher(unquoted).matches() || unquoted.matches("[\\w$.,\\s\\[\\]-]+")) {
                    return Context.CONFIGURATION;
                }
                return looksLikeSql(line) ? Context.SQL : null;
            }
            String content = kind == FileKind.CODE && span.kind() == Span.Kind.STRING
                    ? stringContent(span).replace("\\\"", "\"") : lineAround(span, offset);
            if (NAME_LIST.matcher(content).matches()) {
                return Context.NAME_STRING;
            }
            return looksLikeSql(content) ? Context.SQL : null;
        }

        /**
         * Joins the literals of each {@code "a " + "b " + CONSTANT + "c"} chain, so that a piece such as
         * {@code "    last_modified = :lastModified "} is judged as the SQL it is part of.
         */
        void concatenations(List<Span> spans) {
            List<Span> chain = new ArrayList<>();
            int lastOuter = -1;
            for (Span span : spans) {
                if (span.kind() != Span.Kind.STRING || span.outerStart() == lastOuter) {
                    continue;
                }
                lastOuter = span.outerStart();
                if (!chain.isEmpty()) {
                    Span previous = chain.get(chain.size() - 1);
                    String between = text.substring(previous.outerEnd(), span.outerStart()).replace("\"", "");
                    if (!CONCATENATION.matcher(between).matches()) {
                        close(chain);
                    }
                }
                chain.add(span);
            }
            close(chain);
        }

        private void close(List<Span> chain) {
            if (chain.size() > 1) {
                StringBuilder joined = new StringBuilder();
                for (Span part : chain) {
                    joined.append(outerText(part)).append(' ');
                }
                chain.forEach(part -> chains.put(part.outerStart(), joined.toString()));
            }
            chain.clear();
        }

        private String outerText(Span span) {
            String whole = text.substring(span.outerStart(), span.outerEnd());
            return span.isPart() ? SourceSpans.withoutTemplates(whole) : whole;
        }

        /** The whole string a span is part of (its {@code +} chain's), template parts blanked. */
        private String stringContent(Span span) {
            String chain = chains.get(span.outerStart());
            return chain != null ? chain : outerText(span);
        }

        private String lineAround(Span span, int offset) {
            int start = text.lastIndexOf('\n', offset - 1) + 1;
            int end = text.indexOf('\n', offset);
            return text.substring(Math.max(start, span.start()), Math.min(end < 0 ? text.length() : end, span.end()));
        }

        List<Mention> mentions() {
            List<Mention> mentions = new ArrayList<>();
            Set<String> once = new HashSet<>();
            Set<Integer> ownerNamedAt = new HashSet<>();
            for (Found f : found) {
                String owner = f.object().owner();
                if (f.object().kind() == ChangedObject.Kind.COLUMN && owner != null
                        && spanNames(f.span(), owner.toLowerCase(Locale.ROOT))) {
                    ownerNamedAt.add(f.offset());
                }
            }
            for (Found f : found) {
                if (kind == FileKind.CODE && DECLARATION_LINE.matcher(code(f.offset())).matches()) {
                    continue;
                }
                if (f.object().kind() == ChangedObject.Kind.COLUMN && ownerNamedAt.contains(f.offset())
                        && !spanNames(f.span(), f.object().owner().toLowerCase(Locale.ROOT))) {
                    continue; // the SQL around names another table that has a column of that name
                }
                int line = lines.lineOf(f.offset());
                ChangedObject object = f.object();
                if (!once.add(line + " " + object.label() + " " + object.change())) {
                    continue; // one mention per line and object
                }
                String owner = object.owner() == null ? null : object.owner().toLowerCase(Locale.ROOT);
                if (object.kind() == ChangedObject.Kind.COLUMN && f.qualifier() != null
                        && aliasOfAnother(f.span(), owner, f.qualifier())) {
                    continue; // another table's column of that name
                }
                boolean tableNamed = owner != null && tablesNamed.contains(owner);
                boolean sameSpan = owner != null && (spanNames(f.span(), owner)
                        || f.context() == Context.GENERATED_NAME && owner.equals(f.qualifier()));
                boolean viaOwner = object.isValue() && f.context() != Context.ENUM_CONSTANT
                        && !text.startsWith(object.name(), f.offset());
                mentions.add(new Mention(object, issuer, new Origin(path, line), code(f.offset()), f.context(),
                        tableNamed, sameSpan, viaOwner));
            }
            return mentions;
        }

        private boolean spanNames(Span span, String table) {
            String inside = lowerSpans.computeIfAbsent(span, s -> (s.kind() == Span.Kind.STRING ? stringContent(s)
                    : text.substring(s.start(), s.end())).toLowerCase(Locale.ROOT));
            return namesWord(inside, table);
        }

        /** The line the offset is on, as written. */
        private String code(int offset) {
            int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
            int end = text.indexOf('\n', offset);
            String code = text.substring(start, end < 0 ? text.length() : end).strip();
            return code.length() <= MAX_CODE ? code : code.substring(0, MAX_CODE - 1) + "…";
        }
    }

    /** Whether {@code word} stands in {@code text} with no {@code [A-Za-z0-9_$]} on either side. */
    static boolean namesWord(String text, String word) {
        if (word.isEmpty()) {
            return Pattern.compile("(?<![\\w$])(?![\\w$])").matcher(text).find();
        }
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isAsciiWordChar(text.charAt(at - 1)))
                    && (end == text.length() || !isAsciiWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Java's {@code [\w$]}: ASCII letters, digits, {@code _} and {@code $}. */
    private static boolean isAsciiWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }

    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '=') {
                return i;
            }
        }
        return -1;
    }

    /** Two SQL words, or one and the signs of SQL ({@code = ? * (} or a {@code :name}). */
    static boolean looksLikeSql(String text) {
        var words = SQL_WORD.matcher(text);
        Set<String> seen = new HashSet<>();
        while (words.find()) {
            seen.add(words.group(1).toLowerCase(Locale.ROOT));
            if (seen.size() >= 2) {
                return true;
            }
        }
        return seen.size() == 1 && SQL_SIGN.matcher(text).find();
    }

    /** {@code user_google_mfa_credentials} -> {@code UserGoogleMfaCredentials}, as jOOQ names its classes. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
