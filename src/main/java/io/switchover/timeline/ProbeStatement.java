package io.switchover.timeline;

import io.switchover.sql.SqlText;
import io.switchover.sql.SqlWords;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A statement to probe at every state, in the form JDBC takes it.
 *
 * @param jdbcSql          the statement with positional {@code ?} parameters only
 * @param tables           the tables it references, lower-case
 * @param parameterColumns for each parameter, the column it is bound to ({@code table.column} or {@code column}),
 *                         or {@code null} when the statement does not say
 * @param baseline         whether it must be probed at S0 even when the batch changes nothing it uses: a statement
 *                         only the candidate issues has to be seen working somewhere
 * @param columns          the columns it references, by table; a table missing here counts as "any column"
 * @param positional       whether it depends on column order ({@code SELECT *}, an INSERT without a column list)
 * @param inserts          whether it inserts rows (so that a column becoming required affects it)
 * @param readByName       whether the old code reads columns of its result by name, so that each probe records
 *                         what the result holds
 * @param nullWrites       the parameters (0-based) by which the running version may write NULL into the column they
 *                         are bound to: where a step makes that column NOT NULL, the statement is probed once more
 *                         with NULL there (the replay's NULL probe)
 * @param starOfGeneratedColumns whether its {@code *} stands for the columns the table has at production's schema, as
 *                         jOOQ's classes generated from production's migrations list them: the replay writes them out
 *                         there ({@link #listing})
 */
public record ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline,
                             Map<String, Set<String>> columns, boolean positional, boolean inserts,
                             boolean readByName, Set<Integer> nullWrites, boolean starOfGeneratedColumns) {

    public ProbeStatement {
        nullWrites = Set.copyOf(nullWrites);
    }

    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline,
                          Map<String, Set<String>> columns, boolean positional, boolean inserts,
                          boolean readByName, Set<Integer> nullWrites) {
        this(jdbcSql, tables, parameterColumns, baseline, columns, positional, inserts, readByName, nullWrites,
                false);
    }

    /** The same statement, its {@code *} standing for the columns the table has at production's schema. */
    public ProbeStatement ofGeneratedColumns() {
        return new ProbeStatement(jdbcSql, tables, parameterColumns, baseline, columns, positional, inserts,
                readByName, nullWrites, true);
    }

    /**
     * The same statement with its generated columns written out ({@code listedSql}, using {@code written} by table): it
     * no longer depends on order, and a change of any of those columns affects it.
     */
    public ProbeStatement listing(String listedSql, Map<String, Set<String>> written) {
        Map<String, Set<String>> all = new LinkedHashMap<>(columns);
        written.forEach((table, names) -> all.merge(table, names, (known, more) -> {
            Set<String> both = new java.util.LinkedHashSet<>(known);
            both.addAll(more);
            return both;
        }));
        return new ProbeStatement(listedSql, tables, parameterColumns, baseline, all, false, inserts, readByName,
                nullWrites, false);
    }

    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline,
                          Map<String, Set<String>> columns, boolean positional, boolean inserts,
                          boolean readByName) {
        this(jdbcSql, tables, parameterColumns, baseline, columns, positional, inserts, readByName, Set.of());
    }

    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline,
                          Map<String, Set<String>> columns, boolean positional, boolean inserts) {
        this(jdbcSql, tables, parameterColumns, baseline, columns, positional, inserts, false);
    }

    /** The same statement, read by name or not, writing NULL by these parameters too. */
    public ProbeStatement with(boolean byName, Set<Integer> moreNullWrites) {
        Set<Integer> all = new java.util.TreeSet<>(nullWrites);
        all.addAll(moreNullWrites);
        return new ProbeStatement(jdbcSql, tables, parameterColumns, baseline, columns, positional, inserts,
                readByName || byName, all, starOfGeneratedColumns);
    }

    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns) {
        this(jdbcSql, tables, parameterColumns, false);
    }

    /** A statement whose columns are not known: every change of its tables may affect it. */
    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline) {
        this(jdbcSql, tables, parameterColumns, baseline, Map.of(), true, true);
    }

    /** An INSERT's target followed by anything but its column list: it fills the columns in table order. */
    private static final Pattern INSERT_WITHOUT_COLUMNS = Pattern.compile(
            "\\bINSERT\\s+(?:IGNORE\\s+)?INTO\\s+(?>(?:\"[^\"]+\"|`[^`]+`|[\\w$.]+)(?:\\s+AS\\s+[\\w$]+)?\\s*)(?!\\()",
            Pattern.CASE_INSENSITIVE);

    /**
     * A statement JSqlParser could not read, described by its words alone, so that the replay's scoping still knows
     * which steps can affect it: every word may be a table it uses, and every word a column of each; it depends on
     * column order unless it certainly does not (no {@code *}, no {@code NATURAL} join, every INSERT with a column
     * list), and counts as inserting when it names a verb that does.
     */
    public static ProbeStatement fromWords(String jdbcSql, boolean baseline) {
        Set<String> words = SqlWords.of(jdbcSql);
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        for (String word : words) {
            columns.put(word, words);
        }
        boolean inserts = words.contains("insert") || words.contains("merge") || words.contains("replace")
                || words.contains("upsert");
        boolean positional = words.contains("natural") || hasStar(jdbcSql)
                || INSERT_WITHOUT_COLUMNS.matcher(withoutLiterals(jdbcSql)).find();
        return new ProbeStatement(jdbcSql, List.copyOf(words), List.of(), baseline, columns, positional, inserts);
    }

    /** The text with its string literals and comments blanked, its quoted names kept. */
    private static String withoutLiterals(String sql) {
        StringBuilder code = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            int after = SqlText.skipNonCode(sql, i);
            char c = sql.charAt(i);
            if (after > i && c != '"' && c != '`') {
                code.append(" ".repeat(after - i));
                i = after;
            } else if (after > i) {
                code.append(sql, i, after);
                i = after;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static boolean hasStar(String sql) {
        int i = 0;
        while (i < sql.length()) {
            int after = SqlText.skipNonCode(sql, i);
            if (after > i) {
                i = after;
            } else if (sql.charAt(i++) == '*') {
                return true;
            }
        }
        return false;
    }
}
