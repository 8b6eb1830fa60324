package io.switchover.timeline;

import io.switchover.migrations.Migration;

import java.util.List;

/**
 * One state of the switch-over timeline: S0 (production, {@code migration} null) or Si, the schema after the i-th
 * batch migration, with what changed and how every probed statement fared.
 *
 * @param outcomes one per {@link Timeline#statements()} entry, in the same order
 */
public record SchemaState(int step, Migration migration, SchemaCatalog catalog, CatalogDiff diff,
                          List<ProbeOutcome> outcomes) {

    public String label() {
        return "S" + step;
    }
}
