package io.switchover.replay;

import io.switchover.SwitchoverException;
import io.switchover.timeline.DatabaseError;

/**
 * Production's migrations fail on this engine: bad input, unless a fallback engine runs them. What making
 * production's state (S0) may come to instead of a database (see {@link ProductionRun}).
 *
 * @param error         the bad-input error the user sees when no other engine runs production's migrations
 * @param script        the production migration that failed ("migrations" when Flyway did not say which, or
 *                      "schema export")
 * @param engine        the description of the database it failed on
 * @param reason        why it failed, in one line
 * @param databaseError the database's error, classified; {@code null} where the failure was not the database's
 */
record ProductionDoesNotReplay(SwitchoverException error, String script, String engine, String reason,
                               DatabaseError databaseError) {

    ProductionDoesNotReplay(SwitchoverException error, String script, String engine, String reason) {
        this(error, script, engine, reason, null);
    }

    /** The same failure, its message followed by what the user can do about it. */
    ProductionDoesNotReplay advising(String advice) {
        return new ProductionDoesNotReplay(new SwitchoverException(error.exitCode(), error.getMessage() + advice,
                error.getCause()), script, engine, reason, databaseError);
    }
}
