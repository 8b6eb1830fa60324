package io.switchover.rules;

import io.switchover.migrations.Migration;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.timeline.DatabaseError;

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

    /** A finding of the rule {@code doc} documents, at the severity the doc gives it. */
    public static Finding of(RuleDoc doc, Migration migration, int step, int line, String service,
                             AccessPattern pattern, String message, String help, DatabaseError error) {
        return of(doc, doc.severity(), migration, step, line, service, pattern, message, help, error);
    }

    /** A finding of the rule {@code doc} documents, at another severity than the doc's. */
    public static Finding of(RuleDoc doc, Severity severity, Migration migration, int step, int line, String service,
                             AccessPattern pattern, String message, String help, DatabaseError error) {
        return new Finding(doc.id(), severity, doc.title(), migration, step, line, service, pattern, message, help,
                error);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, title, migration, step, line, service, pattern, message, help, error);
    }
}
