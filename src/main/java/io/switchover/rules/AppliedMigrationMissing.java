package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;

/** A migration production applied that the candidate no longer has: Flyway's validation fails the deployment. */
@RuleId("applied-migration-missing")
@HistoryRule.Reads(HistoryProblem.Kind.MISSING_FROM_CANDIDATE)
public final class AppliedMigrationMissing extends HistoryRule {
    @Override
    Finding finding(HistoryProblem problem, Evidence evidence) {
        return finding(asMigration(problem.applied()), problem.applied().script()
                        + " is applied in production but the candidate has no such migration",
                "restore the file; applied migrations stay in the project for as long as production's history has them");
    }
}
