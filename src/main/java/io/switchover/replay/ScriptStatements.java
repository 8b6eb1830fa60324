package io.switchover.replay;

import io.switchover.sql.SqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A migration's text cut into statements, enough to tell what each statement is and to replace one: quotes, comments
 * and PostgreSQL's dollar quotes (function bodies) are skipped, so a {@code ;} inside them ends nothing.
 */
final class ScriptStatements {

    /** One statement: {@code [start, end)} in the script, the {@code ;} excluded; {@code head} upper-case, comments out. */
    record Statement(int start, int end, String text, String head) {
    }

    private ScriptStatements() {
    }

    static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < script.length()) {
            int after = SqlText.skipNonCode(script, i);
            if (after > i) {
                i = after;
            } else if (script.charAt(i) == ';') {
                add(statements, script, start, i);
                start = ++i;
            } else {
                i++;
            }
        }
        add(statements, script, start, script.length());
        return statements;
    }

    /** The JDBC {@code ?} placeholders of a statement, outside quotes and comments. */
    static int countPlaceholders(String sql) {
        int count = 0;
        int i = 0;
        while (i < sql.length()) {
            int after = SqlText.skipNonCode(sql, i);
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
