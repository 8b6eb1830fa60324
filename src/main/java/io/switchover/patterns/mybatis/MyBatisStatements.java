package io.switchover.patterns.mybatis;

import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the expansion of one MyBatis statement into access patterns. {@code ${...}} is pasted in by MyBatis at run
 * time: inside a quoted literal it cannot change which columns are used and is dropped; an {@code ORDER BY},
 * {@code LIMIT} or {@code OFFSET} clause built from it is left out with a warning, because what it sorts by is not
 * known; anywhere else the statement is not checked.
 */
public final class MyBatisStatements {
    private static final Pattern DOLLAR = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern DOLLAR_CLAUSE = Pattern.compile(
            "(?i)\\s*\\bORDER\\s+BY\\s+[^()]*?\\$\\{[^}]*}[^()]*?(?=\\s+(LIMIT|OFFSET|FETCH|FOR)\\b|\\)|$)"
                    + "|\\s*\\b(LIMIT|OFFSET)\\s+\\$\\{[^}]*}");

    private final SqlStatementClassifier classifier;

    public MyBatisStatements(SqlStatementClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * @param label   how the report names the statement when it is not checked, such as {@code <select id="find">}
     * @param notes   what the expansion could not do faithfully; each becomes a warning at the origin
     */
    public ExtractionResult toResult(List<String> variants, List<String> notes, Origin origin, String extractor,
                                     String label) {
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        notes.forEach(note -> warnings.add(origin + ": " + label + ": " + note));
        for (String variant : variants) {
            String sql = withoutQuotedDollars(variant).strip();
            Matcher clause = DOLLAR_CLAUSE.matcher(sql);
            while (clause.find()) {
                warnings.add(origin + ": " + label + ": " + clause.group().strip()
                        + " is filled in at run time; the statement is checked without it");
            }
            sql = DOLLAR_CLAUSE.matcher(sql).replaceAll("").strip();
            Matcher dollar = DOLLAR.matcher(sql);
            if (dollar.find()) {
                notChecked.add(new UnresolvedSql(origin, label, "${" + dollar.group(1).strip()
                        + "} is pasted into the SQL at run time"));
            } else if (sql.isEmpty()) {
                notChecked.add(new UnresolvedSql(origin, label, "no SQL"));
            } else if (classifier.isSql(sql)) {
                patterns.add(new AccessPattern(sql, origin, extractor));
            } else {
                notChecked.add(new UnresolvedSql(origin, label + " " + shorten(sql),
                        "JSqlParser cannot parse it"));
            }
        }
        return new ExtractionResult(patterns, dedupe(notChecked), List.copyOf(warnings));
    }

    private static List<UnresolvedSql> dedupe(List<UnresolvedSql> notChecked) {
        return List.copyOf(new LinkedHashSet<>(notChecked));
    }

    /** {@code '%${name}%'}: whatever is pasted into a literal, the statement reads the same columns. */
    private static String withoutQuotedDollars(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (quoted && c == '$' && i + 1 < sql.length() && sql.charAt(i + 1) == '{') {
                int end = sql.indexOf('}', i);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String shorten(String sql) {
        return sql.length() <= 120 ? sql : sql.substring(0, 119) + "…";
    }
}
