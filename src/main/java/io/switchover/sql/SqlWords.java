package io.switchover.sql;

import java.util.Locale;
import java.util.Set;

/**
 * The words of SQL text, read without parsing it: runs of letters, digits, {@code _} and {@code $}, and the insides
 * of {@code "quoted"} and {@code `quoted`} identifiers, compared in lower case; string literals and comments hold
 * none. Every table a statement uses is one of its words, so a statement none of whose words names a table cannot
 * use that table: a test that costs a scan of the text where parsing it costs a thousand times more.
 */
public final class SqlWords {

    private SqlWords() {
    }

    /** Whether one of the words of {@code sql}, in lower case, is in {@code names} (lower-case names). */
    public static boolean namesAny(String sql, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        return scan(sql, names::contains);
    }

    /** Every word of {@code sql}, in lower case, in order of first appearance. */
    public static Set<String> of(String sql) {
        Set<String> words = new java.util.LinkedHashSet<>();
        scan(sql, word -> {
            words.add(word);
            return false;
        });
        return words;
    }

    /** Walks the words of {@code sql} in lower case until {@code stop} says so; whether it did. */
    private static boolean scan(String sql, java.util.function.Predicate<String> stop) {
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                i = SqlText.skipNonCode(sql, i);
            } else if (c == '"' || c == '`') {
                int end = SqlText.skipNonCode(sql, i);
                boolean closed = end - 1 > i && sql.charAt(end - 1) == c;
                if (stop.test(sql.substring(i + 1, closed ? end - 1 : end).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                i = end;
            } else if (isWordChar(c)) {
                int end = i + 1;
                while (end < length && isWordChar(sql.charAt(end))) {
                    end++;
                }
                if (stop.test(sql.substring(i, end).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                i = end;
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
