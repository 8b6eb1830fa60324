package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DroppedColumnStillUsedTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100), brian VARCHAR(100));";

    @Test
    void flagsTheDropOfAColumnTheOldSelectReads() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT p.alice FROM person p WHERE p.id = ?")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .findings("dropped-column-still-used");

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("V2__drop_alice.sql", finding.migration().script());
        assertEquals(1, finding.step());
        assertEquals(1, finding.line(), "the DROP's line in the migration");
        assertEquals("src/main/java/com/example/Repository.java:4", finding.pattern().origin().toString());
        assertEquals("V2__drop_alice.sql drops person.alice, which prod still reads", finding.message());
        assertTrue(finding.help().contains("promote V2__drop_alice.sql in a later deployment"), finding.help());
        assertEquals(Severity.ERROR, finding.severity());
    }

    @Test
    void flagsTheDropOfAColumnEvenWhenTheBatchAddsAnotherOfAnotherType() {
        List<Finding> findings = RuleScenario.production(PERSON, "UPDATE person SET alice = ? WHERE id = ?")
                .migrate("add_age", "ALTER TABLE person ADD COLUMN age INTEGER;")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .findings("dropped-column-still-used");

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("drops person.alice, which prod still writes"), findings.get(0).message());
    }

    @Test
    void ignoresTheDropOfAColumnTheOldCodeDoesNotUse() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT brian FROM person WHERE id = ?",
                        "INSERT INTO person (id, brian) VALUES (?, ?)")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .findings("dropped-column-still-used");

        assertEquals(List.of(), findings);
    }
}
