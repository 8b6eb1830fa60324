package io.switchover.patterns;

import java.util.regex.Pattern;

/**
 * The statement a format string gives ({@code String.format}, Kotlin's {@code .format}), where what is filled in
 * cannot change what the statement names: a list of values in {@code IN (%s)}, a number for {@code %d}. hawkbit's
 * {@code status IN (%s)} of {@code ?status_0,?status_1...} is checked with a list of one parameter;
 * veilarboppfolging's {@code OFFSET %d ROWS FETCH NEXT %d ROWS ONLY} with the number 1, as a careful reader would
 * read them. Any other specifier ({@code %s} of a table or column name) leaves the text as it is: it is built at run
 * time.
 */
public final class FormatTemplates {
    private static final Pattern IN_LIST = Pattern.compile("(?i)\\bIN\\s*\\(\\s*%(\\d+\\$)?s\\s*\\)");
    private static final Pattern NUMBER = Pattern.compile("%(\\d+\\$)?d");

    private FormatTemplates() {
    }

    /** The statement the format gives, or the text itself when it is no such format string. */
    public static String filled(String sql) {
        if (sql.indexOf('%') < 0) {
            return sql;
        }
        String filled = NUMBER.matcher(IN_LIST.matcher(sql).replaceAll("IN (?)")).replaceAll("1");
        // Nothing may be left but %%, the format's own percent sign: a LIKE 'abc%' is no format string.
        if (filled.equals(sql) || filled.replace("%%", "").indexOf('%') >= 0) {
            return sql;
        }
        return filled.replace("%%", "%");
    }
}
