package io.switchover.rules;

import java.util.List;

/** What the rules found, and what of it the migrations' {@code switchover:allow} comments set aside. */
public record RuleOutcome(List<Finding> findings, List<SuppressedFinding> suppressed) {
}
