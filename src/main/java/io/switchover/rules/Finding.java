package io.switchover.rules;

import io.switchover.migrations.Migration;
import io.switchover.patterns.AccessPattern;
import io.switchover.replay.DatabaseError;

/**
 * What a rule says about one step and, usually, one access pattern.
 *
 * @param step     the batch step (1-based) of {@code migration}, or 0 when the finding is about production's state
 * @param line     the line of the migration's statement the finding is about, or 0 when it is about the migration
 * @param pattern  the old statement and where it is issued; null for findings about a migration alone
 * @param error    what the database said, when a probe or migration failed
 */
public record Finding(String rule, Severity severity, String title, Migration migration, int step, int line,
                      String service, AccessPattern pattern, String message, String help, DatabaseError error) {

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, title, migration, step, line, service, pattern, message, help, error);
    }
}
