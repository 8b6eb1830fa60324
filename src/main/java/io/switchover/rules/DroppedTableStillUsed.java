package io.switchover.rules;

import io.switchover.migrations.DdlChange;
import io.switchover.migrations.LocatedChange;
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
                .filter(table -> StatementWords.usesTable(broken.checked(), table))
                .toList();
        int line = evidence.changes().located().stream()
                .filter(l -> l.step() == broken.state().step() && l.change() instanceof DdlChange.DropTable drop
                        && dropped.contains(drop.table()))
                .mapToInt(LocatedChange::line).findFirst().orElse(0);
        return Optional.of(removed(broken, dropped, "table", line));
    }
}
