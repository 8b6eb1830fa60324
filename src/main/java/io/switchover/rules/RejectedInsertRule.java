package io.switchover.rules;

import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.StatementKind;
import io.switchover.timeline.FailureKind;

import java.util.Optional;

/** A rule that explains an old INSERT (or MERGE) the database rejected for a NULL it left in a NOT NULL column. */
abstract class RejectedInsertRule extends BreakRule {

    /** The explanation of the rejected insert, or empty when it is not this rule's kind of cause. */
    abstract Optional<Explanation> explainInsert(Break broken, SqlReferences insert, Evidence evidence);

    @Override
    final Optional<Explanation> explain(Break broken, Evidence evidence) {
        return insertRejectingNull(broken).flatMap(insert -> explainInsert(broken, insert, evidence));
    }

    /** What an INSERT (or MERGE) references, when the break is the database rejecting a NULL it leaves in a column. */
    private static Optional<SqlReferences> insertRejectingNull(Break broken) {
        Optional<SqlReferences> references = broken.checked().references();
        boolean insert = references.map(r -> r.kind() == StatementKind.INSERT || r.kind() == StatementKind.MERGE)
                .orElse(false);
        return broken.error().kind() == FailureKind.NOT_NULL_VIOLATION && insert ? references : Optional.empty();
    }
}
