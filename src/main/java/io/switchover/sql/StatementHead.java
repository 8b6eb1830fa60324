package io.switchover.sql;

import java.util.Locale;

/**
 * What a statement is, as its first words show it: upper case, comments out, whitespace runs as one space, at most
 * {@value #HEAD_CHARS} characters long. A data migration's single INSERT may be tens of megabytes, which are not
 * copied again.
 */
public final class StatementHead {

    public static final int HEAD_CHARS = 64 * 1024;

    private StatementHead() {
    }

    /** The head of a whole statement. */
    public static String of(String statement) {
        return of(statement, 0, statement.length());
    }

    /** The head of {@code script[start, end)}, blank when that holds nothing but whitespace and comments. */
    public static String of(String script, int start, int end) {
        if (hasComment(script, start, end)) {
            String code = withoutComments(script.substring(start, end)).strip();
            return head(code, 0, code.length());
        }
        // No comment: the statement's code is the script's own characters, read in place.
        int from = start;
        int to = end;
        while (from < to && Character.isWhitespace(script.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(script.charAt(to - 1))) {
            to--;
        }
        return head(script, from, to);
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
        StringBuilder head = new StringBuilder(Math.min(Math.max(to - from, 0), HEAD_CHARS));
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
