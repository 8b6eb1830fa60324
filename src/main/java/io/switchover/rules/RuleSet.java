package io.switchover.rules;

import io.switchover.SwitchoverException;
import io.switchover.migrations.MigrationScript;
import io.switchover.migrations.Suppression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules, in the order their findings are reported. Which rule explains a break does not depend on that order:
 * the rules that claim breaks run most specific first, as their {@link Claims} declare. Adding a rule is a class, a
 * doc in {@code rules/}, and one line here.
 */
public final class RuleSet {
    private final List<Rule> rules;

    private RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** These rules, reported in this order (tests). */
    static RuleSet of(List<Rule> rules) {
        return new RuleSet(rules);
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

    /** The order the rules run in: those that claim breaks by their specificity, the others after them; ties by id. */
    List<Rule> inClaimOrder() {
        return rules.stream().sorted(Comparator.comparingInt(RuleSet::rank).thenComparing(Rule::id)).toList();
    }

    private static int rank(Rule rule) {
        Claims claims = rule.getClass().getAnnotation(Claims.class);
        return claims == null ? Claims.Specificity.values().length : claims.specificity().ordinal();
    }

    /**
     * Runs every rule, then the configuration (rules off, other severities), then the migrations' suppressions; a
     * suppression that allows nothing becomes an {@code unused-suppression} finding.
     */
    public RuleOutcome evaluate(Evidence evidence, RuleSettings settings) {
        Breaks breaks = Breaks.of(evidence);
        Map<Rule, List<Finding>> byRule = new IdentityHashMap<>();
        for (Rule rule : inClaimOrder()) {
            byRule.put(rule, rule.check(evidence, breaks));
        }
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            byRule.get(rule).forEach(f -> settings.apply(f).ifPresent(findings::add));
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
