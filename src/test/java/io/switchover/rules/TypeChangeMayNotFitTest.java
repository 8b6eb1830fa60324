package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeChangeMayNotFitTest {
    private static final String PAYMENT = "CREATE TABLE payment (id BIGINT PRIMARY KEY, reference VARCHAR(100),"
            + " amount NUMERIC(10,2), attempts INTEGER);";

    @Test
    void flagsANarrowedVarcharTheOldInsertWritesAsAWarning() {
        Report report = RuleScenario.production(PAYMENT, "INSERT INTO payment (id, reference) VALUES (?, ?)")
                .migrate("shorter_reference", "ALTER TABLE payment ALTER COLUMN reference TYPE VARCHAR(20);")
                .check();

        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals("type-change-may-not-fit"))
                .toList();
        assertEquals(1, findings.size(), report.findings().toString());
        Finding finding = findings.get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("V2__shorter_reference.sql narrows payment.reference from CHARACTER VARYING(100) to"
                + " CHARACTER VARYING(20), and prod still writes it: its values may not fit", finding.message());
        assertEquals(1, finding.line());
        assertNull(finding.error());
        assertEquals("src/main/java/com/example/Repository.java:4", finding.pattern().origin().toString());
    }

    @Test
    void flagsATypeFamilyChangeThatTheProbeShowsFailingAsAnErrorWithTheDatabasesError() {
        Report report = RuleScenario.production(PAYMENT, "INSERT INTO payment (id, reference) VALUES (?, ?)")
                .migrate("reference_as_number", "ALTER TABLE payment ALTER COLUMN reference BIGINT;")
                .check();

        List<Finding> errors = report.findingsAtOrAbove(Severity.ERROR);
        assertEquals(1, errors.size(), "one finding, not one more from old-statement-fails: " + report.findings());
        Finding finding = errors.get(0);
        assertEquals("type-change-may-not-fit", finding.rule());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("V2__reference_as_number.sql changes payment.reference from CHARACTER VARYING(100) to BIGINT,"
                + " and prod still writes it: its values no longer fit", finding.message());
        assertTrue(finding.error().sqlState().startsWith("22"), finding.error().toString());
        assertEquals(Verdict.FAIL, report.verdict());
    }

    @Test
    void flagsLowerNumericPrecisionAndANarrowerIntegerTheOldUpdateSets() {
        List<Finding> findings = RuleScenario.production(PAYMENT,
                        "UPDATE payment SET amount = ?, attempts = ? WHERE id = ?")
                .migrate("smaller_numbers", "ALTER TABLE payment ALTER COLUMN amount TYPE NUMERIC(6,2);\n"
                        + "ALTER TABLE payment ALTER COLUMN attempts TYPE SMALLINT;")
                .findings("type-change-may-not-fit");

        assertEquals(List.of(1, 2), findings.stream().map(Finding::line).toList(), findings.toString());
        assertTrue(findings.get(0).message().startsWith("V2__smaller_numbers.sql narrows payment.amount from"
                + " NUMERIC(10,2) to NUMERIC(6,2)"), findings.get(0).message());
    }

    @Test
    void acceptsAWideningTypeChange() {
        List<Finding> findings = RuleScenario.production(PAYMENT,
                        "UPDATE payment SET reference = ?, amount = ?, attempts = ? WHERE id = ?")
                .migrate("wider", "ALTER TABLE payment ALTER COLUMN reference TYPE VARCHAR(200);\n"
                        + "ALTER TABLE payment ALTER COLUMN amount TYPE NUMERIC(12,3);\n"
                        + "ALTER TABLE payment ALTER COLUMN attempts TYPE BIGINT;")
                .findings("type-change-may-not-fit");

        assertEquals(List.of(), findings);
    }

    @Test
    void ignoresANarrowingOfAColumnTheOldCodeOnlyReads() {
        List<Finding> findings = RuleScenario.production(PAYMENT, "SELECT reference FROM payment WHERE id = ?",
                        "UPDATE payment SET amount = ? WHERE id = ?")
                .migrate("shorter_reference", "ALTER TABLE payment ALTER COLUMN reference TYPE VARCHAR(20);")
                .findings("type-change-may-not-fit");

        assertEquals(List.of(), findings);
    }
}
