package io.switchover.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A migration's text cut into statements, enough to tell what each statement is and to replace one: quotes, comments
 * and PostgreSQL's dollar quotes (function bodies) are skipped, so a {@code ;} inside them ends nothing.
 */
final class MigrationScript {

    /** One statement: {@code [start, end)} in the script, the {@code ;} excluded; {@code head} upper-case, comments out. */
    record Statement(int start, int end, String text, String head) {
    }

    private MigrationScript() {
    }

    static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int close = script.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = endOfQuoted(script, i, c);
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
            } else if (c == ';') {
                add(statements, script, start, i);
                start = ++i;
            } else {
                i++;
            }
        }
        add(statements, script, start, n);
        return statements;
    }

    /** The JDBC {@code ?} placeholders of a statement, outside quotes and comments. */
    static int countPlaceholders(String sql) {
        int count = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = endOfQuoted(sql, i, c);
            } else {
                if (c == '?') {
                    count++;
                }
                i++;
            }
        }
        return count;
    }

    private static int endOfQuoted(String script, int open, char quote) {
        int i = open + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null (a {@code $1} parameter is no tag). */
    private static String dollarTag(String script, int i) {
        int j = i + 1;
        while (j < script.length() && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
            j++;
        }
        if (j < script.length() && script.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(script.charAt(i + 1)))) {
            return script.substring(i, j + 1);
        }
        return null;
    }

    private static void add(List<Statement> statements, String script, int start, int end) {
        String text = script.substring(start, end);
        String code = withoutComments(text).strip();
        if (!code.isEmpty()) {
            statements.add(new Statement(start, end, text, code.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)));
        }
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
