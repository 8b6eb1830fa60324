package io.switchover.rules;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** switchover.yml's {@code rules:}: a rule off, or at another severity. */
class RuleSettingsTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";

    private static RuleScenario dropOfAliceStillRead() {
        return RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .migrate("drop_alice", "ALTER TABLE person DROP COLUMN alice;");
    }

    @Test
    void aRuleTurnedOffReportsNothing() {
        Report report = dropOfAliceStillRead().rules(Map.of("dropped-column-still-used", "off")).check();

        assertEquals(List.of(), report.findings(), "the break stays explained by the rule, whose findings are off");
        assertEquals(Verdict.PASS, report.verdict());
    }

    @Test
    void aRuleAtWarningNoLongerFailsThePromotion() {
        Report report = dropOfAliceStillRead().rules(Map.of("dropped-column-still-used", "warning")).check();

        assertEquals(Severity.WARNING, report.findings().get(0).severity());
        assertEquals(Verdict.WARN, report.verdict());
    }

    @Test
    void rejectsAnUnknownRuleAndAnUnknownSeverity() {
        SwitchoverException unknown = assertThrows(SwitchoverException.class,
                () -> RuleSettings.of(Map.of("dropped-colum", "off"), RuleSet.standard(), "switchover.yml"));
        assertEquals(ExitCode.BAD_INPUT, unknown.exitCode());
        assertEquals("switchover.yml: rules: unknown rule id 'dropped-colum'; 'switchover rules' lists them",
                unknown.getMessage());
        SwitchoverException severity = assertThrows(SwitchoverException.class,
                () -> RuleSettings.of(Map.of("dropped-column-still-used", "fatal"),
                        RuleSet.standard(), "switchover.yml"));
        assertEquals("switchover.yml: rules: dropped-column-still-used: use off, warning or error, not 'fatal'",
                severity.getMessage());
    }
}
