package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OldStatementFailsTest {
    private static final String PAYMENT = "CREATE TABLE payment (id BIGINT PRIMARY KEY, reference VARCHAR(100));";

    @Test
    void flagsABreakNoOtherRuleExplains() {
        List<Finding> findings = RuleScenario.production(PAYMENT + "\nCREATE SEQUENCE payment_seq;",
                        "SELECT nextval('payment_seq')")
                .migrate("drop_payment_seq", "DROP SEQUENCE payment_seq;")
                .findings("old-statement-fails");

        assertEquals(1, findings.size());
        assertEquals("V2__drop_payment_seq.sql breaks a statement that prod issues", findings.get(0).message());
        assertTrue(findings.get(0).error().message().toLowerCase(java.util.Locale.ROOT).contains("payment_seq"),
                findings.get(0).error().toString());
    }

    @Test
    void ignoresAWideningTypeChange() {
        List<Finding> findings = RuleScenario.production(PAYMENT, "UPDATE payment SET reference = ? WHERE id = ?")
                .migrate("longer_reference", "ALTER TABLE payment ALTER COLUMN reference VARCHAR(200);")
                .findings("old-statement-fails");

        assertEquals(List.of(), findings);
    }
}
