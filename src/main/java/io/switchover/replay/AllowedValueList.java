package io.switchover.replay;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column and values of a CHECK constraint that is a list of allowed values, as each database gives its
 * definition back: PostgreSQL's {@code CHECK (((status)::text = ANY ((ARRAY['a'::character varying])::text[])))},
 * H2's {@code "STATUS" IN('a', 'b')}, MariaDB's {@code `status` in ('a','b')}, and a list of one as PostgreSQL
 * keeps it ({@code ((kind)::text = 'retail'::text)}); a leading {@code c IS NULL OR} is allowed. Any other constraint is not a list.
 */
record AllowedValueList(String column, Set<String> values) {
    private static final Pattern CAST = Pattern.compile("::\\s*(?:character varying|double precision"
            + "|timestamp(?: with(?:out)? time zone)?|[a-z_]+)(?:\\s*\\(\\s*\\d+\\s*\\))?(?:\\[\\])?", Pattern.CASE_INSENSITIVE);
    private static final String LITERAL = "'(?:[^']|'')*'";
    private static final Pattern LIST = Pattern.compile("(?i)(?:check\\s*)?[`\"]?([\\w$]+)[`\"]?\\s*(?:in|=\\s*any\\s*array|=)\\s*\\[?\\s*("
            + LITERAL + "(?:\\s*,\\s*" + LITERAL + ")*)\\s*\\]?");
    private static final Pattern NULL_ALLOWED = Pattern.compile("(?i)^[`\"]?([\\w$]+)[`\"]?\\s+is\\s+null\\s+or\\s+");
    private static final Pattern ONE_LITERAL = Pattern.compile(LITERAL);

    static Optional<AllowedValueList> parse(String definition) {
        if (definition == null) {
            return Optional.empty();
        }
        String text = CAST.matcher(definition).replaceAll("").replace("(", " ").replace(")", " ")
                .replaceAll("\\s+", " ").strip();
        Matcher nullable = NULL_ALLOWED.matcher(text);
        String column = null;
        if (nullable.find()) {
            column = nullable.group(1);
            text = text.substring(nullable.end());
        }
        Matcher list = LIST.matcher(text);
        if (!list.matches() || column != null && !column.equalsIgnoreCase(list.group(1))) {
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        Matcher literal = ONE_LITERAL.matcher(list.group(2));
        while (literal.find()) {
            String quoted = literal.group();
            values.add(quoted.substring(1, quoted.length() - 1).replace("''", "'"));
        }
        return Optional.of(new AllowedValueList(list.group(1).toLowerCase(Locale.ROOT), Set.copyOf(values)));
    }
}
