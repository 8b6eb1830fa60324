package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;

/** A migration production applied that the candidate no longer has: Flyway's validation fails the deployment. */
@RuleId("applied-migration-missing")
public final class AppliedMigrationMissing extends HistoryRule {
    @Override
    HistoryProblem.Kind kind() {
        return HistoryProblem.Kind.MISSING_FROM_CANDIDATE;
    }

    @Override
    Finding finding(HistoryProblem problem, Evidence evidence) {
        return finding(doc().severity(), asMigration(problem.applied()), problem.applied().script()
                        + " is applied in production but the candidate has no such migration",
                "restore the file; applied migrations stay in the project for as long as production's history has them");
    }
}
