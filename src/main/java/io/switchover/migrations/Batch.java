package io.switchover.migrations;

import java.util.List;

/**
 * The candidate's migrations that production has not applied, in the order Flyway would apply them; production's
 * state (S0); and what is wrong with production's history compared with the candidate.
 */
public record Batch(ProductionState production, MigrationSet candidate, List<Migration> migrations,
                    List<HistoryProblem> problems) {

    public int size() {
        return migrations.size();
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    /** The batch replayed from production's schema as exported from its catalog, not from its applied migrations. */
    public Batch startingFrom(ProductionSchema schema) {
        return new Batch(production.withSchema(schema), candidate, migrations, problems);
    }

    /** The batch with some of its migrations held back for a later deployment. */
    public Batch without(java.util.Set<Migration> held) {
        return new Batch(production, candidate.without(held), migrations.stream().filter(m -> !held.contains(m))
                .toList(), problems);
    }
}
