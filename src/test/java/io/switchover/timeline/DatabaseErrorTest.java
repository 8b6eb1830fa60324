package io.switchover.timeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseErrorTest {

    /** lavagna reads back the row it has just inserted with currval: a probe's session never inserted it. */
    @Test
    void aSequenceValueTheSessionHasNotMadeIsTheProbesSessionNotTheSchema() {
        DatabaseError currval = DatabaseError.of("55000", 0, "ERROR: currval of sequence \"ticket_id_seq\" is not yet"
                + " defined in this session");

        assertEquals(FailureKind.SESSION_STATE, currval.kind());
        assertTrue(ProbeOutcome.failed(currval).passed());
    }

    @Test
    void otherStatesOfTheSameCodeAreTheSchemas() {
        DatabaseError replicaIdentity = DatabaseError.of("55000", 0, "ERROR: cannot update table \"ticket\" because it"
                + " does not have a replica identity and publishes updates");

        assertEquals(FailureKind.OTHER, replicaIdentity.kind());
        assertFalse(ProbeOutcome.failed(replicaIdentity).passed());
    }
}
