/**
 * Wires the pipeline stages for one {@code check}: snapshots, migrations and batch, access patterns, replay, rules,
 * report. The command line and the tests both call {@link io.switchover.check.SwitchoverCheck}.
 */
package io.switchover.check;
