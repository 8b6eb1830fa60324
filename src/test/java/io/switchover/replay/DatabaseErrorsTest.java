package io.switchover.replay;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseErrorsTest {

    @Test
    void namesTheMissingRelationAsEachDatabaseSaysIt() {
        assertEquals(Optional.of("job_facets_view"), DatabaseErrors.of(new SQLException(
                "ERROR: relation \"job_facets_view\" does not exist\n  Position: 42", "42P01")).missingRelation());
        assertEquals(Optional.of("person_view"), DatabaseErrors.of(new SQLException(
                "Table \"PERSON_VIEW\" not found; SQL statement:\nSELECT * FROM person_view [42102-224]", "42S02"))
                .missingRelation());
        assertEquals(Optional.of("person_view"), DatabaseErrors.of(new SQLException(
                "(conn=12) Table 'switchover_1.person_view' doesn't exist", "42S02", 1146)).missingRelation());
    }

    @Test
    void namesNoneForOtherFailures() {
        assertEquals(Optional.empty(), DatabaseErrors.of(new SQLException(
                "ERROR: column \"alice\" does not exist", "42703")).missingRelation());
        assertEquals(Optional.empty(), DatabaseErrors.of(new SQLException("ERROR: no such thing", "42P01"))
                .missingRelation());
    }

    @Test
    void keepsOneLineWithoutTheStatementH2Echoes() {
        assertEquals("Table \"PERSON_VIEW\" not found", DatabaseErrors.of(new SQLException(
                "Table \"PERSON_VIEW\" not found; SQL statement:\nSELECT 1", "42S02")).message());
    }
}
