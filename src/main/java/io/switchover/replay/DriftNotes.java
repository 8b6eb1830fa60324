package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.ProductionSchema;
import io.switchover.timeline.SchemaCatalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Where the exported schema and production's replayed migrations disagree: production's migrations replayed once
 * more, on a database of their own; a note instead when they do not replay.
 */
final class DriftNotes {

    private DriftNotes() {
    }

    /** The notes on production's schema export and on how {@code loaded} drifts from production's migrations. */
    static List<String> of(ReplayEngine on, Batch batch, SchemaCatalogReader reader, SchemaCatalog loaded) {
        ProductionSchema schema = batch.production().schema().orElseThrow();
        List<String> notes = new ArrayList<>(List.of("production's schema from " + schema.source()
                + " (its replayed migrations were compared with it)"));
        schema.notes().forEach(note -> notes.add("production's schema export: " + note));
        try (ReplayDatabase db = on.create()) {
            Optional<ProductionDoesNotReplay> failure = ProductionMigrations.migrate(db, batch, new LinkedHashMap<>(),
                    BatchAs.ONE_GROUP);
            if (failure.isPresent()) {
                ProductionDoesNotReplay failed = failure.get();
                notes.add("drift not computed: production's " + failed.script() + " does not replay on "
                        + failed.engine() + ": " + failed.reason());
                return notes;
            }
            try (Connection connection = db.connect()) {
                notes.addAll(SchemaDrift.between(reader.read(connection), loaded));
            }
        } catch (SQLException e) {
            notes.add("drift not computed: " + DatabaseErrors.of(e));
        }
        return notes;
    }
}
