package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An old statement that already fails on production's schema cannot be checked (here: the ORM adds a default schema
 * the gate does not know). When it uses what the batch drops, that unseen statement is an error: no PASS rests on it.
 */
class UncheckableUseOfRemovedTest {
    private static final String SCHEMA = "CREATE SCHEMA app;\n"
            + "CREATE TABLE app.notice (id BIGINT PRIMARY KEY, title VARCHAR(100), displayed BOOLEAN);";

    private static List<Finding> notCheckable(Report report) {
        return report.findings().stream().filter(f -> f.rule().equals("statement-not-checkable")).toList();
    }

    @Test
    void aStatementThatCannotBeCheckedAndUsesADroppedColumnFailsThePromotion() {
        Report report = RuleScenario.production(SCHEMA, "SELECT id, title, displayed FROM notice WHERE id = ?")
                .migrate("drop_displayed", "ALTER TABLE app.notice DROP COLUMN displayed;").check();

        List<Finding> findings = notCheckable(report);
        assertEquals(1, findings.size(), report.findings().toString());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("it uses notice.displayed, which V2__drop_displayed.sql drops"),
                findings.get(0).message());
        assertEquals(Verdict.FAIL, report.verdict());
    }

    @Test
    void oneThatUsesNothingTheBatchRemovesStaysAWarning() {
        Report report = RuleScenario.production(SCHEMA, "SELECT id, title FROM notice WHERE id = ?")
                .migrate("drop_displayed", "ALTER TABLE app.notice DROP COLUMN displayed;").check();

        List<Finding> findings = notCheckable(report);
        assertEquals(1, findings.size(), report.findings().toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        String last = new io.switchover.report.TextReportWriter().render(report).strip().lines()
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(last.endsWith("; 1 of the running version's statements fails already at production's schema, so"
                + " that its probes tell nothing"), "the last line does not count it as checked: " + last);
    }
}
