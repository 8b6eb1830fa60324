package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceNotCheckedTest {
    private static final String RULE = "service-not-checked";
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";

    @Test
    void flagsAServiceOfWhichNoStatementWasFoundWhileTheBatchChangesTheSchema() {
        Report report = RuleScenario.production(PERSON)
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .check();

        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals(RULE)).toList();
        assertEquals(1, findings.size(), report.findings().toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("no statement of prod was checked"), findings.get(0).message());
        assertEquals(Verdict.WARN, report.verdict(), "never PASS about what it did not see");
    }

    @Test
    void flagsItAsAnErrorWhereCoverageMustBeStrict() {
        Report report = RuleScenario.production(PERSON)
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .rules(Map.of(RULE, "error"))
                .check();

        assertEquals(Verdict.FAIL, report.verdict());
    }

    @Test
    void ignoresAServiceWhoseStatementsWereChecked() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("add_brian", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
                .findings(RULE);

        assertEquals(List.of(), findings);
    }

    @Test
    void ignoresABatchThatChangesNoSchema() {
        List<Finding> findings = RuleScenario.production(PERSON)
                .migrate("backfill", "UPDATE person SET alice = 'x' WHERE alice IS NULL;")
                .findings(RULE);

        assertEquals(List.of(), findings);
    }
}
