package io.switchover.rules;

import io.switchover.migrations.DdlChange.AddColumn;
import io.switchover.migrations.DdlChange.AddConstraint;
import io.switchover.migrations.DdlChange.AlterColumnType;
import io.switchover.migrations.DdlChange.ConstraintKind;
import io.switchover.migrations.DdlChange.CreateIndex;
import io.switchover.migrations.DdlChange.SetNotNull;
import io.switchover.migrations.DdlChange.ValidateConstraint;
import io.switchover.migrations.DdlChange;
import io.switchover.migrations.LocatedChange;
import io.switchover.migrations.MigrationScript;
import io.switchover.sql.SqlTokens;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.EngineKind;
import io.switchover.timeline.LockObservations;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DDL that, on PostgreSQL, rewrites or scans a whole table while holding a lock that stops the old service's reads or
 * writes: nothing fails, but every request waits until the statement ends, and a long wait is an outage. Where the
 * replay ran on PostgreSQL, the findings are what it saw the server do ({@link ObservedLockHazards}); elsewhere the
 * migration text is read with PostgreSQL's semantics (H2 runs in PostgreSQL mode), and on MariaDB with its online-DDL
 * rules ({@link MariaDbOnlineDdl}). Tables the batch creates are empty and unused by the old service, so they are left
 * alone.
 */
@RuleId("locking-ddl")
public final class LockingDdl implements Rule {
    /** Functions PostgreSQL marks volatile that are used as column defaults; now() and friends are only stable. */
    private static final Set<String> VOLATILE = Set.of("random", "clock_timestamp", "timeofday", "gen_random_uuid",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "nextval", "txid_current", "random_uuid");
    private static final Pattern SERIAL = Pattern.compile("(?i)(small|big)?serial[248]?");

    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        if (evidence.timeline().engineKind() == EngineKind.MARIADB) {
            return MariaDbOnlineDdl.findings(evidence, doc());
        }
        SchemaCatalog production = evidence.timeline().initial().catalog();
        LockObservations observations = evidence.timeline().observations();
        OldStatementsWaiting waiting = OldStatementsWaiting.of(evidence);
        List<Finding> findings = new ArrayList<>();
        for (MigrationScript script : evidence.scripts()) {
            if (!observations.observed(script.step())) {
                continue;
            }
            for (ObservedLockHazards.Hazard hazard : ObservedLockHazards.of(script, observations.of(script.step()),
                    production, waiting)) {
                findings.add(Finding.of(doc(), script.migration(), script.step(),
                        hazard.line(), null, null, script.migration().script() + " " + hazard.message(),
                        hazard.help(), null));
            }
        }
        // Where no PostgreSQL replay watched a step, its SQL is read with PostgreSQL's semantics.
        List<LocatedChange> changes = evidence.changes().located();
        for (int i = 0; i < changes.size(); i++) {
            LocatedChange located = changes.get(i);
            if (observations.observed(located.step()) || production.table(located.change().table()).isEmpty()) {
                continue;
            }
            hazard(evidence, changes.subList(0, i), located).ifPresent(hazard -> findings.add(Finding.of(doc(),
                    doc().severity(), located.migration(), located.step(), located.line(), null, null,
                    located.scriptName() + " " + hazard.message(), hazard.help(), null)));
        }
        findings.addAll(dropIndexes(evidence, observations, changes));
        findings.sort(java.util.Comparator.comparingInt(Finding::step).thenComparingInt(Finding::line));
        return findings;
    }

    private record Hazard(String message, String help) {
    }

    private static final Pattern DROP_INDEX = Pattern.compile(
            "(?is)^\\s*DROP\\s+INDEX\\s+(?!CONCURRENTLY\\b)(?:IF\\s+EXISTS\\s+)?(?:\\w+\\.)?\"?(\\w+)\"?.*");

    /** {@code DROP INDEX} without CONCURRENTLY, of an index the batch did not make, where no replay watched it. */
    private List<Finding> dropIndexes(Evidence evidence, LockObservations observations, List<LocatedChange> changes) {
        List<Finding> findings = new ArrayList<>();
        for (MigrationScript script : evidence.scripts()) {
            if (observations.observed(script.step())) {
                continue;
            }
            for (io.switchover.migrations.MigrationStatement statement : script.statements()) {
                java.util.regex.Matcher drop = DROP_INDEX.matcher(statement.sql());
                if (!drop.matches() || changes.stream().anyMatch(l -> l.change() instanceof CreateIndex index
                        && drop.group(1).equalsIgnoreCase(index.name()))) {
                    continue;
                }
                findings.add(Finding.of(doc(), script.migration(), script.step(),
                        statement.line(), null, null, script.migration().script() + " drops index " + drop.group(1)
                        + " without CONCURRENTLY: on PostgreSQL, that takes ACCESS EXCLUSIVE on its table, so it waits"
                        + " for every running query of it and its reads and writes wait behind it",
                        "DROP INDEX CONCURRENTLY in a migration of its own, which Flyway runs outside a transaction",
                        null));
            }
        }
        return findings;
    }

    private static Optional<Hazard> hazard(Evidence evidence, List<LocatedChange> earlier, LocatedChange located) {
        DdlChange change = located.change();
        String table = change.table();
        if (change instanceof CreateIndex index && !index.concurrently()) {
            return Optional.of(new Hazard("builds index " + (index.name() == null ? "" : index.name() + " ") + "on "
                    + table + " without CONCURRENTLY: on PostgreSQL, writes to " + table + " wait until it is built",
                    "CREATE INDEX CONCURRENTLY in a migration of its own, which Flyway runs outside a transaction"));
        }
        if (change instanceof AddConstraint constraint && !constraint.notValid() && !constraint.usingIndex()) {
            return constraint(constraint);
        }
        if (change instanceof AlterColumnType alter) {
            return typeChange(evidence, located, alter);
        }
        if (change instanceof SetNotNull notNull && !validatedCheck(earlier, notNull)) {
            return Optional.of(new Hazard("sets " + table + "." + notNull.column() + " NOT NULL: on PostgreSQL, every"
                    + " row is scanned while reads and writes of " + table + " wait",
                    "add CHECK (" + notNull.column() + " IS NOT NULL) NOT VALID, VALIDATE it in a later migration,"
                            + " then SET NOT NULL (PostgreSQL 12+ skips the scan)"));
        }
        if (change instanceof AddColumn add) {
            return inlineConstraint(located, add).or(() -> addColumn(add));
        }
        if (change instanceof ValidateConstraint validate) {
            return validatedWhereAdded(earlier, located, validate);
        }
        return Optional.empty();
    }

    /** {@code ADD COLUMN c ... UNIQUE} builds an index; {@code ... DEFAULT x REFERENCES t} checks every row. */
    private static Optional<Hazard> inlineConstraint(LocatedChange located, AddColumn add) {
        Pattern inline = Pattern.compile("(?is)\\bADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?[\"`]?"
                + Pattern.quote(add.column()) + "[\"`]?\\s[^,]*?\\b(REFERENCES|UNIQUE|PRIMARY\\s+KEY)\\b");
        java.util.regex.Matcher m = inline.matcher(located.statement().sql());
        if (!m.find()) {
            return Optional.empty();
        }
        String column = add.table() + "." + add.column();
        if (!m.group(1).regionMatches(true, 0, "REFERENCES", 0, 10)) {
            return Optional.of(new Hazard("adds " + column + " with " + m.group(1).toUpperCase(Locale.ROOT)
                    .replaceAll("\\s+", " ") + ": on PostgreSQL, its index is built while reads and writes of "
                    + add.table() + " wait", "add the column, CREATE UNIQUE INDEX CONCURRENTLY in a migration of its"
                    + " own, then ADD CONSTRAINT ... UNIQUE USING INDEX"));
        }
        boolean filled = add.defaultExpression().filter(d -> !d.strip().equalsIgnoreCase("null")).isPresent();
        return filled ? Optional.of(new Hazard("adds " + column + " with a default and REFERENCES: on PostgreSQL,"
                + " every row is checked while writes of " + add.table() + " and of the table it references wait",
                "add the column, then the constraint NOT VALID, and VALIDATE CONSTRAINT in a later migration"))
                : Optional.empty();
    }

    /** {@code VALIDATE CONSTRAINT} in the migration that added it {@code NOT VALID}: one transaction, no gain. */
    private static Optional<Hazard> validatedWhereAdded(List<LocatedChange> earlier, LocatedChange located,
                                                        ValidateConstraint validate) {
        return earlier.stream().filter(l -> l.migration().equals(located.migration())
                        && l.change() instanceof AddConstraint add && add.notValid()
                        && validate.name().equals(add.name()) && add.table().equals(validate.table()))
                .findFirst().map(added -> new Hazard("validates " + validate.name() + " in the migration that added it"
                        + " NOT VALID at line " + added.line() + ": Flyway runs a migration in one transaction, so on"
                        + " PostgreSQL the lock of the ADD stays held while every row of " + validate.table()
                        + " is checked", "VALIDATE CONSTRAINT in a later migration: alone it takes SHARE UPDATE"
                        + " EXCLUSIVE, which blocks neither reads nor writes"));
    }

    private static Optional<Hazard> constraint(AddConstraint constraint) {
        String table = constraint.table();
        if (constraint.kind() == ConstraintKind.UNIQUE || constraint.kind() == ConstraintKind.PRIMARY_KEY) {
            return Optional.of(new Hazard("adds " + constraint.definition() + " on " + table + ": on PostgreSQL, its"
                    + " index is built while reads and writes of " + table + " wait",
                    "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... " + constraint.kind().sql()
                            + " USING INDEX"));
        }
        String waits = constraint.kind() == ConstraintKind.FOREIGN_KEY
                ? "writes of " + table + " and of the table it references wait"
                : "reads and writes of " + table + " wait";
        return Optional.of(new Hazard("adds " + constraint.definition() + " on " + table + " without NOT VALID: on"
                + " PostgreSQL, every row is checked while " + waits,
                "add it NOT VALID, then VALIDATE CONSTRAINT in a later migration (that takes a lighter lock)"));
    }

    private static Optional<Hazard> typeChange(Evidence evidence, LocatedChange located, AlterColumnType alter) {
        List<SchemaState> states = evidence.timeline().states();
        int step = located.step();
        Optional<ColumnInfo> before = step - 1 < states.size()
                ? states.get(step - 1).catalog().column(alter.table(), alter.column()) : Optional.empty();
        Optional<ColumnInfo> after = step < states.size()
                ? states.get(step).catalog().column(alter.table(), alter.column()) : Optional.empty();
        if (before.isPresent() && after.isPresent() && ColumnTypes.changesWithoutRewrite(before.get(), after.get())) {
            return Optional.empty();
        }
        String column = alter.table() + "." + alter.column();
        String change = before.isPresent() && after.isPresent()
                ? "changes " + column + " from " + before.get().typeLabel() + " to " + after.get().typeLabel()
                + ": on PostgreSQL, that rewrites " + alter.table()
                : "changes the type of " + column + " to " + alter.type() + ": on PostgreSQL, that may rewrite "
                + alter.table();
        return Optional.of(new Hazard(change + " while its reads and writes wait",
                "add a column of the new type, fill it in batches and switch over to it (expand-contract) instead"));
    }

    /** A CHECK (column IS NOT NULL) the batch added and validated before {@code SET NOT NULL}. */
    private static boolean validatedCheck(List<LocatedChange> earlier, SetNotNull notNull) {
        Pattern isNotNull = Pattern.compile("(?i)\\(?\\s*\"?" + Pattern.quote(notNull.column())
                + "\"?\\s+IS\\s+NOT\\s+NULL");
        for (LocatedChange located : earlier) {
            if (located.change() instanceof AddConstraint check && check.kind() == ConstraintKind.CHECK
                    && check.table().equals(notNull.table()) && isNotNull.matcher(check.definition()).find()
                    && (!check.notValid() || validated(earlier, check))) {
                return true;
            }
        }
        return false;
    }

    private static boolean validated(List<LocatedChange> earlier, AddConstraint check) {
        return check.name() != null && earlier.stream().anyMatch(l -> l.change() instanceof ValidateConstraint v
                && v.table().equals(check.table()) && v.name().equals(check.name()));
    }

    private static Optional<Hazard> addColumn(AddColumn add) {
        String column = add.table() + "." + add.column();
        String rewrite = ": on PostgreSQL, that rewrites " + add.table() + " while its reads and writes wait";
        String help = "add the column without a default (or with a constant one), then fill it in batches";
        if (SERIAL.matcher(add.type().strip()).matches()) {
            return Optional.of(new Hazard("adds " + column + " as " + add.type() + ", filled from a sequence"
                    + rewrite, help));
        }
        if (add.generated()) {
            return Optional.of(new Hazard("adds the generated column " + column + rewrite, help));
        }
        Optional<String> volatileCall = add.defaultExpression().flatMap(LockingDdl::volatileCall);
        return volatileCall.map(call -> new Hazard("adds " + column + " with the volatile default "
                + add.defaultExpression().get() + rewrite, help));
    }

    private static Optional<String> volatileCall(String expression) {
        List<SqlTokens.Token> tokens = SqlTokens.of(expression);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).kind() == SqlTokens.Kind.WORD && VOLATILE.contains(tokens.get(i).name())
                    && tokens.get(i + 1).isSymbol("(")) {
                return Optional.of(tokens.get(i).name());
            }
        }
        return Optional.empty();
    }
}
