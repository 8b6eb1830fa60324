package io.switchover.migrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What production has applied, in installed order.
 *
 * @param source         where it was read from, for the report ("the migrations of deploy-1", "jdbc:postgresql://…")
 * @param checksumsKnown false when the source has no checksums (then edits of applied migrations cannot be seen)
 */
public record ProductionHistory(String source, List<AppliedMigration> rows, boolean checksumsKnown) {

    /** Production's state when it is given as a snapshot: every migration in it counts as applied. */
    public static ProductionHistory fromSnapshot(MigrationSet applied, String name) {
        List<AppliedMigration> rows = new ArrayList<>();
        int rank = 1;
        for (Migration migration : applied.migrations()) {
            rows.add(new AppliedMigration(rank++, migration.version(), migration.description(), migration.type(),
                    migration.script(), migration.checksum(), true));
        }
        return new ProductionHistory("the migrations of " + name, List.copyOf(rows), true);
    }

    /**
     * The latest successful row of every migration: for a repeatable migration, the last time it ran decides what
     * production has.
     */
    public Map<String, AppliedMigration> applied() {
        Map<String, AppliedMigration> latest = new LinkedHashMap<>();
        for (AppliedMigration row : rows) {
            if (row.success() && !row.isBookkeeping()) {
                latest.put(row.identity(), row);
            }
        }
        return latest;
    }

    public List<AppliedMigration> failed() {
        return rows.stream().filter(r -> !r.success()).toList();
    }
}
