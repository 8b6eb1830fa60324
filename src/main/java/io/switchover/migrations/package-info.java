/**
 * Flyway migrations of a snapshot and the batch: which locations hold them, how Flyway names, versions, orders and
 * checksums them (by asking Flyway itself), and which of the candidate's migrations production has not applied.
 */
package io.switchover.migrations;
