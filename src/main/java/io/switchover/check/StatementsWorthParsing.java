package io.switchover.check;

import io.switchover.migrations.BatchChanges;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.sql.SqlWords;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which SQL strings of the services this check parses. JSqlParser takes about a thousand times longer over a
 * statement than a look at its words, and most of a service's statements use tables a batch leaves alone: a statement
 * that names neither a table the batch changes nor one its migration statements name (a new unique index, the source
 * of a copy) is neither probed nor reported on however closely it is read. It still counts, as unaffected, when it
 * looks like SQL. A statement only the candidate sends is always parsed: it has to work after the batch whatever
 * tables it uses. When the batch may change anything (a function, a type, a cascade), everything is parsed.
 */
final class StatementsWorthParsing {
    /** {@code String.format}'s {@code %s}, {@code %1$s}, {@code %d}, and {@code MessageFormat}'s {@code {0}}. */
    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[sdfxXc]|\\{\\d+(,[^}]*)?}");
    /** Lower-case table names; empty when every statement is worth parsing. */
    private final Optional<Set<String>> tables;

    private StatementsWorthParsing(Optional<Set<String>> tables) {
        this.tables = tables;
    }

    static StatementsWorthParsing of(BatchChanges changes) {
        return new StatementsWorthParsing(changes.reachedTables().map(changed -> {
            Set<String> named = new HashSet<>(changed);
            named.addAll(changes.namedTables());
            return Set.copyOf(named);
        }));
    }

    /**
     * For the running version: a statement is parsed when it names a table the batch concerns, or when it is a format
     * string ({@code "UPDATE %s SET %s = ?"}), whose tables are filled in at run time: parsing it tells that it is not
     * a statement the probes can run, so that it is listed as not checked rather than counted as unaffected.
     */
    Choice forRunningVersion() {
        return new Choice(tables.<Predicate<String>>map(named -> sql -> FORMAT.matcher(sql).find()
                || SqlWords.namesAny(sql, named)).orElse(sql -> true), "parsed: " + tablesNamed());
    }

    /** For the candidate: also every statement the running version does not send. */
    Choice forCandidate(Collection<AccessPattern> running) {
        if (tables.isEmpty()) {
            return new Choice(sql -> true, "parsed: " + tablesNamed());
        }
        Set<String> sent = new HashSet<>();
        running.forEach(pattern -> sent.add(pattern.sql()));
        Predicate<String> namesATable = forRunningVersion();
        return new Choice(sql -> !sent.contains(sql) || namesATable.test(sql), "parsed: " + tablesNamed()
                + " and all but the running version's " + digest(new TreeSet<>(sent)));
    }

    private String tablesNamed() {
        return tables.map(named -> "statements naming " + String.join(",", new TreeSet<>(named)))
                .orElse("every statement");
    }

    private static String digest(Collection<String> statements) {
        return statements.size() + " statements (" + io.switchover.Sha256.hex(String.join("\0", statements)) + ")";
    }

    /**
     * Which statements to parse, and a text that says so, which differs whenever the choice does: a scan kept in the
     * extraction cache is reused only by a check that parses the same.
     */
    record Choice(Predicate<String> rule, String fingerprint) implements Predicate<String> {
        @Override
        public boolean test(String sql) {
            return rule.test(sql);
        }
    }
}
