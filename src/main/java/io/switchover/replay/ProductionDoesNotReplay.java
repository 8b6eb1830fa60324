package io.switchover.replay;

import io.switchover.SwitchoverException;
import io.switchover.timeline.DatabaseError;

/**
 * Production's migrations fail on this engine: bad input, unless a fallback engine runs them. Thrown while production's
 * state is made (S0), and turned into a {@link ReplayOutcome.ProductionFailed} before the engine fallback sees it.
 */
final class ProductionDoesNotReplay extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SwitchoverException error;
    private final String script;
    private final String engine;
    private final String reason;
    private final transient DatabaseError cause;

    ProductionDoesNotReplay(SwitchoverException error, String script, String engine, String reason) {
        this(error, script, engine, reason, null);
    }

    ProductionDoesNotReplay(SwitchoverException error, String script, String engine, String reason,
                            DatabaseError cause) {
        super(error.getMessage(), error, false, false);
        this.error = error;
        this.script = script;
        this.engine = engine;
        this.reason = reason;
        this.cause = cause;
    }

    /** The same failure, its message followed by what the user can do about it. */
    ProductionDoesNotReplay advising(String advice) {
        return new ProductionDoesNotReplay(new SwitchoverException(error.exitCode(), error.getMessage() + advice,
                error.getCause()), script, engine, reason, cause);
    }

    /** The bad-input error the user sees when no other engine runs production's migrations. */
    SwitchoverException error() {
        return error;
    }

    /** The production migration that failed ("migrations" when Flyway did not say which, or "schema export"). */
    String script() {
        return script;
    }

    /** The description of the database it failed on. */
    String engine() {
        return engine;
    }

    /** Why it failed, in one line. */
    String reason() {
        return reason;
    }

    /** The database's error, classified; {@code null} where the failure was not the database's. */
    DatabaseError databaseError() {
        return cause;
    }
}
