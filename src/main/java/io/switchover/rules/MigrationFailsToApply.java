package io.switchover.rules;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.MigrationFailure;

import java.util.List;

/** A batch migration that the replay database refuses would fail the production deployment too. */
@RuleId("migration-fails-to-apply")
public final class MigrationFailsToApply implements Rule {
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        // A failure for want of what a Java migration the replay skipped may have made is not known to be one.
        return evidence.timeline().failure().filter(failure -> !NotReplayedMigrations.explainFailure(failure,
                evidence)).map(failure -> List.of(finding(evidence, failure))).orElse(List.of());
    }

    private Finding finding(Evidence evidence, MigrationFailure failure) {
        int after = evidence.timeline().batch().size() - failure.step();
        java.util.Optional<OutsideTransactionAdvice.Advice> advice = OutsideTransactionAdvice.of(failure);
        String message = failure.migration().script() + " does not apply: " + failure.message()
                + advice.map(a -> ": " + a.reason()).orElse("")
                + (after > 0 ? "; the " + after + " migration(s) after it were not checked" : "");
        DatabaseError error = new DatabaseError(failure.sqlState(), 0, failure.message(),
                FailureKind.of(failure.sqlState(), 0));
        return Finding.of(doc(), failure.migration(), failure.step(), 0,
                null, null, message, advice.map(OutsideTransactionAdvice.Advice::help)
                        .orElse("fix the migration (it would fail in production too) and check again"),
                error);
    }
}
