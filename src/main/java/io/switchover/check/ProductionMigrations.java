package io.switchover.check;

import io.switchover.migrations.ProductionHistory;
import io.switchover.snapshot.Snapshot;

import java.util.Optional;

/**
 * Where production's applied migrations come from: its history (read from the database or an export), or, without
 * one, the production snapshot, every migration of which counts as applied. The snapshot also supplies the text of
 * applied migrations when there is a history.
 */
public record ProductionMigrations(Optional<Snapshot> snapshot, Optional<ProductionHistory> history) {

    public static ProductionMigrations ofSnapshot(Snapshot snapshot) {
        return new ProductionMigrations(Optional.of(snapshot), Optional.empty());
    }
}
