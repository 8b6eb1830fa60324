package io.switchover.rules;

import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DroppedDefaultStillReliedOnTest {
    private static final String ORDERS = "CREATE TABLE orders (id BIGINT PRIMARY KEY, total_cents BIGINT NOT NULL,"
            + " currency VARCHAR(3) DEFAULT 'EUR' NOT NULL, note VARCHAR(50) DEFAULT 'none');";
    private static final String INSERT = "INSERT INTO orders (id, total_cents) VALUES (?, ?)";

    @Test
    void flagsADroppedDefaultTheOldInsertReliesOnBeforeInsertOmitsNotNullColumnCan() {
        Report report = RuleScenario.production(ORDERS, INSERT)
                .migrate("currency_required", "ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;")
                .check();

        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals("dropped-default-still-relied-on", finding.rule());
        assertEquals("V2__currency_required.sql drops the default of orders.currency ('EUR'), which is NOT NULL, and"
                + " the INSERT of prod does not set it", finding.message());
        assertEquals("keep the default of orders.currency until no running version omits it, and drop it in a later"
                + " deployment", finding.help());
        assertEquals(1, finding.line());
        assertEquals("23502", finding.error().sqlState());
    }

    @Test
    void acceptsADroppedDefaultWhenTheOldInsertSetsTheColumn() {
        List<Finding> findings = RuleScenario.production(ORDERS,
                        "INSERT INTO orders (id, total_cents, currency) VALUES (?, ?, ?)")
                .migrate("currency_required", "ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT;")
                .findings("dropped-default-still-relied-on");

        assertEquals(List.of(), findings);
    }

    @Test
    void ignoresADroppedDefaultOfANullableColumn() {
        Report report = RuleScenario.production(ORDERS, INSERT)
                .migrate("no_default_note", "ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;")
                .check();

        assertEquals(List.of(), report.findings());
    }
}
