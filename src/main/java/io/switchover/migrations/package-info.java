/**
 * Flyway migrations of a snapshot and the batch: which locations hold them, how Flyway names, versions, orders and
 * checksums them (by asking Flyway itself), and which of the candidate's migrations production has not applied.
 * The batch's migrations are read once per check into what each changes ({@link io.switchover.migrations.BatchChanges}),
 * which the replay and the rules share.
 */
package io.switchover.migrations;
