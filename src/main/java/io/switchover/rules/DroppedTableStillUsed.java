package io.switchover.rules;

import io.switchover.replay.FailureKind;

import java.util.ArrayList;
import java.util.List;

/** The batch drops (or renames away) a table or view that the old service still reads or writes. */
public final class DroppedTableStillUsed implements Rule {
    private static final RuleDoc DOC = RuleDocs.load("dropped-table-still-used");

    @Override
    public RuleDoc doc() {
        return DOC;
    }

    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        for (Break broken : breaks.open()) {
            if (broken.error().kind() != FailureKind.UNDEFINED_TABLE) {
                continue;
            }
            String script = broken.state().migration().script();
            List<String> dropped = broken.state().diff().droppedTables().stream()
                    .filter(t -> broken.checked().references().map(r -> r.tables().contains(t)).orElse(false))
                    .toList();
            String tables = String.join(", ", dropped);
            String message = dropped.isEmpty()
                    ? script + " removes a table that the old statement " + Findings.verb(broken.checked())
                    : script + " drops " + tables + ", which " + evidence.production() + " still "
                    + Findings.verb(broken.checked());
            String help = "drop " + (dropped.isEmpty() ? "the table" : tables)
                    + " only once no version that uses it serves traffic: promote " + script + " in a later deployment";
            findings.addAll(Findings.forBreak(DOC, evidence, broken, message, help));
            breaks.claim(broken);
        }
        return findings;
    }
}
