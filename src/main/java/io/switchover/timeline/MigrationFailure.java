package io.switchover.timeline;

import io.switchover.migrations.Migration;

/** A batch migration that the database refused: the replay stops at it. */
public record MigrationFailure(int step, Migration migration, String message, String sqlState) {
}
