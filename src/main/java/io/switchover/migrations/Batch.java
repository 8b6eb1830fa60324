package io.switchover.migrations;

import java.util.List;

/**
 * The candidate's migrations that production has not applied, in the order Flyway would apply them, together with
 * the migrations production has applied (S0).
 */
public record Batch(MigrationSet production, MigrationSet candidate, List<Migration> migrations) {

    public int size() {
        return migrations.size();
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }
}
