package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementNotCheckableTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";

    @Test
    void flagsOnceAStatementThatAlreadyFailsOnProductionsSchema() {
        Report report = RuleScenario.production(PERSON, "SELECT nickname FROM person WHERE id = ?")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;")
                .check();

        List<Finding> notCheckable = report.findings().stream()
                .filter(f -> f.rule().equals("statement-not-checkable")).toList();
        assertEquals(1, notCheckable.size(), report.findings().toString());
        Finding finding = notCheckable.get(0);
        assertEquals("statement-not-checkable", finding.rule());
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(0, finding.step());
        assertTrue(finding.error().message().contains("nickname"), finding.error().message());
        assertEquals(Verdict.WARN, report.verdict());
        // its only statement could not be checked: the service as a whole was not
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("service-not-checked")));
    }

    @Test
    void ignoresStatementsThatRunOnProductionsSchema() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .findings("statement-not-checkable");

        assertEquals(List.of(), findings);
    }
}
