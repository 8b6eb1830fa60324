package io.switchover.patterns.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads classes and interfaces from Kotlin source without a Kotlin parser: a tokenizer and a forgiving scan for
 * annotations, {@code class}/{@code interface} headers, constructor properties, {@code val}/{@code var} members,
 * {@code const val} strings and {@code fun} declarations. Whatever it does not understand it skips; it never throws
 * on malformed input, it reports the file instead.
 */
final class KotlinSourceReader {

    private static final int MAX_NESTING = 32;
    private static final Set<String> MODIFIERS = Set.of("public", "private", "protected", "internal", "open",
            "abstract", "final", "data", "sealed", "inner", "override", "lateinit", "const", "value", "inline",
            "external", "operator", "infix", "suspend", "tailrec", "vararg", "noinline", "crossinline", "expect",
            "actual", "annotation", "enum");
    private static final Set<String> DECLARATION_STARTS = Set.of("@", "val", "var", "fun", "class", "interface",
            "object", "companion", "init", "constructor", "}", "public", "private", "protected", "internal", "open",
            "abstract", "override", "lateinit", "const", "data", "enum", "sealed", "inner");

    private record Token(String text, Kind kind, int line, boolean lineStart) {
        boolean is(String expected) {
            return kind != Kind.STRING && text.equals(expected);
        }
    }

    private enum Kind { IDENT, STRING, TEMPLATE_STRING, SYMBOL, NUMBER }

    Read read(String path, String source) {
        try {
            Scan scan = new Scan(path, tokenize(source));
            scan.file();
            return new Read(scan.types, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Read(List.of(), "cannot read Kotlin (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The types of the file, or the reason it cannot be read. */
    record Read(List<SourceType> types, String problem) {
    }

    // ---------------------------------------------------------------- tokens

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int line = 1;
        boolean lineStart = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = true;
                i++;
            } else if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int depth = 0;
                do {
                    if (s.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (s.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        line += s.charAt(i) == '\n' ? 1 : 0;
                        i++;
                    }
                } while (depth > 0 && i < s.length());
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end;
                while (end + 3 < s.length() && s.charAt(end + 3) == '"') {
                    end++; // """ab"""" ends with the last three quotes
                }
                String text = s.substring(i + 3, Math.min(end, s.length()));
                tokens.add(new Token(text, hasTemplate(text) ? Kind.TEMPLATE_STRING : Kind.STRING, line, lineStart));
                line += (int) text.chars().filter(ch -> ch == '\n').count();
                i = Math.min(end + 3, s.length());
                lineStart = false;
            } else if (c == '"') {
                i = quotedString(s, i, line, lineStart, tokens);
                lineStart = false;
            } else if (c == '\'') {
                i = charLiteral(s, i, line, lineStart, tokens);
                lineStart = false;
            } else if (c == '`') {
                int end = s.indexOf('`', i + 1);
                end = end < 0 ? s.length() : end;
                tokens.add(new Token(s.substring(i + 1, end), Kind.IDENT, line, lineStart));
                i = Math.min(end + 1, s.length());
                lineStart = false;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i;
                while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(s.substring(i, j), Kind.IDENT, line, lineStart));
                i = j;
                lineStart = false;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(new Token(s.substring(i, j), Kind.NUMBER, line, lineStart));
                i = j;
                lineStart = false;
            } else {
                String symbol = s.startsWith("::", i) ? "::" : s.startsWith("?.", i) ? "?." : String.valueOf(c);
                tokens.add(new Token(symbol, Kind.SYMBOL, line, lineStart));
                i += symbol.length();
                lineStart = false;
            }
        }
        return tokens;
    }

    /**
     * The {@code "..."} string that starts at {@code i}, escapes read, added as one token (a template when it has a
     * {@code $name} or {@code ${...}}); it ends at its closing quote or, unclosed, at the end of the line. Returns
     * where the next token starts.
     */
    private static int quotedString(String s, int i, int line, boolean lineStart, List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        boolean template = false;
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"' && s.charAt(j) != '\n') {
            char d = s.charAt(j);
            if (d == '\\' && j + 1 < s.length()) {
                text.append(unescape(s.charAt(j + 1)));
                j += 2;
                continue;
            }
            if (d == '$' && j + 1 < s.length()
                    && (s.charAt(j + 1) == '{' || Character.isJavaIdentifierStart(s.charAt(j + 1)))) {
                template = true;
            }
            text.append(d);
            j++;
        }
        tokens.add(new Token(text.toString(), template ? Kind.TEMPLATE_STRING : Kind.STRING, line, lineStart));
        return Math.min(j + 1, s.length());
    }

    /** The {@code 'c'} literal that starts at {@code i}, added as a {@code '} symbol; returns what follows it. */
    private static int charLiteral(String s, int i, int line, boolean lineStart, List<Token> tokens) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '\'' && s.charAt(j) != '\n') {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        tokens.add(new Token("'", Kind.SYMBOL, line, lineStart));
        return Math.min(j + 1, s.length());
    }

    private static boolean hasTemplate(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '$' && (text.charAt(i + 1) == '{' || Character.isJavaIdentifierStart(text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    // ---------------------------------------------------------------- declarations

    private static final class Scan {
        private final String path;
        private final List<Token> tokens;
        private final int[] match;
        private final List<SourceType> types = new ArrayList<>();
        private String packageName = "";
        private final List<String> imports = new ArrayList<>();
        private int i;

        Scan(String path, List<Token> tokens) {
            this.path = path;
            this.tokens = tokens;
            this.match = matchBrackets(tokens);
        }

        void file() {
            while (i < tokens.size()) {
                if (at("package")) {
                    i++;
                    packageName = dottedName();
                } else if (at("import")) {
                    i++;
                    String name = dottedName();
                    if (at(".") && i + 1 < tokens.size() && tokens.get(i + 1).is("*")) {
                        name += ".*";
                        i += 2;
                    }
                    imports.add(name);
                } else {
                    break;
                }
            }
            members(i, tokens.size(), null, 0);
        }

        /**
         * Scans the declarations in [from, to). {@code owner} collects the properties and functions of the class whose
         * body this is (null at top level); nested classes become types of their own.
         */
        private void members(int from, int to, Members owner, int depth) {
            i = from;
            List<SourceAnnotation> pending = new ArrayList<>();
            boolean isAbstract = false;
            boolean isConst = false;
            while (i < to) {
                Token token = tokens.get(i);
                if (token.is("@")) {
                    annotation(to).ifPresent(pending::add);
                } else if (token.kind() == Kind.IDENT && MODIFIERS.contains(token.text())) {
                    isAbstract |= token.text().equals("abstract");
                    isConst |= token.text().equals("const");
                    i++;
                } else if (token.is("class") || token.is("interface") || token.is("object")) {
                    boolean companion = i > from && tokens.get(i - 1).is("companion");
                    typeDeclaration(to, pending, isAbstract, token.is("interface"), companion, owner, depth);
                    pending = new ArrayList<>();
                    isAbstract = false;
                    isConst = false;
                } else if ((token.is("val") || token.is("var")) && owner != null) {
                    int line = token.line();
                    i++;
                    property(to, pending, false, isConst, owner, line);
                    pending = new ArrayList<>();
                    isAbstract = false;
                    isConst = false;
                } else if (token.is("fun")) {
                    function(to, pending, owner);
                    pending = new ArrayList<>();
                    isAbstract = false;
                    isConst = false;
                } else if (token.is("{") || token.is("(") || token.is("[")) {
                    i = Math.min(Math.max(match[i], i) + 1, to); // an init block or an expression: not declarations
                    pending = new ArrayList<>();
                } else {
                    i++;
                }
            }
            i = to;
        }

        private void typeDeclaration(int to, List<SourceAnnotation> annotations, boolean isAbstract,
                                     boolean isInterface, boolean companion, Members outer, int depth) {
            int line = tokens.get(i).line();
            i++;
            String name = companion ? "Companion" : "";
            if (i < to && tokens.get(i).kind() == Kind.IDENT && !at("{") && !at(":")) {
                name = tokens.get(i).text();
                line = tokens.get(i).line();
                i++;
            }
            skipTypeParameters(to);
            Members members = new Members();
            // primary constructor: optional annotations / modifiers / "constructor", then (...)
            int save = i;
            while (i < to && (at("@") || at("constructor") || isModifier())) {
                if (at("@")) {
                    annotation(to);
                } else {
                    i++;
                }
            }
            if (at("(")) {
                int close = closing(i, to);
                constructorParameters(i + 1, close, members);
                i = Math.min(close + 1, to);
            } else {
                i = save;
            }
            TypeRef superclass = TypeRef.NONE;
            List<TypeRef> interfaces = new ArrayList<>();
            if (at(":")) {
                i++;
                while (i < to && !at("{") && tokens.get(i).kind() == Kind.IDENT && !at("where")) {
                    TypeRef supertype = typeRef(to);
                    if (at("(")) {
                        superclass = supertype;
                        i = Math.min(closing(i, to) + 1, to);
                    } else {
                        interfaces.add(supertype);
                    }
                    if (at("by")) { // delegation: "Iface by delegate"
                        i += 2;
                    }
                    if (!at(",")) {
                        break;
                    }
                    i++;
                }
            }
            while (i < to && !at("{") && !tokens.get(i).lineStart() && !at("}")) {
                i++; // where-clauses and other header leftovers
            }
            if (at("{") && depth < MAX_NESTING) {
                int close = closing(i, to);
                int after = Math.min(close + 1, to);
                members(i + 1, close, companion ? members.asCompanion() : members, depth + 1);
                i = after;
            }
            if (companion && outer != null) {
                outer.constants.putAll(members.constants);
                return;
            }
            boolean isObject = name.isEmpty();
            if (!isObject) {
                types.add(new SourceType(path, packageName, imports, name, isInterface, isAbstract, line,
                        annotations, superclass, interfaces, members.fields, members.methods, members.constants));
            }
        }

        private void constructorParameters(int from, int to, Members members) {
            i = from;
            while (i < to) {
                List<SourceAnnotation> annotations = new ArrayList<>();
                boolean property = false;
                int end = nextComma(i, to);
                while (i < end && (at("@") || isModifier() || at("val") || at("var"))) {
                    if (at("@")) {
                        annotation(end).ifPresent(annotations::add);
                    } else {
                        property |= at("val") || at("var");
                        i++;
                    }
                }
                if (property && i < end && tokens.get(i).kind() == Kind.IDENT) {
                    int line = tokens.get(i).line();
                    property(end, annotations, true, false, members, line);
                }
                i = Math.min(end + 1, to);
            }
        }

        /** After {@code val}/{@code var}: {@code name: Type [= initializer]}. */
        private void property(int to, List<SourceAnnotation> annotations, boolean inConstructor, boolean isConst,
                              Members members, int line) {
            skipTypeParameters(to);
            if (i >= to || tokens.get(i).kind() != Kind.IDENT) {
                return;
            }
            // An extension property "val Foo.bar" is no field.
            if (i + 1 < to && tokens.get(i + 1).is(".")) {
                skipInitializer(to);
                return;
            }
            String name = tokens.get(i).text();
            i++;
            TypeRef type = TypeRef.NONE;
            if (at(":")) {
                i++;
                type = typeRef(to);
            }
            if (!inConstructor && (at("get") || at("by"))) {
                skipInitializer(to); // a computed or delegated property has no column of its own
                return;
            }
            if (at("=")) {
                i++;
                int start = i;
                int end = inConstructor ? to : endOfInitializer(to);
                i = start;
                Object initial = value(end);
                if (isConst || members.companion) {
                    members.constants.put(name, initial);
                }
            }
            if (!inConstructor) {
                skipInitializer(to);
            }
            if (!members.companion) {
                members.fields.add(new SourceField(name, type, annotations, false, false, line));
            }
        }

        private void function(int to, List<SourceAnnotation> annotations, Members owner) {
            i++;
            skipTypeParameters(to);
            // receiver type of an extension function: fun Foo.bar()
            String name = "";
            int line = i < to ? tokens.get(i).line() : 1;
            while (i < to && tokens.get(i).kind() == Kind.IDENT) {
                name = tokens.get(i).text();
                line = tokens.get(i).line();
                i++;
                if (at(".")) {
                    i++;
                } else {
                    break;
                }
            }
            if (at("(")) {
                i = Math.min(closing(i, to) + 1, to);
            }
            if (at(":")) {
                i++;
                typeRef(to);
            }
            boolean hasBody = false;
            if (at("{")) {
                hasBody = true;
                i = Math.min(closing(i, to) + 1, to);
            } else if (at("=")) {
                hasBody = true;
                i++;
                endOfInitializer(to);
            }
            if (owner != null && !name.isEmpty()) {
                owner.methods.add(new SourceMethod(name, annotations, hasBody, line));
            }
        }

        // ------------------------------------------------------------ annotations and values

        private java.util.Optional<SourceAnnotation> annotation(int to) {
            int line = tokens.get(i).line();
            i++;
            // use-site target: @field:Column, @get:Id
            if (i + 1 < to && tokens.get(i).kind() == Kind.IDENT && tokens.get(i + 1).is(":")
                    && Set.of("field", "get", "set", "param", "property", "setparam", "receiver", "file", "delegate")
                    .contains(tokens.get(i).text())) {
                i += 2;
            }
            if (at("[")) { // @[A B]: several annotations at once; not used by JPA code in practice
                i = Math.min(closing(i, to) + 1, to);
                return java.util.Optional.empty();
            }
            if (i >= to || tokens.get(i).kind() != Kind.IDENT) {
                return java.util.Optional.empty();
            }
            String name = dottedName();
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Integer> lines = new HashMap<>();
            if (at("(") && !tokens.get(i).lineStart()) {
                arguments(to, values, lines);
            }
            return java.util.Optional.of(new SourceAnnotation(name, values, lines, line));
        }

        /** {@code (a = x, b = y)} or {@code (x)}; i is at the opening parenthesis. */
        private void arguments(int to, Map<String, Object> values, Map<String, Integer> lines) {
            int close = closing(i, to);
            i++;
            int position = 0;
            while (i < close) {
                int end = nextComma(i, close);
                String key = position == 0 ? "value" : "value" + position;
                if (i + 1 < end && tokens.get(i).kind() == Kind.IDENT && tokens.get(i + 1).is("=")) {
                    key = tokens.get(i).text();
                    i += 2;
                }
                if (i < end) {
                    lines.put(key, tokens.get(i).line());
                    values.put(key, value(end));
                }
                position++;
                i = Math.min(end + 1, close);
            }
            i = Math.min(close + 1, to);
        }

        /** Reads one value in [i, to) and leaves i at to. */
        private Object value(int to) {
            int start = i;
            Object result = valueAt(to);
            if (i < to) {
                result = new SourceAnnotation.Unresolved(text(start, to));
            }
            i = to;
            return result;
        }

        private Object valueAt(int to) {
            if (i >= to) {
                return new SourceAnnotation.Unresolved("");
            }
            Token token = tokens.get(i);
            if (token.kind() == Kind.STRING || token.kind() == Kind.TEMPLATE_STRING) {
                List<Object> parts = new ArrayList<>();
                boolean template = false;
                while (i < to && (tokens.get(i).kind() == Kind.STRING || tokens.get(i).kind() == Kind.TEMPLATE_STRING
                        || (tokens.get(i).kind() == Kind.IDENT && !tokens.get(i).is("true") && !tokens.get(i).is("false")))) {
                    Token part = tokens.get(i);
                    template |= part.kind() == Kind.TEMPLATE_STRING;
                    if (part.kind() == Kind.IDENT) {
                        parts.add(new SourceAnnotation.Symbol(dottedName()));
                    } else {
                        parts.add(part.text());
                        i++;
                    }
                    if (at("+")) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (template) {
                    return new SourceAnnotation.Unresolved("a string template");
                }
                return parts.size() == 1 ? parts.get(0) : new SourceAnnotation.Concat(parts);
            }
            if (token.is("true") || token.is("false")) {
                i++;
                return token.is("true");
            }
            if (token.is("[")) {
                int close = closing(i, to);
                List<Object> list = elements(i + 1, close);
                i = Math.min(close + 1, to);
                return list;
            }
            if (token.kind() == Kind.IDENT) {
                String name = dottedName();
                if (at("::")) {
                    i += 2; // Foo::class
                    return new SourceAnnotation.Symbol(name);
                }
                if (at("(")) {
                    if (name.equals("arrayOf") || name.endsWith("ArrayOf")) {
                        int close = closing(i, to);
                        List<Object> list = elements(i + 1, close);
                        i = Math.min(close + 1, to);
                        return list;
                    }
                    Map<String, Object> values = new LinkedHashMap<>();
                    Map<String, Integer> lines = new HashMap<>();
                    int line = token.line();
                    arguments(to, values, lines);
                    return new SourceAnnotation(name, values, lines, line);
                }
                if (at("+")) {
                    i = to; // constant + something: resolved below as a concatenation would need more grammar
                    return new SourceAnnotation.Unresolved(name + " + ...");
                }
                return new SourceAnnotation.Symbol(name);
            }
            if (token.is("@")) {
                return annotation(to).<Object>map(a -> a).orElse(new SourceAnnotation.Unresolved("@"));
            }
            return new SourceAnnotation.Unresolved(text(i, to));
        }

        private List<Object> elements(int from, int to) {
            List<Object> list = new ArrayList<>();
            i = from;
            while (i < to) {
                int end = nextComma(i, to);
                if (i < end) {
                    list.add(value(end));
                }
                i = Math.min(end + 1, to);
            }
            return list;
        }

        // ------------------------------------------------------------ helpers

        private TypeRef typeRef(int to) {
            if (i >= to || tokens.get(i).kind() != Kind.IDENT) {
                if (at("(")) { // function type
                    i = Math.min(closing(i, to) + 1, to);
                }
                return TypeRef.NONE;
            }
            String name = dottedName();
            List<TypeRef> arguments = new ArrayList<>();
            if (at("<")) {
                int close = closingAngle(i, to);
                i++;
                while (i < close) {
                    if (at("out") || at("in") || at("*") || at("@")) {
                        i++;
                        continue;
                    }
                    int before = i;
                    arguments.add(typeRef(close));
                    while (i < close && !at(",")) {
                        i++;
                    }
                    if (at(",")) {
                        i++;
                    }
                    if (i == before) {
                        i++;
                    }
                }
                i = Math.min(close + 1, to);
            }
            boolean nullable = at("?");
            if (nullable) {
                i++;
            }
            return new TypeRef(name, arguments, nullable);
        }

        private void skipTypeParameters(int to) {
            if (at("<")) {
                i = Math.min(closingAngle(i, to) + 1, to);
            }
        }

        private int closingAngle(int open, int to) {
            int depth = 0;
            for (int j = open; j < to; j++) {
                if (tokens.get(j).is("<")) {
                    depth++;
                } else if (tokens.get(j).is(">")) {
                    depth--;
                    if (depth == 0) {
                        return j;
                    }
                } else if (tokens.get(j).is("{") || tokens.get(j).is("=") || tokens.get(j).is(")")) {
                    return j; // not a type argument list after all
                }
            }
            return to;
        }

        /** The end of an initializer: the next token that starts a line and a declaration, at this nesting level. */
        private int endOfInitializer(int to) {
            while (i < to) {
                Token token = tokens.get(i);
                if (token.is("{") || token.is("(") || token.is("[")) {
                    i = Math.min(Math.max(match[i], i) + 1, to);
                    continue;
                }
                if (token.lineStart() && DECLARATION_STARTS.contains(token.text()) && token.kind() != Kind.STRING) {
                    return i;
                }
                i++;
            }
            return to;
        }

        private void skipInitializer(int to) {
            i = endOfInitializer(to);
        }

        private String dottedName() {
            StringBuilder name = new StringBuilder();
            while (i < tokens.size() && tokens.get(i).kind() == Kind.IDENT) {
                name.append(tokens.get(i).text());
                i++;
                if (at(".") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.IDENT) {
                    name.append('.');
                    i++;
                } else {
                    break;
                }
            }
            return name.toString();
        }

        private int nextComma(int from, int to) {
            int j = from;
            while (j < to) {
                Token token = tokens.get(j);
                if (token.is(",")) {
                    return j;
                }
                if (token.is("(") || token.is("[") || token.is("{")) {
                    j = Math.max(match[j], j) + 1;
                } else if (token.is("<")) {
                    int close = closingAngle(j, to);
                    j = close > j && close < to && tokens.get(close).is(">") ? close + 1 : j + 1;
                } else {
                    j++;
                }
            }
            return to;
        }

        private int closing(int open, int to) {
            int close = match[open];
            return close <= open || close > to ? to : close;
        }

        private boolean at(String text) {
            return i < tokens.size() && tokens.get(i).is(text);
        }

        /**
         * Most modifiers are soft keywords, which are names too: {@code val data: T} declares a property named
         * {@code data}. A modifier is never followed by the {@code :} of a type.
         */
        private boolean isModifier() {
            return i < tokens.size() && tokens.get(i).kind() == Kind.IDENT && MODIFIERS.contains(tokens.get(i).text())
                    && !(i + 1 < tokens.size() && tokens.get(i + 1).is(":"));
        }

        private String text(int from, int to) {
            StringBuilder text = new StringBuilder();
            for (int j = from; j < Math.min(to, tokens.size()); j++) {
                text.append(j > from ? " " : "").append(tokens.get(j).text());
            }
            return text.toString();
        }

        /** For each opening bracket the index of its closing one (or the end of the file when unbalanced). */
        private static int[] matchBrackets(List<Token> tokens) {
            int[] match = new int[tokens.size()];
            java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
            for (int j = 0; j < tokens.size(); j++) {
                Token token = tokens.get(j);
                match[j] = -1;
                if (token.is("(") || token.is("[") || token.is("{")) {
                    open.push(j);
                } else if (token.is(")") || token.is("]") || token.is("}")) {
                    String expected = token.is(")") ? "(" : token.is("]") ? "[" : "{";
                    // Pop mismatched openers: malformed code should not swallow the rest of the file.
                    while (!open.isEmpty() && !tokens.get(open.peek()).is(expected)) {
                        match[open.pop()] = j;
                    }
                    if (!open.isEmpty()) {
                        match[open.pop()] = j;
                    }
                }
            }
            while (!open.isEmpty()) {
                match[open.pop()] = tokens.size();
            }
            return match;
        }
    }

    /** What a class body declares. */
    private static final class Members {
        final List<SourceField> fields = new ArrayList<>();
        final List<SourceMethod> methods = new ArrayList<>();
        final Map<String, Object> constants = new HashMap<>();
        boolean companion;

        Members asCompanion() {
            Members members = new Members();
            members.companion = true;
            return members;
        }
    }
}
