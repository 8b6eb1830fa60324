package io.switchover.check;

import io.switchover.migrations.ProductionHistory;
import io.switchover.migrations.ProductionSchema;
import io.switchover.snapshot.Snapshot;

import java.util.Optional;

/**
 * Where production's applied migrations come from: its history (read from the database or an export), or, without
 * one, the production snapshot, every migration of which counts as applied. The snapshot also supplies the text of
 * applied migrations when there is a history. With production's schema exported from its catalog, the replay starts
 * from that schema instead of replaying the applied migrations.
 */
public record ProductionMigrations(Optional<Snapshot> snapshot, Optional<ProductionHistory> history,
                                   Optional<ProductionSchema> schema) {

    public ProductionMigrations(Optional<Snapshot> snapshot, Optional<ProductionHistory> history) {
        this(snapshot, history, Optional.empty());
    }

    public static ProductionMigrations ofSnapshot(Snapshot snapshot) {
        return new ProductionMigrations(Optional.of(snapshot), Optional.empty());
    }

    /** The same, with production's schema read from its catalog as the replay's S0 ({@code --prod-schema}). */
    public ProductionMigrations withSchema(ProductionSchema exported) {
        return new ProductionMigrations(snapshot, history, Optional.of(exported));
    }
}
