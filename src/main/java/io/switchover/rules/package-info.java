/**
 * Rules read the timeline (catalog diffs, probe outcomes, the batch and what its migrations say they change) and the
 * statements' references, and say what broke and what to do. One final class per rule; its id, title and severity
 * live in {@code rules/<id>.md}, which the code loads, so that the documentation and the behaviour cannot drift.
 * Rules see the model, not JDBC.
 */
package io.switchover.rules;
