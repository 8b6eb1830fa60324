package io.switchover.plan;

import io.switchover.migrations.Migration;

import java.util.List;
import java.util.Optional;

/**
 * How to promote the batch safely through the recorded versions.
 *
 * @param versions   the versions considered, in the order they were recorded
 * @param promotions the fewest safe deployments from production's version towards the candidate; they reach the
 *                   candidate when {@code complete}
 * @param waits      where the plan stops short: the migration that must wait, and for what
 * @param floors     for each migration that breaks production's version, the oldest recorded version that works with it
 *                   (the oldest version one may roll back to once it has run)
 * @param skipped    recorded versions the plan cannot deploy, and why
 */
public record Plan(List<PlanVersion> versions, List<Promotion> promotions, boolean complete, Optional<Wait> waits,
                   List<Floor> floors, List<String> skipped) {

    /** The migration the plan cannot apply yet, and what stops it. */
    public record Wait(Migration migration, int step, String reason) {
    }

    /** @param oldest empty when no recorded version works with the migration */
    public record Floor(Migration migration, int step, Optional<PlanVersion> oldest) {
    }
}
