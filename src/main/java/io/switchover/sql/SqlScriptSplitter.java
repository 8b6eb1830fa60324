package io.switchover.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements on {@code ;}. Done by hand rather than with JSqlParser because one statement
 * JSqlParser cannot parse would otherwise cost every statement of the file.
 */
public final class SqlScriptSplitter {

    /**
     * One statement of a script, without its {@code ;}.
     *
     * @param line 1-based line of its first character after leading blank lines and comments
     */
    public record ScriptStatement(String sql, int line) {
    }

    public List<ScriptStatement> split(String script) {
        LineIndex lines = new LineIndex(script);
        List<ScriptStatement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < script.length()) {
            int after = SqlText.skipNonCode(script, i);
            if (after > i) {
                i = after;
            } else if (script.charAt(i) == ';') {
                add(statements, script, lines, start, i);
                start = ++i;
            } else {
                i++;
            }
        }
        add(statements, script, lines, start, script.length());
        return statements;
    }

    private static void add(List<ScriptStatement> statements, String script, LineIndex lines, int start, int end) {
        int first = SqlText.skipBlankAndComments(script, start);
        if (first >= end) {
            return;
        }
        statements.add(new ScriptStatement(script.substring(first, end).strip(), lines.lineOf(first)));
    }
}
