package io.switchover.rules;

import io.switchover.migrations.MigrationScript;
import io.switchover.migrations.Suppression;

import java.util.List;

/**
 * A {@code switchover:allow} comment that allows nothing: the hazard it was written for is gone, or it names the
 * wrong rule or statement. Its findings depend on every other rule's, so {@link RuleSet} asks it last, through
 * {@link #about}; {@link #check} finds nothing on its own.
 */
@RuleId("unused-suppression")
public final class UnusedSuppression implements Rule {
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        return List.of();
    }

    Finding about(Suppression suppression, MigrationScript script) {
        return Finding.of(doc(), script.migration(), script.step(), suppression.line(),
                null, null, suppression + " allows nothing: no " + suppression.rule() + " finding "
                + (suppression.wholeFile() ? "in this migration" : "for the statement after it"),
                "remove the comment, or move it before the statement it is meant for", null);
    }
}
