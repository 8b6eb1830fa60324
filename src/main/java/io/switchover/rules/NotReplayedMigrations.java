package io.switchover.rules;

import io.switchover.migrations.Migration;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.MigrationFailure;

import java.util.List;
import java.util.Set;

/**
 * What the rules say of Java migrations the replay ran nothing for: whether one explains a batch migration's failure,
 * and their names in a message.
 */
final class NotReplayedMigrations {
    /** Failures that something a skipped migration made would have prevented. */
    private static final Set<FailureKind> MISSING_OBJECT = Set.of(FailureKind.UNDEFINED_COLUMN,
            FailureKind.UNDEFINED_TABLE, FailureKind.UNDEFINED_FUNCTION, FailureKind.OTHER);
    private static final int NAMED = 5;

    private NotReplayedMigrations() {
    }

    /** Whether a batch migration fails for want of something a Java migration the replay skipped may have made. */
    static boolean explainFailure(MigrationFailure failure, Evidence evidence) {
        return MISSING_OBJECT.contains(FailureKind.of(failure.sqlState(), 0))
                && !evidence.notReplayedBefore(failure.step() - 1).isEmpty();
    }

    /** The first few migrations' class names, and how many more. */
    static String names(List<Migration> migrations) {
        List<String> names = migrations.stream().limit(NAMED).map(NotReplayedMigrations::simpleName).toList();
        return String.join(", ", names) + (migrations.size() > NAMED ? " and " + (migrations.size() - NAMED)
                + " more" : "");
    }

    static String simpleName(Migration migration) {
        return migration.script().substring(migration.script().lastIndexOf('.') + 1);
    }
}
