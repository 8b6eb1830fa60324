package io.switchover.rules;

import io.switchover.replay.CatalogDiff.ColumnRef;
import io.switchover.replay.FailureKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The batch drops (or renames away) a column that the old service still reads or writes. */
public final class DroppedColumnStillUsed implements Rule {
    private static final RuleDoc DOC = RuleDocs.load("dropped-column-still-used");

    @Override
    public RuleDoc doc() {
        return DOC;
    }

    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        for (Break broken : breaks.open()) {
            if (broken.error().kind() != FailureKind.UNDEFINED_COLUMN) {
                continue;
            }
            String script = broken.state().migration().script();
            List<ColumnRef> dropped = usedColumnsDropped(broken);
            String columns = dropped.stream().map(ColumnRef::toString).collect(Collectors.joining(", "));
            String message = dropped.isEmpty()
                    ? script + " removes a column that the old statement " + Findings.verb(broken.checked())
                    : script + " drops " + columns + ", which " + evidence.production() + " still "
                    + Findings.verb(broken.checked());
            String help = "drop " + (dropped.isEmpty() ? "the column" : columns)
                    + " only once no version that uses it serves traffic: promote " + script + " in a later deployment";
            findings.addAll(Findings.forBreak(DOC, evidence, broken, message, help));
            breaks.claim(broken);
        }
        return findings;
    }

    private static List<ColumnRef> usedColumnsDropped(Break broken) {
        List<ColumnRef> used = new ArrayList<>();
        for (ColumnRef column : broken.state().diff().droppedColumns()) {
            boolean referenced = broken.checked().references()
                    .map(r -> r.columns().getOrDefault(column.table(), Set.of()).contains(column.column()))
                    .orElse(false);
            if (referenced) {
                used.add(column);
            }
        }
        return used;
    }
}
