/**
 * The safety net under the probes: the places in a production version's own files that name something the batch
 * removes, renames or tightens, found as identifiers the way a reviewer finds them with {@code git grep}, and whether
 * the probes already checked each of them. Reads the timeline (what changed), the snapshots (the files) and the
 * extracted statements (what was checked); the rules turn what is left into findings.
 */
package io.switchover.mentions;
