package io.switchover.replay;

import io.switchover.sql.SqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A migration's text cut into statements, enough to tell what each statement is and to replace one: quotes, comments
 * and PostgreSQL's dollar quotes (function bodies) are skipped, so a {@code ;} inside them ends nothing.
 */
final class ScriptStatements {

    /**
     * One statement: {@code [start, end)} in the script, the {@code ;} excluded; {@code head} upper-case, comments out,
     * whitespace runs as one space, and at most {@value #HEAD_CHARS} characters long: what a statement is shows in its
     * first words, and a data migration's single INSERT may be tens of megabytes, which are not copied again.
     */
    record Statement(int start, int end, String script, String head) {
        /** The statement as written. */
        String text() {
            return script.substring(start, end);
        }
    }

    static final int HEAD_CHARS = 64 * 1024;

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
        String code;
        int from;
        int to;
        if (hasComment(script, start, end)) {
            code = withoutComments(script.substring(start, end)).strip();
            from = 0;
            to = code.length();
        } else {
            // No comment: the statement's code is the script's own characters, read in place.
            code = script;
            from = start;
            to = end;
            while (from < to && Character.isWhitespace(script.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(script.charAt(to - 1))) {
                to--;
            }
        }
        if (from < to) {
            statements.add(new Statement(start, end, script, head(code, from, to)));
        }
    }

    /** Whether {@code [start, end)} holds {@code /*} or {@code --}, looked for there only (not to the script's end). */
    private static boolean hasComment(String script, int start, int end) {
        for (int i = start; i + 1 < end; i++) {
            char c = script.charAt(i);
            char next = script.charAt(i + 1);
            if ((c == '/' && next == '*') || (c == '-' && next == '-')) {
                return true;
            }
        }
        return false;
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    /**
     * {@code code[from, to)} with runs of whitespace as one space, in upper case, cut at {@link #HEAD_CHARS}: what
     * {@code replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)} gives of it.
     */
    private static String head(String code, int from, int to) {
        StringBuilder head = new StringBuilder(Math.min(to - from, HEAD_CHARS));
        boolean space = false;
        boolean ascii = true;
        for (int i = from; i < to && head.length() < HEAD_CHARS; i++) {
            char c = code.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                if (!space) {
                    head.append(' ');
                    space = true;
                }
                continue;
            }
            space = false;
            ascii &= c < 128;
            head.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        // Outside ASCII, upper case is not one char for one (German sharp s becomes SS): the JDK's way then.
        return ascii ? head.toString() : head.toString().toUpperCase(Locale.ROOT);
    }
}
