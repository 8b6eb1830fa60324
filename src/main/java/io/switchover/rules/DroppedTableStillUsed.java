package io.switchover.rules;

import io.switchover.replay.FailureKind;

import java.util.List;
import java.util.Optional;

/** The batch drops (or renames away) a table or view that the old service still reads or writes. */
public final class DroppedTableStillUsed extends BreakRule {
    private static final RuleDoc DOC = RuleDocs.load("dropped-table-still-used");

    @Override
    public RuleDoc doc() {
        return DOC;
    }

    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        if (broken.error().kind() != FailureKind.UNDEFINED_TABLE) {
            return Optional.empty();
        }
        List<String> dropped = broken.state().diff().droppedTables().stream()
                .filter(table -> broken.checked().references().map(r -> r.tables().contains(table)).orElse(false))
                .toList();
        return Optional.of(removed(broken, evidence, dropped, "table"));
    }
}
