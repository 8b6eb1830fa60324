package io.switchover.rules;

import io.switchover.migrations.DdlChange;
import io.switchover.timeline.CatalogDiff.ColumnRef;
import io.switchover.timeline.FailureKind;

import java.util.List;
import java.util.Optional;

/** The batch drops (or renames away) a column that the old service still reads or writes. */
@RuleId("dropped-column-still-used")
@Claims(value = FailureKind.UNDEFINED_COLUMN, specificity = Claims.Specificity.REMOVAL)
public final class DroppedColumnStillUsed extends BreakRule {
    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        List<String> dropped = broken.state().diff().droppedColumns().stream()
                .filter(column -> references(broken, column))
                .map(ColumnRef::toString)
                .toList();
        int line = evidence.ddl().lineOf(broken.state().step(), DdlChange.DropColumn.class,
                drop -> dropped.contains(drop.table() + "." + drop.column()));
        return Optional.of(removed(broken, dropped, "column", line));
    }

    private static boolean references(Break broken, ColumnRef column) {
        return StatementWords.usesColumn(broken.checked(), column.table(), column.column());
    }
}
