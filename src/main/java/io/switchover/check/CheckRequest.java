package io.switchover.check;

import io.switchover.replay.ReplayEngine;
import io.switchover.rules.Severity;
import io.switchover.snapshot.Snapshot;

import java.util.List;

/**
 * What to check.
 *
 * @param migrations Flyway locations relative to each snapshot's root; empty to find them
 * @param sources    the service's source roots relative to the production snapshot; empty for the whole snapshot
 */
public record CheckRequest(Snapshot production, Snapshot candidate, List<String> migrations, List<String> sources,
                           ReplayEngine engine, Severity failOn) {
}
