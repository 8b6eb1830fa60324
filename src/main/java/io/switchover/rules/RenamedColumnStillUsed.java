package io.switchover.rules;

import io.switchover.migrations.DdlChange.CopyData;
import io.switchover.migrations.DdlChange.DropColumn;
import io.switchover.migrations.DdlChange.RenameColumn;
import io.switchover.migrations.LocatedChange;
import io.switchover.timeline.FailureKind;

import java.util.List;
import java.util.Optional;

/**
 * The batch renames a column that the old service still uses: in place ({@code RENAME COLUMN}), or in one migration
 * that copies it into another column and drops it. The old name is gone the moment the migration runs.
 */
@RuleId("renamed-column-still-used")
@Claims(value = FailureKind.UNDEFINED_COLUMN, specificity = Claims.Specificity.RENAME)
public final class RenamedColumnStillUsed extends BreakRule {
    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        int step = broken.state().step();
        Optional<LocatedChange> renamed = evidence.ddl().first(step, RenameColumn.class,
                rename -> uses(broken, rename.table(), rename.from()));
        if (renamed.isPresent()) {
            RenameColumn rename = (RenameColumn) renamed.get().change();
            return Optional.of(explanation(broken, renamed.get(), rename.table(), rename.from(), rename.to(), ""));
        }
        List<LocatedChange> changes = evidence.changes().located();
        for (LocatedChange located : changes) {
            if (located.step() == step && located.change() instanceof DropColumn drop
                    && uses(broken, drop.table(), drop.column())) {
                Optional<CopyData> copy = copiedWithin(changes, step, drop);
                if (copy.isPresent()) {
                    return Optional.of(explanation(broken, located, drop.table(), drop.column(),
                            copy.get().targetColumns().get(0), " (copies it, then drops it)"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A copy of the dropped column into another column of its table, made by the migration that drops it (a copy in an
     * earlier migration makes an expand-contract sequence, not a rename).
     */
    private static Optional<CopyData> copiedWithin(List<LocatedChange> changes, int step, DropColumn drop) {
        return changes.stream()
                .filter(c -> c.step() == step && c.change() instanceof CopyData)
                .map(c -> (CopyData) c.change())
                .filter(copy -> copy.table().equals(drop.table()) && copy.sourceTable().equals(drop.table())
                        && copy.sourceColumns().contains(drop.column())
                        && !copy.targetColumns().contains(drop.column()))
                .findFirst();
    }

    private static Explanation explanation(Break broken, LocatedChange located, String table, String from, String to,
                                           String how) {
        String message = located.scriptName() + " renames " + table + "." + from + " to " + table + "." + to + how
                + ", which " + broken.checked().issuer().label() + " still " + Findings.verb(broken.checked());
        String help = "add " + table + "." + to + " next to " + table + "." + from + " instead, and drop " + table
                + "." + from + " in a later deployment, once no running version uses it";
        return new Explanation(message, help, located.line());
    }

    private static boolean uses(Break broken, String table, String column) {
        return StatementWords.usesColumn(broken.checked(), table, column);
    }
}
