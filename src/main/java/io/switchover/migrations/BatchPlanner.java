package io.switchover.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes the batch the way Flyway's migrate would see it: a versioned migration production lacks, or a repeatable
 * migration that production lacks or whose checksum changed. Versioned ones come first, by version, then
 * repeatables by description (Flyway's own order, kept from {@link MigrationReader}).
 */
public final class BatchPlanner {

    public Batch plan(MigrationSet production, MigrationSet candidate) {
        List<Migration> pending = new ArrayList<>();
        for (Migration migration : candidate.migrations()) {
            Optional<Migration> applied = production.find(migration);
            if (applied.isEmpty() || (migration.isRepeatable() && !migration.sameContentAs(applied.get()))) {
                pending.add(migration);
            }
        }
        return new Batch(production, candidate, List.copyOf(pending));
    }
}
