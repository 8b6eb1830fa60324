package io.switchover.patterns.kotlin;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Kotlin source into the tokens string extraction needs: strings (with their template parts), identifiers and
 * single punctuation characters. Comments, numbers and character literals are skipped. Never throws: an unterminated
 * string or comment runs to the end of the text and is reported as a problem.
 */
final class KotlinLexer {

    enum Kind { STRING, IDENTIFIER, PUNCTUATION }

    /**
     * One part of a string: literal text, or a template's expression ({@code name} for {@code $name}, the text between
     * the braces for <code>${...}</code>).
     */
    record Part(String text, boolean template) {
    }

    /** {@code parts} only for strings; {@code raw} for triple-quoted strings. */
    record Token(Kind kind, String text, List<Part> parts, boolean raw, int offset, int line) {
        boolean is(String punctuation) {
            return kind == Kind.PUNCTUATION && text.equals(punctuation);
        }

        boolean isIdentifier(String name) {
            return kind == Kind.IDENTIFIER && text.equals(name);
        }
    }

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int i;
    private int line = 1;
    private String problem;

    KotlinLexer(String source) {
        this.source = source;
    }

    List<Token> tokens() {
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                blockComment();
            } else if (source.startsWith("\"\"\"", i)) {
                string(true);
            } else if (c == '"') {
                string(false);
            } else if (c == '\'') {
                character();
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < source.length() && Character.isJavaIdentifierPart(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, source.substring(start, i), List.of(), false, start, line));
            } else if (c == '`') {
                int start = i;
                int end = source.indexOf('`', i + 1);
                i = end < 0 || source.substring(i, end).indexOf('\n') >= 0 ? i + 1 : end + 1;
                tokens.add(new Token(Kind.IDENTIFIER, source.substring(start, i).replace("`", ""), List.of(), false,
                        start, line));
            } else if (Character.isDigit(c)) {
                while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
                        || source.charAt(i) == '.' && i + 1 < source.length() && Character.isDigit(source.charAt(i + 1)))) {
                    i++;
                }
            } else {
                tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c), List.of(), false, i, line));
                i++;
            }
        }
        return tokens;
    }

    String source() {
        return source;
    }

    /** What made the text end early (an unterminated string or comment), or null. */
    String problem() {
        return problem;
    }

    private void blockComment() {
        int startLine = line;
        int depth = 0;
        while (i < source.length()) {
            if (source.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (source.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (source.charAt(i) == '\n') {
                    line++;
                }
                i++;
            }
        }
        unterminated("comment", startLine);
    }

    private void character() {
        int startLine = line;
        i++;
        while (i < source.length() && source.charAt(i) != '\'' && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        if (i < source.length() && source.charAt(i) == '\'') {
            i++;
        } else {
            unterminated("character literal", startLine);
        }
    }

    private void string(boolean raw) {
        int start = i;
        int startLine = line;
        i += raw ? 3 : 1;
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (i >= source.length() || (!raw && source.charAt(i) == '\n')) {
                unterminated("string", startLine);
                break;
            }
            char c = source.charAt(i);
            if (raw && source.startsWith("\"\"\"", i)) {
                // """a"""" ends with the last three quotes: the extra ones belong to the text.
                int end = i + 3;
                while (end < source.length() && source.charAt(end) == '"') {
                    end++;
                }
                text.append("\"".repeat(end - i - 3));
                i = end;
                break;
            }
            if (!raw && c == '"') {
                i++;
                break;
            }
            if (!raw && c == '\\' && i + 1 < source.length()) {
                text.append(escape(source.charAt(i + 1)));
                i += source.charAt(i + 1) == 'u' ? Math.min(6, source.length() - i) : 2;
                continue;
            }
            if (c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                int end = closingBrace(i + 2);
                String expression = source.substring(i + 2, Math.max(i + 2, end));
                flush(parts, text);
                parts.add(expression.strip().equals("'$'") ? new Part("$", false) : new Part(expression.strip(), true));
                countLines(i, end);
                i = end < source.length() ? end + 1 : end;
                continue;
            }
            if (c == '$' && i + 1 < source.length() && Character.isJavaIdentifierStart(source.charAt(i + 1))) {
                int end = i + 1;
                while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
                    end++;
                }
                flush(parts, text);
                parts.add(new Part(source.substring(i + 1, end), true));
                i = end;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            text.append(c);
            i++;
        }
        flush(parts, text);
        tokens.add(new Token(Kind.STRING, source.substring(start, Math.min(i, source.length())), parts, raw, start,
                startLine));
    }

    private int closingBrace(int from) {
        int depth = 1;
        int j = from;
        while (j < source.length()) {
            char c = source.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
            j++;
        }
        return source.length();
    }

    private void countLines(int from, int to) {
        for (int j = from; j < Math.min(to, source.length()); j++) {
            if (source.charAt(j) == '\n') {
                line++;
            }
        }
    }

    private static void flush(List<Part> parts, StringBuilder text) {
        if (text.length() > 0) {
            parts.add(new Part(text.toString(), false));
            text.setLength(0);
        }
    }

    private String escape(char c) {
        switch (c) {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'b': return "\b";
            case 'u':
                if (i + 6 <= source.length()) {
                    try {
                        return String.valueOf((char) Integer.parseInt(source.substring(i + 2, i + 6), 16));
                    } catch (NumberFormatException e) {
                        return "?";
                    }
                }
                return "?";
            default: return String.valueOf(c); // \" \\ \$ \'
        }
    }

    private void unterminated(String what, int startLine) {
        if (problem == null) {
            problem = "unterminated " + what + " at line " + startLine;
        }
    }
}
