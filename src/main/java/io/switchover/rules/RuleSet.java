package io.switchover.rules;

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
                new ExpandAndContractInOneBatch(),
                new RenamedColumnStillUsed(),
                new RenamedTableStillUsed(),
                new DroppedColumnStillUsed(),
                new DroppedTableStillUsed(),
                new DroppedDefaultStillReliedOn(),
                new InsertOmitsNotNullColumn(),
                new TypeChangeMayNotFit(),
                new SelectStarOrPositionalInsert(),
                new NewConstraintMayRejectOldWrites(),
                new LockingDdl(),
                new CandidateStatementFails(),
                new StatementNotCheckable(),
                new OldStatementFails()));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> evaluate(Evidence evidence) {
        Breaks breaks = Breaks.of(evidence);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.check(evidence, breaks));
        }
        return findings;
    }
}
