package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class RenamedTableStillUsedTest {
    private static final String SCHEMA = "CREATE TABLE person (id BIGINT PRIMARY KEY, display_name VARCHAR(100));\n"
            + "CREATE TABLE legacy_address (person_id BIGINT, street VARCHAR(100));";

    @Test
    void flagsARenameOfATableTheOldCodeReads() {
        List<Finding> findings = RuleScenario.production(SCHEMA, "SELECT display_name FROM person WHERE id = ?")
                .migrate("rename_person", "ALTER TABLE person RENAME TO people;")
                .findings("renamed-table-still-used");

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("V2__rename_person.sql renames table person to people, which prod still reads", finding.message());
        assertEquals("keep a view named person over people until no running version uses person, or promote"
                + " V2__rename_person.sql in a later deployment", finding.help());
        assertEquals(1, finding.line());
        assertNotNull(finding.error());
    }

    @Test
    void ignoresARenameOfATableTheOldCodeDoesNotUse() {
        List<Finding> findings = RuleScenario.production(SCHEMA, "SELECT display_name FROM person WHERE id = ?")
                .migrate("rename_address", "ALTER TABLE legacy_address RENAME TO address;")
                .findings("renamed-table-still-used");

        assertEquals(List.of(), findings);
    }
}
