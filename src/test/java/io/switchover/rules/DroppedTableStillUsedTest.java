package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DroppedTableStillUsedTest {
    private static final String SCHEMA = "CREATE TABLE person (id BIGINT PRIMARY KEY);\n"
            + "CREATE TABLE legacy_address (person_id BIGINT, street VARCHAR(100));";

    @Test
    void flagsTheDropOfATableTheOldCodeReads() {
        List<Finding> findings = RuleScenario.production(SCHEMA, "SELECT street FROM legacy_address WHERE person_id = ?")
                .migrate("drop_legacy_address", "-- nobody lives there\nDROP TABLE IF EXISTS legacy_address;")
                .findings("dropped-table-still-used");

        assertEquals(1, findings.size());
        assertEquals(2, findings.get(0).line());
        assertEquals("V2__drop_legacy_address.sql drops legacy_address, which prod still reads", findings.get(0).message());
    }

    @Test
    void ignoresTheDropOfATableTheOldCodeDoesNotUse() {
        List<Finding> findings = RuleScenario.production(SCHEMA, "SELECT id FROM person WHERE id = ?")
                .migrate("drop_legacy_address", "DROP TABLE legacy_address;")
                .findings("dropped-table-still-used");

        assertEquals(List.of(), findings);
    }
}
