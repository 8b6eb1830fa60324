package io.switchover.rules;

import io.switchover.SwitchoverException;
import io.switchover.migrations.MigrationScript;
import io.switchover.migrations.Suppression;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules in the order they get to explain a break: specific ones first, the catch-all last. Adding a rule is a
 * class, a doc in {@code rules/}, and one line here.
 */
public final class RuleSet {
    private final List<Rule> rules;

    private RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleSet standard() {
        return new RuleSet(List.of(
                new AppliedMigrationEdited(),
                new AppliedMigrationMissing(),
                new FailedMigrationInHistory(),
                new MigrationOutOfOrder(),
                new MigrationFailsToApply(),
                new JavaMigrationNotReplayed(),
                new ExpandAndContractInOneBatch(),
                new RenamedColumnStillUsed(),
                new RenamedColumnNameReused(),
                new RenamedTableStillUsed(),
                new DroppedColumnStillUsed(),
                new DroppedTableStillUsed(),
                new DroppedDefaultStillReliedOn(),
                new InsertOmitsNotNullColumn(),
                new NullWrittenToNotNullColumn(),
                new TypeChangeMayNotFit(),
                new ResultColumnStillRead(),
                new SelectStarOrPositionalInsert(),
                new NewConstraintMayRejectOldWrites(),
                new LockingDdl(),
                new CandidateStatementFails(),
                new StatementNotCheckable(),
                new OldStatementFails(),
                new NamedInUncheckedCode(),
                new ServiceNotChecked(),
                new UnusedSuppression()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Runs every rule, then the configuration (rules off, other severities), then the migrations' suppressions; a
     * suppression that allows nothing becomes an {@code unused-suppression} finding.
     */
    public RuleOutcome evaluate(Evidence evidence, RuleSettings settings) {
        Breaks breaks = Breaks.of(evidence);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(evidence, breaks).forEach(f -> settings.apply(f).ifPresent(findings::add));
        }
        validateSuppressions(evidence);
        UnusedSuppression unused = (UnusedSuppression) rules.stream().filter(UnusedSuppression.class::isInstance)
                .findFirst().orElseGet(UnusedSuppression::new);
        RuleOutcome outcome = Suppressions.apply(findings, evidence.scripts(), unused);
        // Configures the unused-suppression findings too (the others are configured already; applying is idempotent).
        List<Finding> configured = new ArrayList<>();
        outcome.findings().forEach(f -> settings.apply(f).ifPresent(configured::add));
        return new RuleOutcome(List.copyOf(configured), outcome.suppressed());
    }

    /** A suppression naming no rule is a typo that would silently allow nothing: bad input, not a warning. */
    private void validateSuppressions(Evidence evidence) {
        for (MigrationScript script : evidence.scripts()) {
            for (Suppression suppression : script.suppressions()) {
                if (rules.stream().noneMatch(r -> r.id().equals(suppression.rule()))) {
                    throw SwitchoverException.badInput(script.migration().script() + ":" + suppression.line()
                            + ": switchover:allow names no rule '" + suppression.rule() + "'; 'switchover rules' lists"
                            + " them");
                }
            }
        }
    }
}
