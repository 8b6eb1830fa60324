package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;

/**
 * A pending migration whose version is lower than production's newest: Flyway ignores it, and its validation fails,
 * unless {@code outOfOrder} is set; then it runs after newer ones, in an order no test environment saw.
 */
@RuleId("migration-out-of-order")
@HistoryRule.Reads(HistoryProblem.Kind.OUT_OF_ORDER)
public final class MigrationOutOfOrder extends HistoryRule {
    @Override
    Finding finding(HistoryProblem problem, Evidence evidence) {
        String script = problem.candidate().script();
        if (evidence.outOfOrderAllowed()) {
            return finding(Severity.WARNING, problem.candidate(), script + " is older than production's newest"
                            + " migration; with outOfOrder it runs after them, in an order other environments did not see",
                    "give it a version above production's newest");
        }
        return finding(problem.candidate(), script + " is older than production's newest migration;"
                        + " Flyway will ignore it and fail validation",
                "give it a version above production's newest (or set outOfOrder deliberately)");
    }
}
