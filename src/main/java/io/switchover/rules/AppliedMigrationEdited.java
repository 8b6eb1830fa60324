package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;

/** An applied migration whose file was changed afterwards: Flyway's validation fails the deployment. */
@RuleId("applied-migration-edited")
@HistoryRule.Reads(HistoryProblem.Kind.EDITED_AFTER_APPLY)
public final class AppliedMigrationEdited extends HistoryRule {
    @Override
    Finding finding(HistoryProblem problem, Evidence evidence) {
        if (!problem.applied().description().equals(problem.candidate().description())) {
            return finding(problem.candidate(), problem.candidate().script()
                            + " was renamed after production applied it as " + problem.applied().script(),
                    "keep the applied name; Flyway's validation fails on a changed description");
        }
        return finding(problem.candidate(), problem.candidate().script()
                        + " was changed after production applied it (checksum " + problem.applied().checksum()
                        + " in production, " + problem.candidate().checksum() + " in the candidate)",
                "restore the applied text and put the change in a new migration");
    }
}
