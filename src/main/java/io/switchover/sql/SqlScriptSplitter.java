package io.switchover.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements on {@code ;}, the one splitter of the tool: quotes, comments and PostgreSQL's
 * dollar quotes (function bodies) are skipped, so a {@code ;} inside them ends nothing. Done by hand rather than with
 * JSqlParser because one statement JSqlParser cannot parse would otherwise cost every statement of the file.
 */
public final class SqlScriptSplitter {

    /** One statement of a script, without its {@code ;}. */
    public static final class ScriptStatement {
        private final String script;
        private final int start;
        private final int end;
        private final int first;
        private final int line;
        private String head;

        ScriptStatement(String script, int start, int end, int first, int line) {
            this.script = script;
            this.start = start;
            this.end = end;
            this.first = first;
            this.line = line;
        }

        /** The statement without the blank lines and comments before it, stripped. */
        public String sql() {
            return script.substring(first, end).strip();
        }

        /** 1-based line of its first character after leading blank lines and comments. */
        public int line() {
            return line;
        }

        /** Where it starts in the script, blank lines and comments before it included. */
        public int start() {
            return start;
        }

        /** Where it ends in the script: the index of its {@code ;}, or the script's length. */
        public int end() {
            return end;
        }

        /** The statement as written, from {@link #start()} to {@link #end()}. */
        public String text() {
            return script.substring(start, end);
        }

        /** What the statement is, as its first words show it ({@link StatementHead}), read once. */
        public String head() {
            if (head == null) {
                head = StatementHead.of(script, start, end);
            }
            return head;
        }

        @Override
        public String toString() {
            return line + ": " + sql();
        }
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
        statements.add(new ScriptStatement(script, start, end, first, lines.lineOf(first)));
    }
}
