package io.switchover.rules;

import io.switchover.migrations.DdlChange.RenameTable;
import io.switchover.migrations.LocatedChange;
import io.switchover.timeline.FailureKind;

import java.util.Optional;

/** The batch renames a table that the old service still uses: the old name is gone the moment the migration runs. */
@RuleId("renamed-table-still-used")
@Claims(value = FailureKind.UNDEFINED_TABLE, specificity = Claims.Specificity.RENAME)
public final class RenamedTableStillUsed extends BreakRule {
    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        for (LocatedChange located : evidence.changes().located()) {
            if (located.step() == broken.state().step() && located.change() instanceof RenameTable rename
                    && StatementWords.usesTable(broken.checked(), rename.table())) {
                String message = located.scriptName() + " renames table " + rename.table() + " to " + rename.to()
                        + ", which " + broken.checked().issuer().label() + " still " + Findings.verb(broken.checked());
                String help = "keep a view named " + rename.table() + " over " + rename.to()
                        + " until no running version uses " + rename.table() + ", or promote "
                        + located.scriptName() + " in a later deployment";
                return Optional.of(new Explanation(message, help, located.line()));
            }
        }
        return Optional.empty();
    }
}
