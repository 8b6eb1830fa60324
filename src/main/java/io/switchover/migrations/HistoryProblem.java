package io.switchover.migrations;

/**
 * Something wrong with production's history compared with the candidate, which Flyway itself would trip over when
 * the candidate is deployed.
 *
 * @param applied   the history row concerned (null for an out-of-order pending migration)
 * @param candidate the candidate's migration concerned (null for a migration missing from the candidate)
 */
public record HistoryProblem(Kind kind, AppliedMigration applied, Migration candidate) {

    public enum Kind {
        /** An applied migration whose file was changed after it ran. */
        EDITED_AFTER_APPLY,
        /** An applied migration that the candidate no longer has. */
        MISSING_FROM_CANDIDATE,
        /** A pending migration with a version lower than production's newest. */
        OUT_OF_ORDER,
        /** A failed row: Flyway refuses to migrate until it is repaired. */
        FAILED_IN_HISTORY
    }
}
