package io.switchover.replay;

/** What making production's state (S0) came to: a database at that state, or production not replaying there. */
sealed interface ProductionRun permits ProductionRun.Ready, ProductionRun.Failed {

    /** A database at production's state, the caller's to close. */
    record Ready(ReplayDatabase db) implements ProductionRun {
    }

    /** Production's migrations (or schema) did not run; the database they failed on is closed. */
    record Failed(ProductionDoesNotReplay failure) implements ProductionRun {
    }
}
