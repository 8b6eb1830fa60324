/**
 * Rules read the timeline (catalog diffs, probe outcomes, the batch and what its migrations say they change) and the
 * statements' references, and say what broke and what to do. One final class per rule, which declares its id once
 * with {@link io.switchover.rules.RuleId}; its title and severity live in {@code rules/<id>.md}, which the code loads,
 * so that the documentation and the behaviour cannot drift. A rule that explains breaks declares which failures it
 * explains and how specifically with {@link io.switchover.rules.Claims}, so that which rule gets a break does not
 * depend on the order of {@link io.switchover.rules.RuleSet}. Adding a rule is a class, a doc in {@code rules/}, and
 * one line in {@code RuleSet.standard()}. Rules see the timeline and the migrations' model, not the replay or JDBC.
 */
package io.switchover.rules;
