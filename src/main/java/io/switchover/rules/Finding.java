package io.switchover.rules;

import io.switchover.migrations.Migration;
import io.switchover.patterns.AccessPattern;
import io.switchover.replay.DatabaseError;

/**
 * What a rule says about one step and, usually, one access pattern.
 *
 * @param step     the batch step (1-based) of {@code migration}, or 0 when the finding is about production's state
 * @param pattern  the old statement and where it is issued; null for findings about a migration alone
 * @param error    what the database said, when a probe or migration failed
 */
public record Finding(String rule, Severity severity, String title, Migration migration, int step, String service,
                      AccessPattern pattern, String message, String help, DatabaseError error) {
}
