package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;

/** A failed row in production's history: Flyway refuses to migrate until it is repaired. */
@RuleId("failed-migration-in-history")
@HistoryRule.Reads(HistoryProblem.Kind.FAILED_IN_HISTORY)
public final class FailedMigrationInHistory extends HistoryRule {
    @Override
    Finding finding(HistoryProblem problem, Evidence evidence) {
        return finding(problem.candidate() != null ? problem.candidate() : asMigration(problem.applied()),
                "production's history records " + problem.applied().script() + " as failed (rank "
                        + problem.applied().rank() + "); Flyway refuses to migrate until that is repaired",
                "clean up what the failed migration left, then run flyway repair on production before promoting");
    }
}
