package io.switchover.migrations;

import io.switchover.snapshot.Snapshot;

/** Where the text of one migration comes from: a file of a snapshot, under the name Flyway gives the script. */
record MigrationFile(Snapshot snapshot, String path, String script) {
}
