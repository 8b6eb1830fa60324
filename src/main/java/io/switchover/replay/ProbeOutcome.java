package io.switchover.replay;

/**
 * The result of running one statement at one state: it worked, or the database's error; or, for a statement that uses
 * nothing the batch changes, that it was not run at all (its outcome cannot change along the timeline).
 */
public record ProbeOutcome(DatabaseError error, boolean unaffected) {
    private static final ProbeOutcome OK = new ProbeOutcome(null, false);
    private static final ProbeOutcome UNAFFECTED = new ProbeOutcome(null, true);

    public static ProbeOutcome ok() {
        return OK;
    }

    public static ProbeOutcome failed(DatabaseError error) {
        return new ProbeOutcome(error, false);
    }

    /** Not run: the statement uses no table the batch's migrations name. */
    public static ProbeOutcome unaffectedByBatch() {
        return UNAFFECTED;
    }

    /** Whether the schema let the statement through; made-up data tripping a constraint still counts as through. */
    public boolean passed() {
        return error == null || error.kind() == FailureKind.DATA_CONFLICT;
    }
}
