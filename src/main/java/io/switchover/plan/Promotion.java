package io.switchover.plan;

import io.switchover.migrations.Migration;

import java.util.List;
import java.util.Optional;

/**
 * One deployment of the plan: the migrations it applies while {@code from} serves, then {@code to} takes over.
 *
 * @param stopsHere why the deployment does not go further, to the next promotion's version: what would break
 */
public record Promotion(PlanVersion from, PlanVersion to, List<Migration> migrations, Optional<String> stopsHere) {
}
