package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;

/** A failed row in production's history: Flyway refuses to migrate until it is repaired. */
@RuleId("failed-migration-in-history")
public final class FailedMigrationInHistory extends HistoryRule {
    @Override
    HistoryProblem.Kind kind() {
        return HistoryProblem.Kind.FAILED_IN_HISTORY;
    }

    @Override
    Finding finding(HistoryProblem problem, Evidence evidence) {
        return finding(doc().severity(), problem.candidate() != null ? problem.candidate() : asMigration(problem.applied()),
                "production's history records " + problem.applied().script() + " as failed (rank "
                        + problem.applied().rank() + "); Flyway refuses to migrate until that is repaired",
                "clean up what the failed migration left, then run flyway repair on production before promoting");
    }
}
