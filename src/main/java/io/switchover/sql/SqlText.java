package io.switchover.sql;

/**
 * Finds the parts of SQL text that are not code: quoted strings and identifiers, comments and PostgreSQL
 * dollar-quoted bodies. Splitting statements and rewriting parameters both have to step over these, or a {@code ;}
 * or {@code :name} inside a string would be taken for syntax.
 */
public final class SqlText {

    private SqlText() {
    }

    /**
     * The index just after the string, identifier, comment or dollar-quoted body starting at {@code i}, or {@code i}
     * itself when none starts there. An unterminated one runs to the end of the text.
     */
    public static int skipNonCode(String s, int i) {
        char c = s.charAt(i);
        // Backticks quote identifiers in MariaDB and MySQL migrations.
        if (c == '\'' || c == '"' || c == '`') {
            return skipQuoted(s, i, c);
        }
        if (s.startsWith("--", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end + 1;
        }
        if (s.startsWith("/*", i)) {
            return skipBlockComment(s, i);
        }
        if (c == '$') {
            String tag = dollarTag(s, i);
            if (tag != null) {
                int end = s.indexOf(tag, i + tag.length());
                return end < 0 ? s.length() : end + tag.length();
            }
        }
        return i;
    }

    /** The index of the first character at or after {@code i} that is neither whitespace nor inside a comment. */
    public static int skipBlankAndComments(String s, int i) {
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("--", i) || s.startsWith("/*", i)) {
                i = skipNonCode(s, i);
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                // A doubled quote is an escaped quote, not the end.
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    // PostgreSQL block comments nest.
    private static int skipBlockComment(String s, int start) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /**
     * {@code $$} or {@code $tag$} starting at {@code i}; null for anything else, such as the parameter {@code $1} or a
     * dollar inside an identifier ({@code iseq$$_1}, a name Oracle's exports carry), which starts no quote.
     */
    private static String dollarTag(String s, int i) {
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_' || s.charAt(i - 1) == '$')) {
            return null;
        }
        int j = i + 1;
        if (j < s.length() && Character.isDigit(s.charAt(j))) {
            return null;
        }
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
    }

    /** The JDBC {@code ?} placeholders of a statement, outside quotes and comments. */
    public static int countPlaceholders(String sql) {
        int count = 0;
        int i = 0;
        while (i < sql.length()) {
            int after = skipNonCode(sql, i);
            if (after > i) {
                i = after;
            } else {
                if (sql.charAt(i) == '?') {
                    count++;
                }
                i++;
            }
        }
        return count;
    }
}
