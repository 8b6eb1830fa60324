package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;

/**
 * An applied migration whose file was changed afterwards: Flyway's validation fails the deployment; a warning where
 * the candidate turns that validation off.
 */
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
        String changed = problem.candidate().script() + " was changed after production applied it (checksum "
                + problem.applied().checksum() + " in production, " + problem.candidate().checksum()
                + " in the candidate)";
        if (evidence.validationOff().isPresent()) {
            // lavagna re-indented its V1 and runs Flyway with setValidateOnMigrate(false): the deployment goes through.
            return finding(Severity.WARNING, problem.candidate(), changed + "; Flyway's validation is off ("
                            + evidence.validationOff().get() + "), so the deployment goes through, and production"
                            + " keeps what it ran while a new database gets the edited text",
                    "if the edit changes what the migration does, restore the applied text and put the change in a"
                            + " new migration");
        }
        return finding(problem.candidate(), changed, "restore the applied text and put the change in a new migration");
    }
}
