package io.switchover.replay;

/** The result of running one statement at one state: it worked, or the database's error. */
public record ProbeOutcome(DatabaseError error) {
    private static final ProbeOutcome OK = new ProbeOutcome(null);

    public static ProbeOutcome ok() {
        return OK;
    }

    public static ProbeOutcome failed(DatabaseError error) {
        return new ProbeOutcome(error);
    }

    /** Whether the schema let the statement through; made-up data tripping a constraint still counts as through. */
    public boolean passed() {
        return error == null || error.kind() == FailureKind.DATA_CONFLICT;
    }
}
