package io.switchover.rules;

import io.switchover.migrations.DdlChange;
import io.switchover.timeline.FailureKind;

import java.util.List;
import java.util.Optional;

/** The batch drops (or renames away) a table or view that the old service still reads or writes. */
@RuleId("dropped-table-still-used")
@Claims(value = FailureKind.UNDEFINED_TABLE, specificity = Claims.Specificity.REMOVAL)
public final class DroppedTableStillUsed extends BreakRule {
    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        List<String> dropped = broken.state().diff().droppedTables().stream()
                .filter(table -> StatementWords.usesTable(broken.checked(), table))
                .toList();
        int line = evidence.ddl().lineOf(broken.state().step(), DdlChange.DropTable.class,
                drop -> dropped.contains(drop.table()));
        return Optional.of(removed(broken, dropped, "table", line));
    }
}
