package io.switchover.rules;

import io.switchover.migrations.AppliedMigration;
import io.switchover.migrations.ProductionHistory;

import java.util.List;

/** Production histories for the history rules' tests. */
final class HistoryRulesFixtures {
    static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";

    private HistoryRulesFixtures() {
    }

    static ProductionHistory history(AppliedMigration... rows) {
        return new ProductionHistory("a test history", List.of(rows), true);
    }

    static AppliedMigration row(int rank, String version, String script, Integer checksum, boolean success) {
        return new AppliedMigration(rank, version, script.replaceAll("^V[^_]+__|\\.sql$", "").replace('_', ' '),
                "SQL", script, checksum, success);
    }
}
