package io.switchover.sql;

/**
 * A statement on one line, as the reports print it and the checks compare it: {@code text.strip()} with every run of
 * ASCII whitespace ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage return) made one space, as
 * {@code text.strip().replaceAll("\\s+", " ")} gives it, without a regular expression: tens of thousands of statements
 * go through it per check, most of them one line already, which come back as they are.
 */
public final class OneLine {
    private OneLine() {
    }

    public static String of(String text) {
        String stripped = text.strip();
        int length = stripped.length();
        int i = 0;
        while (i < length) {
            char c = stripped.charAt(i);
            if (isSpace(c) && (c != ' ' || i + 1 < length && isSpace(stripped.charAt(i + 1)))) {
                break;
            }
            i++;
        }
        if (i == length) {
            return stripped;
        }
        StringBuilder line = new StringBuilder(length).append(stripped, 0, i);
        while (i < length) {
            char c = stripped.charAt(i);
            if (isSpace(c)) {
                line.append(' ');
                while (i < length && isSpace(stripped.charAt(i))) {
                    i++;
                }
            } else {
                line.append(c);
                i++;
            }
        }
        return line.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
