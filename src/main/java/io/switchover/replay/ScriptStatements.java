package io.switchover.replay;

import io.switchover.sql.SqlText;
import io.switchover.sql.StatementHead;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A migration's text cut into statements, enough to tell what each statement is and to replace one: quotes, comments
 * and PostgreSQL's dollar quotes (function bodies) are skipped, so a {@code ;} inside them ends nothing.
 */
final class ScriptStatements {

    /**
     * One statement: {@code [start, end)} in the script, the {@code ;} excluded; {@code head} its {@link StatementHead}.
     */
    record Statement(int start, int end, String script, String head) {
        /** The statement as written. */
        String text() {
            return script.substring(start, end);
        }
    }

    static final int HEAD_CHARS = StatementHead.HEAD_CHARS;

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

    /**
     * The script with each statement that {@code replacement} gives a text for replaced by that text; a statement it
     * gives null for stays as written, and so does everything between statements.
     */
    static String rewritten(String script, Function<Statement, String> replacement) {
        StringBuilder out = new StringBuilder(script.length());
        int copied = 0;
        for (Statement statement : split(script)) {
            String replaced = replacement.apply(statement);
            if (replaced != null) {
                out.append(script, copied, statement.start()).append(replaced);
                copied = statement.end();
            }
        }
        return out.append(script, copied, script.length()).toString();
    }

    /** What a statement the replay skips becomes: a comment saying why, and a statement that does nothing. */
    static String skipped(String why) {
        return "\n-- switchover: " + why + "\nSELECT 1";
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
        String head = StatementHead.of(script, start, end);
        if (!head.isEmpty()) {
            statements.add(new Statement(start, end, script, head));
        }
    }
}
