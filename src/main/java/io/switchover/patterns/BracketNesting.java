package io.switchover.patterns;

/**
 * How deep the brackets of a source file nest, read without parsing: strings, character literals, text blocks and
 * comments are passed over. A file nested deeper than a parser's bound is refused before the parser recurses into it.
 */
final class BracketNesting {
    private BracketNesting() {
    }

    /** The deepest nesting of (, [ and { in Java source; unbalanced closers count as nothing. */
    static int ofJava(String source) {
        int depth = 0;
        int deepest = 0;
        int length = source.length();
        int i = 0;
        while (i < length) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < length && source.charAt(i + 1) == '/') {
                i = endOfLine(source, i);
            } else if (c == '/' && i + 1 < length && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                i = endOfQuoted(source, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(source, i + 1, String.valueOf(c));
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                    deepest = Math.max(deepest, depth);
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                i++;
            }
        }
        return deepest;
    }

    private static int endOfLine(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end + 1;
    }

    /** After the closing quote; a string literal ends at the end of its line at the latest (it cannot span lines). */
    private static int endOfQuoted(String source, int from, String quote) {
        boolean block = quote.length() == 3;
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else if (c == '\n' && !block) {
                return i + 1;
            } else {
                i++;
            }
        }
        return source.length();
    }
}
