package io.switchover.rules;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suppression comments in migrations, and the rule that reports the ones that allow nothing. */
class UnusedSuppressionTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100), brian VARCHAR(100));";
    private static final String SELECT_ALICE = "SELECT alice FROM person WHERE id = ?";

    @Test
    void flagsASuppressionThatAllowsNothing() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT brian FROM person WHERE id = ?")
                .migrate("drop_alice", "-- switchover:allow dropped-column-still-used nothing reads alice any more\n"
                        + "ALTER TABLE person DROP COLUMN alice;\n")
                .findings("unused-suppression");

        assertEquals(1, findings.size());
        assertEquals(1, findings.get(0).line());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().startsWith("V2__drop_alice.sql:1 switchover:allow dropped-column-still-used"
                + " allows nothing"), findings.get(0).message());
    }

    @Test
    void ignoresASuppressionThatAllowsTheFindingBeforeItsStatementAndListsWhatItAllowed() {
        Report report = RuleScenario.production(PERSON, SELECT_ALICE)
                .migrate("drop_alice", "ALTER TABLE person ADD COLUMN carol VARCHAR(100);\n"
                        + "-- switchover:allow dropped-column-still-used the lookup of alice is switched off in production\n"
                        + "ALTER TABLE person DROP COLUMN alice;\n")
                .check();

        assertEquals(List.of(), report.findings());
        assertEquals(Verdict.PASS, report.verdict());
        assertEquals(1, report.suppressed().size());
        assertEquals("the lookup of alice is switched off in production", report.suppressed().get(0).suppression().reason());
        assertEquals(3, report.suppressed().get(0).finding().line());
    }

    @Test
    void ignoresNothingWhenTheSuppressionStandsBeforeAnotherStatement() {
        Report report = RuleScenario.production(PERSON, SELECT_ALICE)
                .migrate("drop_alice", "-- switchover:allow dropped-column-still-used wrong statement\n"
                        + "ALTER TABLE person ADD COLUMN carol VARCHAR(100);\n"
                        + "ALTER TABLE person DROP COLUMN alice;\n")
                .check();

        assertEquals(List.of("dropped-column-still-used", "unused-suppression"),
                report.findings().stream().map(Finding::rule).sorted().toList());
    }

    @Test
    void acceptsAFileWideSuppression() {
        Report report = RuleScenario.production(PERSON, SELECT_ALICE, "UPDATE person SET alice = ? WHERE id = ?")
                .migrate("drop_alice", "-- switchover:allow-file dropped-column-still-used alice is dead in production\n"
                        + "ALTER TABLE person ADD COLUMN carol VARCHAR(100);\n"
                        + "ALTER TABLE person DROP COLUMN alice;\n")
                .check();

        assertEquals(List.of(), report.findings());
        assertEquals(2, report.suppressed().size());
    }

    @Test
    void rejectsASuppressionWithoutReasonOrWithAnUnknownRule() {
        SwitchoverException noReason = assertThrows(SwitchoverException.class, () -> RuleScenario.production(PERSON, SELECT_ALICE)
                .migrate("drop_alice", "-- switchover:allow dropped-column-still-used\nALTER TABLE person DROP COLUMN alice;\n")
                .check());
        assertEquals(ExitCode.BAD_INPUT, noReason.exitCode());
        assertTrue(noReason.getMessage().startsWith("V2__drop_alice.sql:1: switchover:allow needs a rule id and a reason"),
                noReason.getMessage());

        SwitchoverException unknown = assertThrows(SwitchoverException.class, () -> RuleScenario.production(PERSON, SELECT_ALICE)
                .migrate("drop_alice", "-- switchover:allow dropped-colum-still-used typo\nALTER TABLE person DROP COLUMN alice;\n")
                .check());
        assertTrue(unknown.getMessage().contains("names no rule 'dropped-colum-still-used'"), unknown.getMessage());
    }
}
