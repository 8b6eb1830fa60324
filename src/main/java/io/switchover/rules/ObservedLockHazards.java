package io.switchover.rules;

import io.switchover.migrations.MigrationScript;
import io.switchover.migrations.MigrationStatement;
import io.switchover.timeline.LockMode;
import io.switchover.timeline.ObservedStatement.Kind;
import io.switchover.timeline.ObservedStatement.TableWork;
import io.switchover.timeline.ObservedStatement;
import io.switchover.timeline.SchemaCatalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lock hazards of one batch step as the replay saw PostgreSQL commit them: work proportional to a table's size
 * (a rewrite, a validation scan, an index build, a foreign-key check) done while a lock stops the old service's
 * reads or writes, and the ACCESS EXCLUSIVE locks of statements that PostgreSQL offers in a CONCURRENTLY form. Only
 * tables production already has count: a table the batch creates is empty and unused by the old version.
 */
final class ObservedLockHazards {
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^\\s*DROP\\s+INDEX\\s+(?!CONCURRENTLY\\b).*");
    private static final Pattern DETACH = Pattern.compile("(?is).*\\bDETACH\\s+PARTITION\\b(?!.*\\bCONCURRENTLY\\b).*");
    private static final Pattern TARGET = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?"
            + "(?:ONLY\\s+)?(?:\\w+\\.)?\"?(\\w+)\"?.*");
    private static final Pattern REINDEX = Pattern.compile("(?is)^\\s*REINDEX\\b.*");
    private static final Pattern VALIDATE = Pattern.compile("(?is).*\\bVALIDATE\\s+CONSTRAINT\\s+\"?(\\w+)\"?.*");
    private static final Pattern ALTER_TYPE = Pattern.compile("(?is).*\\bALTER\\s+(COLUMN\\s+)?\"?\\w+\"?\\s+(SET\\s+DATA\\s+)?TYPE\\b.*");
    private static final Pattern SET_NOT_NULL = Pattern.compile("(?is).*\\bSET\\s+NOT\\s+NULL\\b.*");
    private static final Pattern USING_INDEX = Pattern.compile("(?is).*\\bPRIMARY\\s+KEY\\s+USING\\s+INDEX\\b.*");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is).*\\bADD\\s+(COLUMN\\s+)?(?!CONSTRAINT\\b|UNIQUE\\b"
            + "|PRIMARY\\b|CHECK\\b|FOREIGN\\b|EXCLUDE\\b)\"?\\w+\"?\\s+\\w+.*");
    private static final Pattern ADD_CONSTRAINT_INDEX = Pattern.compile(
            "(?is).*\\b(UNIQUE|PRIMARY\\s+KEY|EXCLUDE)\\b.*");

    private ObservedLockHazards() {
    }

    /** A hazard, at the line of the statement that caused it. */
    record Hazard(int line, String message, String help) {
    }

    static List<Hazard> of(MigrationScript script, List<ObservedStatement> observed, SchemaCatalog production,
                           OldStatementsWaiting waiting) {
        List<Hazard> hazards = new ArrayList<>();
        for (ObservedStatement statement : observed) {
            int line = lineOf(script, statement);
            Set<String> reported = new LinkedHashSet<>();
            for (TableWork work : statement.work()) {
                String table = work.table().toLowerCase(Locale.ROOT);
                if (production.table(table).isEmpty() || !statement.inTransaction() || reported.contains(table)
                        && work.kind() == Kind.INDEX_BUILD) {
                    continue;
                }
                LockMode held = statement.held().get(work.table());
                workHazard(script, observed, statement, work, held, waiting).ifPresent(hazard -> {
                    reported.add(table);
                    hazards.add(new Hazard(line, hazard.message(), hazard.help()));
                });
            }
            if (statement.inTransaction()) {
                concurrentlyForm(statement, production, reported, waiting)
                        .ifPresent(hazard -> hazards.add(new Hazard(line, hazard.message(), hazard.help())));
            }
        }
        return hazards;
    }

    private static Optional<Hazard> workHazard(MigrationScript script, List<ObservedStatement> observed,
                                               ObservedStatement statement, TableWork work, LockMode held,
                                               OldStatementsWaiting waiting) {
        String table = work.table();
        String sql = statement.sql();
        if (held == null || !held.blocksWrites()) {
            return Optional.empty();
        }
        String under = " under " + held.sql() + " (seen in pg_locks): " + waits(held, table) + waiting.on(table, held);
        switch (work.kind()) {
            case REWRITE:
                return Optional.of(new Hazard(0, "rewrites " + table + " (PostgreSQL reported the rewrite)" + under,
                        ADD_COLUMN.matcher(sql).matches()
                                ? "add the column without a default (or with a constant one), then fill it in batches"
                                : "add a column of the new type, fill it in batches and switch over to it"
                                + " (expand-contract) instead"));
            case SCAN:
                return Optional.of(scan(script, observed, statement, table, held, under, waiting));
            case INDEX_BUILD:
                if (REINDEX.matcher(sql).matches()) {
                    return Optional.of(new Hazard(0, "rebuilds index " + work.object() + " of " + table + under,
                            "REINDEX ... CONCURRENTLY in a migration of its own, run outside a transaction"
                                    + " (executeInTransaction=false)"));
                }
                boolean constraint = sql.matches("(?is)^\\s*ALTER\\s+TABLE\\b.*")
                        && ADD_CONSTRAINT_INDEX.matcher(sql).matches();
                return Optional.of(new Hazard(0, "builds index " + work.object() + " on " + table + under,
                        constraint ? "CREATE UNIQUE INDEX CONCURRENTLY in a migration of its own first, then ADD"
                                + " CONSTRAINT ... UNIQUE USING INDEX (an EXCLUDE constraint has no such form: add it"
                                + " while the table is small, or in a maintenance window)"
                                : "CREATE INDEX CONCURRENTLY in a migration of its own, which Flyway runs outside a"
                                + " transaction"));
            case FOREIGN_KEY_CHECK:
                return Optional.of(new Hazard(0, "checks every row of " + table + " against foreign key "
                        + work.object() + under, "add the column first, then the constraint NOT VALID, and VALIDATE"
                        + " CONSTRAINT in a later migration (that takes a lighter lock)"));
            case DOMAIN_CHECK:
                return Optional.of(new Hazard(0, "checks every row of " + table + " against the domain's new"
                        + " constraint" + under, "ALTER DOMAIN ... ADD CONSTRAINT ... NOT VALID, then VALIDATE"
                        + " CONSTRAINT in a later migration"));
            default:
                return Optional.empty();
        }
    }

    private static Hazard scan(MigrationScript script, List<ObservedStatement> observed, ObservedStatement statement,
                               String table, LockMode held, String under, OldStatementsWaiting waiting) {
        String sql = statement.sql();
        java.util.regex.Matcher validate = VALIDATE.matcher(sql);
        if (validate.matches()) {
            int earlier = observed.stream().filter(o -> o.ordinal() < statement.ordinal()
                    && o.taken().getOrDefault(table, LockMode.ACCESS_SHARE) == held).findFirst()
                    .map(o -> lineOf(script, o)).orElse(0);
            return new Hazard(0, "validates " + validate.group(1) + " on " + table + " in the migration that"
                    + (earlier > 0 ? " took " + held.sql() + " on it at line " + earlier : " holds " + held.sql()
                    + " on it") + ": Flyway runs a migration in one transaction, so that lock stays held while"
                    + " every row is checked (seen in pg_locks): " + waits(held, table) + waiting.on(table, held),
                    "VALIDATE CONSTRAINT in a later migration: alone it takes SHARE UPDATE EXCLUSIVE, which blocks"
                            + " neither reads nor writes");
        }
        if (USING_INDEX.matcher(sql).matches()) {
            return new Hazard(0, "scans " + table + " to prove the primary key's columns NOT NULL" + under,
                    "SET NOT NULL first, after a validated CHECK (column IS NOT NULL), so that PostgreSQL proves it"
                            + " without a scan");
        }
        if (SET_NOT_NULL.matcher(sql).matches()) {
            return new Hazard(0, "scans every row of " + table + " to prove NOT NULL" + under,
                    "add CHECK (column IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL"
                            + " (PostgreSQL 12+ skips the scan)");
        }
        return new Hazard(0, "checks every row of " + table + " (PostgreSQL reported the scan)" + under,
                scanAdvice(sql));
    }

    /** What to do about a scan, by what the statement does: only a constraint has a NOT VALID form. */
    static String scanAdvice(String sql) {
        if (ALTER_TYPE.matcher(sql).matches()) {
            return "a type change checks every row against the column's constraints under this lock: add a column of"
                    + " the new type, fill it in batches and switch over to it (expand-contract), or change it while"
                    + " the table is small";
        }
        if (ADD_COLUMN.matcher(sql).matches()) {
            return "add the column without NOT NULL or the constraint, fill it in batches, then add CHECK (column IS NOT"
                    + " NULL) or the constraint NOT VALID and VALIDATE it in a later migration";
        }
        return "add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (that takes a lighter"
                + " lock)";
    }

    private static Optional<Hazard> concurrentlyForm(ObservedStatement statement, SchemaCatalog production,
                                                     Set<String> reported, OldStatementsWaiting waiting) {
        String sql = statement.sql();
        Optional<String> locked = accessExclusive(statement, production, reported);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        String table = locked.get();
        if (DROP_INDEX.matcher(sql).matches()) {
            return Optional.of(new Hazard(0, "drops an index of " + table + " under ACCESS EXCLUSIVE on " + table
                    + " (seen in pg_locks): it waits for every running query of " + table + ", and "
                    + waits(LockMode.ACCESS_EXCLUSIVE, table) + " behind it" + waiting.on(table,
                    LockMode.ACCESS_EXCLUSIVE), "DROP INDEX CONCURRENTLY in a migration of its own, run outside a"
                    + " transaction (executeInTransaction=false)"));
        }
        if (DETACH.matcher(sql).matches()) {
            return Optional.of(new Hazard(0, "detaches a partition under ACCESS EXCLUSIVE on " + table
                    + " (seen in pg_locks): it waits for every running query of " + table + ", and "
                    + waits(LockMode.ACCESS_EXCLUSIVE, table) + " behind it" + waiting.on(table,
                    LockMode.ACCESS_EXCLUSIVE), "DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+) in a migration"
                    + " of its own, run outside a transaction (executeInTransaction=false)"));
        }
        return Optional.empty();
    }

    /**
     * The production table the statement newly locked ACCESS EXCLUSIVE and has not been reported for: the one its
     * text alters ({@code ALTER TABLE event DETACH ...} locks the partition too), else the first.
     */
    private static Optional<String> accessExclusive(ObservedStatement statement, SchemaCatalog production,
                                                    Set<String> reported) {
        java.util.regex.Matcher target = TARGET.matcher(statement.sql());
        String named = target.matches() ? target.group(1).toLowerCase(Locale.ROOT) : null;
        List<String> locked = statement.taken().entrySet().stream()
                .filter(e -> e.getValue() == LockMode.ACCESS_EXCLUSIVE && production.table(e.getKey()).isPresent()
                        && !reported.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .map(java.util.Map.Entry::getKey).sorted().toList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        // A partitioned table is no table of the catalog; its partition, which production has, vouches for it.
        return statement.taken().entrySet().stream().filter(e -> e.getValue() == LockMode.ACCESS_EXCLUSIVE
                        && e.getKey().equalsIgnoreCase(named)).map(java.util.Map.Entry::getKey).findFirst()
                .or(() -> locked.stream().findFirst());
    }

    static String waits(LockMode mode, String table) {
        return (mode.blocksReads() ? "reads and writes of " : "writes of ") + table + " wait";
    }

    /** The statement's line: where its text is in the script, else at its place in the order Flyway split it. */
    static int lineOf(MigrationScript script, ObservedStatement observed) {
        String wanted = normalized(observed.sql());
        List<MigrationStatement> statements = script.statements();
        for (MigrationStatement statement : statements) {
            if (normalized(statement.sql()).equals(wanted)) {
                return statement.line();
            }
        }
        if (observed.ordinal() < statements.size()) {
            return statements.get(observed.ordinal()).line();
        }
        return statements.isEmpty() ? 1 : statements.get(0).line();
    }

    private static String normalized(String sql) {
        String text = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ")
                .replaceAll("\\s+", " ").strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
