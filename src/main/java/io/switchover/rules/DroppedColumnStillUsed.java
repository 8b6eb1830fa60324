package io.switchover.rules;

import io.switchover.migrations.DdlChange;
import io.switchover.migrations.LocatedChange;
import io.switchover.replay.CatalogDiff.ColumnRef;
import io.switchover.replay.FailureKind;

import java.util.List;
import java.util.Optional;

/** The batch drops (or renames away) a column that the old service still reads or writes. */
public final class DroppedColumnStillUsed extends BreakRule {
    private static final RuleDoc DOC = RuleDocs.load("dropped-column-still-used");

    @Override
    public RuleDoc doc() {
        return DOC;
    }

    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        if (broken.error().kind() != FailureKind.UNDEFINED_COLUMN) {
            return Optional.empty();
        }
        List<String> dropped = broken.state().diff().droppedColumns().stream()
                .filter(column -> references(broken, column))
                .map(ColumnRef::toString)
                .toList();
        int line = evidence.changes().located().stream()
                .filter(l -> l.step() == broken.state().step() && l.change() instanceof DdlChange.DropColumn drop
                        && dropped.contains(drop.table() + "." + drop.column()))
                .mapToInt(LocatedChange::line).findFirst().orElse(0);
        return Optional.of(removed(broken, dropped, "column", line));
    }

    private static boolean references(Break broken, ColumnRef column) {
        return StatementWords.usesColumn(broken.checked(), column.table(), column.column());
    }
}
