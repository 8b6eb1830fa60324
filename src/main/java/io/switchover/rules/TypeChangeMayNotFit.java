package io.switchover.rules;

import io.switchover.migrations.DdlChange.AlterColumnType;
import io.switchover.migrations.LocatedChange;
import io.switchover.timeline.CatalogDiff.ColumnChange;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The batch changes a column's type so that values the old service writes may no longer fit: a shorter VARCHAR, a
 * NUMERIC with fewer digits, another family (text to integer). Probes run on empty tables with made-up values, so
 * most such changes show no break: the rule reads the catalog diff. When the probe did break, the finding carries
 * the database's error and is an error, whatever the rule's severity.
 */
@RuleId("type-change-may-not-fit")
@Claims(specificity = Claims.Specificity.TYPE_CHANGE)
public final class TypeChangeMayNotFit implements Rule {
    /** The failures a value that does not fit gives: 22xxx data exceptions, H2's column-count and others. */
    private static final Set<FailureKind> DOES_NOT_FIT = Set.of(FailureKind.BAD_VALUE, FailureKind.OTHER);

    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        List<LocatedChange> changes = evidence.changes().located();
        List<SchemaState> states = evidence.timeline().states();
        for (SchemaState state : states.subList(Math.min(1, states.size()), states.size())) {
            for (ColumnChange change : state.diff().changedColumns()) {
                if (!ColumnTypes.everyValueFits(change.before(), change.after())) {
                    findings.addAll(check(evidence, breaks, changes, state, change));
                }
            }
        }
        return findings;
    }

    private List<Finding> check(Evidence evidence, Breaks breaks, List<LocatedChange> changes, SchemaState state,
                                ColumnChange change) {
        List<Finding> findings = new ArrayList<>();
        ColumnInfo before = change.before();
        ColumnInfo after = change.after();
        String column = change.table() + "." + after.name();
        String script = state.migration().script();
        int line = changes.stream()
                .filter(l -> l.step() == state.step() && l.change() instanceof AlterColumnType alter
                        && alter.table().equals(change.table()) && alter.column().equals(after.name()))
                .mapToInt(LocatedChange::line).findFirst().orElse(0);
        for (int i = 0; i < evidence.statements().size(); i++) {
            CheckedStatement statement = evidence.statements().get(i);
            if (!statement.isRunning() || !OldWrites.writes(statement, change.table(), after.name())) {
                continue;
            }
            int index = i;
            Optional<Break> broken = breaks.open().stream()
                    .filter(b -> b.statement() == index && b.state().step() == state.step()
                            && DOES_NOT_FIT.contains(b.error().kind()))
                    .findFirst();
            String message = script + " " + ColumnTypes.verb(before, after) + " " + column + " from "
                    + before.typeLabel() + " to " + after.typeLabel() + ", and " + statement.issuer().label()
                    + " still writes it" + (broken.isPresent() ? ": its values no longer fit" : ": its values may not fit");
            String help = "make sure every value the running version writes to " + column + " fits "
                    + after.typeLabel() + ", or change the type once no running version writes other values";
            findings.addAll(Findings.forStatement(doc(), broken.isPresent() ? Severity.ERROR : doc().severity(),
                    state.migration(), state.step(), line, statement, message, help,
                    broken.map(Break::error).orElse(null)));
            broken.ifPresent(breaks::claim);
        }
        return findings;
    }
}
