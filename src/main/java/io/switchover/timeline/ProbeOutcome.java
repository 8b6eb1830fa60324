package io.switchover.timeline;

/**
 * The result of running one statement at one state: it worked, or the database's error; or, for a statement that uses
 * nothing the batch changes, that it was not run at all (its outcome cannot change along the timeline).
 *
 * @param resultColumns the labels of the columns its result has, lower case, when the probe was asked for them (the
 *                      old code reads some by name) and the statement worked; else null
 * @param nullRejected  what the database said when the statement, which worked, was run again with NULL where the
 *                      running version may write it, into a column a step made NOT NULL (the replay's NULL probe); null
 *                      when that probe was not run or worked
 */
public record ProbeOutcome(DatabaseError error, boolean unaffected, java.util.List<String> resultColumns,
                           DatabaseError nullRejected) {
    private static final ProbeOutcome OK = new ProbeOutcome(null, false, null);
    private static final ProbeOutcome UNAFFECTED = new ProbeOutcome(null, true, null);

    public ProbeOutcome(DatabaseError error, boolean unaffected) {
        this(error, unaffected, null);
    }

    public ProbeOutcome(DatabaseError error, boolean unaffected, java.util.List<String> resultColumns) {
        this(error, unaffected, resultColumns, null);
    }

    /** The same outcome, the NULL the old code may write rejected so. */
    public ProbeOutcome rejectingNull(DatabaseError rejected) {
        return new ProbeOutcome(error, unaffected, resultColumns, rejected);
    }

    /** It worked, and its result has these columns. */
    public static ProbeOutcome returning(java.util.List<String> columns) {
        return new ProbeOutcome(null, false, java.util.List.copyOf(columns));
    }

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

    /**
     * Whether the schema let the statement through; made-up data tripping a constraint, or a probe's session lacking
     * what the service's session did before, still counts as through.
     */
    public boolean passed() {
        return error == null || error.kind() == FailureKind.DATA_CONFLICT || error.kind() == FailureKind.SESSION_STATE;
    }
}
