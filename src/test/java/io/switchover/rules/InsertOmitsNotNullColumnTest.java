package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InsertOmitsNotNullColumnTest {
    private static final String ORDERS = "CREATE TABLE orders (id BIGINT PRIMARY KEY, total_cents BIGINT NOT NULL, note VARCHAR(50));";
    private static final String INSERT = "INSERT INTO orders (id, total_cents) VALUES (?, ?)";

    @Test
    void flagsAColumnAddedNotNullWithoutADefault() {
        List<Finding> findings = RuleScenario.production(ORDERS, INSERT)
                .migrate("add_currency", "ALTER TABLE orders ADD COLUMN currency VARCHAR(3) NOT NULL;")
                .findings("insert-omits-not-null-column");

        assertEquals(1, findings.size());
        assertEquals("V2__add_currency.sql makes orders.currency NOT NULL without a default, and the INSERT of prod"
                + " does not set it", findings.get(0).message());
    }

    @Test
    void flagsAnExistingColumnSetNotNull() {
        List<Finding> findings = RuleScenario.production(ORDERS, INSERT)
                .migrate("note_required", "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;")
                .findings("insert-omits-not-null-column");

        assertEquals(1, findings.size());
        assertEquals("V2__note_required.sql makes orders.note NOT NULL without a default, and the INSERT of prod"
                + " does not set it", findings.get(0).message());
        assertEquals(1, findings.get(0).line());
    }

    @Test
    void acceptsAColumnAddedNotNullWithADefault() {
        List<Finding> findings = RuleScenario.production(ORDERS, INSERT)
                .migrate("add_currency", "ALTER TABLE orders ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL;")
                .findings("insert-omits-not-null-column");

        assertEquals(List.of(), findings);
    }

    @Test
    void acceptsANotNullColumnThatTheOldInsertSets() {
        List<Finding> findings = RuleScenario.production(ORDERS, "INSERT INTO orders (id, total_cents, note) VALUES (?, ?, ?)")
                .migrate("note_required", "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;")
                .findings("insert-omits-not-null-column");

        assertEquals(List.of(), findings);
    }
}
