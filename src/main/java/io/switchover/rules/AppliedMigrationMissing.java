package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;

/** A migration production applied that the candidate no longer has: Flyway's validation fails the deployment. */
public final class AppliedMigrationMissing extends HistoryRule {
    private static final RuleDoc DOC = RuleDocs.load("applied-migration-missing");

    @Override
    public RuleDoc doc() {
        return DOC;
    }

    @Override
    HistoryProblem.Kind kind() {
        return HistoryProblem.Kind.MISSING_FROM_CANDIDATE;
    }

    @Override
    Finding finding(HistoryProblem problem, Evidence evidence) {
        return finding(DOC.severity(), asMigration(problem.applied()), problem.applied().script()
                        + " is applied in production but the candidate has no such migration",
                "restore the file; applied migrations stay in the project for as long as production's history has them");
    }
}
