package io.switchover.rules;

import io.switchover.migrations.DdlChange.DropDefault;
import io.switchover.patterns.SqlReferences;
import io.switchover.timeline.CatalogDiff.ColumnChange;
import io.switchover.timeline.FailureKind;

import java.util.List;
import java.util.Optional;

/**
 * The batch drops the default of a NOT NULL column while the old INSERT omits the column and relied on the default:
 * every insert of the old service fails until the new version runs.
 */
@RuleId("dropped-default-still-relied-on")
@Claims(value = FailureKind.NOT_NULL_VIOLATION, specificity = Claims.Specificity.LOST_DEFAULT)
public final class DroppedDefaultStillReliedOn extends RejectedInsertRule {
    @Override
    Optional<Explanation> explainInsert(Break broken, SqlReferences insert, Evidence evidence) {
        List<ColumnChange> dropped = broken.state().diff().changedColumns().stream()
                .filter(c -> c.before().hasDefault() && !c.after().hasDefault() && !c.after().nullable())
                .filter(c -> insert.tables().contains(c.table())
                        && !insert.insertColumns().contains(c.after().name()))
                .toList();
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        ColumnChange first = dropped.get(0);
        String column = first.table() + "." + first.after().name();
        String script = broken.state().migration().script();
        String message = script + " drops the default of " + column + " (" + first.before().defaultValue()
                + "), which is NOT NULL, and the INSERT of " + broken.checked().issuer().label() + " does not set it";
        String help = "keep the default of " + column + " until no running version omits it, and drop it in a"
                + " later deployment";
        return Optional.of(new Explanation(message, help, line(evidence, broken.state().step(), first)));
    }

    private static int line(Evidence evidence, int step, ColumnChange change) {
        return evidence.ddl().lineOf(step, DropDefault.class,
                drop -> drop.table().equals(change.table()) && drop.column().equals(change.after().name()));
    }
}
