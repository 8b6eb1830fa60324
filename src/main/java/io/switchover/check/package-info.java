/**
 * Wires the pipeline stages for one {@code check}: snapshots, migrations and batch, access patterns, replay, rules,
 * report. The command line and the tests both call {@link io.switchover.check.SwitchoverCheck}, and
 * {@link io.switchover.check.ServicePatterns} for what {@code patterns} lists.
 */
package io.switchover.check;
