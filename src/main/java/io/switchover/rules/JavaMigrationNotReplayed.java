package io.switchover.rules;

import io.switchover.migrations.Migration;
import io.switchover.timeline.MigrationFailure;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java migration for which the replay ran nothing: no artifact holds its class, and its source builds the SQL it
 * executes at run time. What it does is not checked, and what production's schema or the batch lacks because of it
 * is not blamed on anything: a batch migration that then fails for want of a table, column or function is reported
 * here as not checked rather than as failing.
 */
@RuleId("java-migration-not-replayed")
public final class JavaMigrationNotReplayed implements Rule {
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        List<Migration> production = evidence.productionNotReplayed();
        if (!production.isEmpty()) {
            Migration first = production.get(0);
            String message = production.size() == 1
                    ? "production's " + first.script() + " is not replayed: " + reason(first)
                    + "; production's schema (S0) may lack what it made, and statements that need it are not checked"
                    : production.size() + " of production's Java migrations are not replayed (" + NotReplayedMigrations.names(production)
                    + "), e.g. " + NotReplayedMigrations.simpleName(first) + ": " + reason(first) + "; production's schema (S0) may lack"
                    + " what they made, and statements that need it are not checked";
            findings.add(Finding.of(doc(), first, 0, 0, null, null, message,
                    "give --prod-classpath <production's built jar, Spring Boot fat jar or classes folder> so that"
                            + " the replay runs the classes as Flyway does", null));
        }
        List<Migration> batch = evidence.timeline().batch();
        for (int i = 0; i < batch.size(); i++) {
            Migration migration = batch.get(i);
            if (migration.notReplayed()) {
                findings.add(Finding.of(doc(), migration, i + 1, 0, null, null,
                        migration.script() + " is not replayed: " + reason(migration) + "; what it does to the schema"
                                + " is not checked against the old statements",
                        "give --classpath <the candidate's built jar, Spring Boot fat jar or classes folder> so that"
                                + " the replay runs the class as Flyway does, or hand its SQL to execute(...) as"
                                + " literals or constants", null));
            }
        }
        evidence.timeline().failure().filter(failure -> NotReplayedMigrations.explainFailure(failure, evidence))
                .ifPresent(failure -> findings.add(notChecked(failure, evidence)));
        return findings;
    }

    private Finding notChecked(MigrationFailure failure, Evidence evidence) {
        List<Migration> skipped = evidence.notReplayedBefore(failure.step() - 1);
        int after = evidence.timeline().batch().size() - failure.step();
        String message = failure.migration().script() + " fails on the replay (" + failure.message() + "), which runs"
                + " nothing for " + NotReplayedMigrations.names(skipped) + ": it may need what " + (skipped.size() == 1 ? "that migration"
                : "those migrations") + " made, so it is not checked"
                + (after > 0 ? "; the " + after + " migration(s) after it were not checked either" : "");
        return Finding.of(doc(), failure.migration(), failure.step(), 0, null, null,
                message, "give --classpath and --prod-classpath so that the replay runs the Java migrations", null);
    }

    private static String reason(Migration migration) {
        return ((Migration.Replay.NotReplayed) migration.replay()).reason();
    }

}
