package io.switchover.rules;

import io.switchover.patterns.SqlReferences;
import io.switchover.replay.CatalogDiff.ColumnChange;
import io.switchover.migrations.DdlChange.DropDefault;
import io.switchover.migrations.LocatedChange;

import java.util.List;
import java.util.Optional;

/**
 * The batch drops the default of a NOT NULL column while the old INSERT omits the column and relied on the default:
 * every insert of the old service fails until the new version runs.
 */
public final class DroppedDefaultStillReliedOn extends BreakRule {
    private static final RuleDoc DOC = RuleDocs.load("dropped-default-still-relied-on");

    @Override
    public RuleDoc doc() {
        return DOC;
    }

    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        Optional<SqlReferences> references = insertRejectingNull(broken);
        if (references.isEmpty()) {
            return Optional.empty();
        }
        List<ColumnChange> dropped = broken.state().diff().changedColumns().stream()
                .filter(c -> c.before().hasDefault() && !c.after().hasDefault() && !c.after().nullable())
                .filter(c -> references.get().tables().contains(c.table())
                        && !references.get().insertColumns().contains(c.after().name()))
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
        return evidence.changes().located().stream()
                .filter(l -> l.step() == step && l.change() instanceof DropDefault drop
                        && drop.table().equals(change.table()) && drop.column().equals(change.after().name()))
                .mapToInt(LocatedChange::line)
                .findFirst()
                .orElse(0);
    }
}
