package io.switchover.mentions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a file of a service into the spans a name may be mentioned in, leaving comments out: string literals and
 * identifiers of Java, Kotlin, Groovy and Scala; attribute values and text of XML and HTML; values of YAML and
 * properties files; SQL text (its string literals as strings) and template text. Never throws: what does not end
 * runs to the end of the file.
 */
final class SourceSpans {

    /** The kinds of file a service keeps its names in; {@link #of(String)} tells which a path is. */
    enum FileKind { CODE, MARKUP, CONFIG, SQL, TEMPLATE }

    private SourceSpans() {
    }

    /** The kind of file, or null for one the safety net does not read. */
    static FileKind of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "java", "kt", "kts", "groovy", "scala" -> FileKind.CODE;
            case "xml", "html", "xhtml", "jsp" -> FileKind.MARKUP;
            case "yml", "yaml", "properties", "conf", "toml" -> FileKind.CONFIG;
            case "sql" -> FileKind.SQL;
            case "ftl", "ftlh", "vm", "mustache", "hbs", "peb", "jte", "stg", "st", "tpl", "sqlt" -> FileKind.TEMPLATE;
            default -> null;
        };
    }

    static List<Span> split(String path, String text) {
        FileKind kind = of(path);
        if (kind == null) {
            return List.of();
        }
        return switch (kind) {
            case CODE -> code(text, path.endsWith(".groovy"), path.endsWith(".kt") || path.endsWith(".kts")
                    || path.endsWith(".scala"), !path.endsWith(".java"));
            case MARKUP -> markup(text);
            case CONFIG -> config(text);
            case SQL -> sql(text);
            case TEMPLATE -> List.of(new Span(Span.Kind.TEXT, 0, text.length()));
        };
    }

    /**
     * @param singleQuotedStrings Groovy: {@code '...'} and {@code '''...'''} are strings, not characters
     * @param nestedComments      Kotlin and Scala: block comments nest
     * @param templates           Kotlin, Groovy and Scala: {@code ${...}} and {@code $name} in a string are code
     */
    static List<Span> code(String s, boolean singleQuotedStrings, boolean nestedComments, boolean templates) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                i = lineEnd(s, i);
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = blockCommentEnd(s, i, nestedComments);
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                string(s, i + 3, end, templates, spans);
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                int end = quotedEnd(s, i, '"');
                string(s, i + 1, Math.max(i + 1, end - 1), templates, spans);
                i = end;
            } else if (c == '\'' && singleQuotedStrings && s.startsWith("'''", i)) {
                int end = s.indexOf("'''", i + 3);
                end = end < 0 ? n : end;
                spans.add(new Span(Span.Kind.STRING, i + 3, end));
                i = Math.min(n, end + 3);
            } else if (c == '\'') {
                int end = quotedEnd(s, i, '\'', true);
                if (singleQuotedStrings) {
                    spans.add(new Span(Span.Kind.STRING, i + 1, Math.max(i + 1, end - 1)));
                }
                i = end;
            } else if (c == '`') {
                int end = quotedEnd(s, i, '`');
                spans.add(new Span(Span.Kind.IDENTIFIER, i + 1, Math.max(i + 1, end - 1)));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(s.charAt(end))) {
                    end++;
                }
                spans.add(new Span(Span.Kind.IDENTIFIER, i, end));
                i = end;
            } else {
                i++;
            }
        }
        return spans;
    }

    /**
     * A string literal's content: with templates, its {@code ${...}} and {@code $name} parts are identifiers of code,
     * and each literal part is a string span whose outer extent is the whole literal.
     */
    private static void string(String s, int start, int end, boolean templates, List<Span> spans) {
        if (!templates || s.indexOf('$', start) < 0 || s.indexOf('$', start) >= end) {
            spans.add(new Span(Span.Kind.STRING, start, end));
            return;
        }
        int literal = start;
        int i = start;
        while (i < end) {
            if (s.charAt(i) == '$' && i + 1 < end && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i + 2);
                close = close < 0 || close > end ? end : close;
                addString(spans, literal, i, start, end);
                identifiers(s, i + 2, close, spans);
                i = Math.min(end, close + 1);
                literal = i;
            } else if (s.charAt(i) == '$' && i + 1 < end && Character.isJavaIdentifierStart(s.charAt(i + 1))) {
                int stop = i + 1;
                while (stop < end && Character.isJavaIdentifierPart(s.charAt(stop))) {
                    stop++;
                }
                addString(spans, literal, i, start, end);
                spans.add(new Span(Span.Kind.IDENTIFIER, i + 1, stop));
                i = stop;
                literal = i;
            } else {
                i++;
            }
        }
        addString(spans, literal, end, start, end);
    }

    private static void identifiers(String s, int start, int end, List<Span> spans) {
        int i = start;
        while (i < end) {
            if (Character.isJavaIdentifierStart(s.charAt(i))) {
                int stop = i + 1;
                while (stop < end && Character.isJavaIdentifierPart(s.charAt(stop))) {
                    stop++;
                }
                spans.add(new Span(Span.Kind.IDENTIFIER, i, stop));
                i = stop;
            } else {
                i++;
            }
        }
    }

    private static void addString(List<Span> spans, int start, int end, int outerStart, int outerEnd) {
        if (end > start) {
            spans.add(new Span(Span.Kind.STRING, start, end, outerStart, outerEnd));
        }
    }

    /** The text of a string with its template parts blanked, so that they neither name nor look like SQL. */
    static String withoutTemplates(String literal) {
        return literal.replaceAll("\\$\\{[^}]*}", " ").replaceAll("\\$[A-Za-z_][\\w]*", " ");
    }

    /** Attribute values and text; comments, tag and attribute names left out. CDATA is text. */
    static List<Span> markup(String s) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        int n = s.length();
        int textStart = 0;
        while (i < n) {
            if (s.startsWith("<!--", i)) {
                addText(spans, textStart, i);
                int end = s.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                textStart = i;
            } else if (s.startsWith("<![CDATA[", i)) {
                addText(spans, textStart, i);
                int end = s.indexOf("]]>", i + 9);
                end = end < 0 ? n : end;
                addText(spans, i + 9, end);
                i = Math.min(n, end + 3);
                textStart = i;
            } else if (s.charAt(i) == '<') {
                addText(spans, textStart, i);
                i = tagEnd(s, i, spans);
                textStart = i;
            } else {
                i++;
            }
        }
        addText(spans, textStart, n);
        return spans;
    }

    /** Skips a tag, adding its quoted attribute values; returns the index after its {@code >}. */
    private static int tagEnd(String s, int i, List<Span> spans) {
        int n = s.length();
        int j = i + 1;
        while (j < n && s.charAt(j) != '>') {
            char c = s.charAt(j);
            if (c == '"' || c == '\'') {
                int end = s.indexOf(c, j + 1);
                end = end < 0 ? n : end;
                spans.add(new Span(Span.Kind.STRING, j + 1, end));
                j = end + 1;
            } else {
                j++;
            }
        }
        return Math.min(n, j + 1);
    }

    /** YAML and properties: each line without its comment; quoted values as strings. */
    static List<Span> config(String s) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        int n = s.length();
        while (start < n) {
            int end = s.indexOf('\n', start);
            end = end < 0 ? n : end;
            int first = start;
            while (first < end && Character.isWhitespace(s.charAt(first))) {
                first++;
            }
            boolean comment = first < end && (s.charAt(first) == '#' || s.charAt(first) == '!');
            if (!comment) {
                int stop = end;
                for (int k = first; k < end; k++) {
                    char c = s.charAt(k);
                    if (c == '"' || c == '\'') {
                        int close = s.indexOf(c, k + 1);
                        if (close < 0 || close > end) {
                            break;
                        }
                        k = close;
                    } else if (c == '#' && k > first && Character.isWhitespace(s.charAt(k - 1))) {
                        stop = k;
                        break;
                    }
                }
                spans.add(new Span(Span.Kind.TEXT, first, stop));
            }
            start = end + 1;
        }
        return spans;
    }

    /** SQL outside comments; string literals as strings, quoted identifiers as text. */
    static List<Span> sql(String s) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        int n = s.length();
        int textStart = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '-' && s.startsWith("--", i)) {
                addText(spans, textStart, i);
                i = lineEnd(s, i);
                textStart = i;
            } else if (c == '/' && s.startsWith("/*", i)) {
                addText(spans, textStart, i);
                i = blockCommentEnd(s, i, true);
                textStart = i;
            } else if (c == '\'') {
                addText(spans, textStart, i);
                int end = quotedEnd(s, i, '\'');
                spans.add(new Span(Span.Kind.STRING, i + 1, Math.max(i + 1, end - 1)));
                i = end;
                textStart = i;
            } else {
                i++;
            }
        }
        addText(spans, textStart, n);
        return spans;
    }

    private static void addText(List<Span> spans, int start, int end) {
        if (end > start) {
            spans.add(new Span(Span.Kind.TEXT, start, end));
        }
    }

    private static int lineEnd(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end;
    }

    private static int blockCommentEnd(String s, int i, boolean nested) {
        int depth = 0;
        int j = i;
        int n = s.length();
        while (j < n) {
            if (s.startsWith("/*", j)) {
                depth = nested || depth == 0 ? depth + 1 : depth;
                j += 2;
            } else if (s.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth <= 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    /**
     * The index after the closing quote of a literal that starts at {@code i}; a backslash escapes the next character
     * (SQL doubles its quotes instead, which this reads as two literals, harmlessly). A line break ends an unclosed
     * literal of code; SQL's single-quoted literals may span lines.
     */
    private static int quotedEnd(String s, int i, char quote) {
        return quotedEnd(s, i, quote, quote != '\'');
    }

    private static int quotedEnd(String s, int i, char quote, boolean lineEnds) {
        int j = i + 1;
        int n = s.length();
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\' && quote != '`') {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else if (c == '\n' && lineEnds) {
                return j;
            } else {
                j++;
            }
        }
        return n;
    }
}
