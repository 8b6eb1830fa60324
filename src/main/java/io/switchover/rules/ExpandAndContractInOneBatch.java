package io.switchover.rules;

import io.switchover.migrations.DdlChange.CopyData;
import io.switchover.migrations.DdlChange.DropColumn;
import io.switchover.migrations.DdlChange.RenameColumn;
import io.switchover.migrations.LocatedChange;
import io.switchover.migrations.Migration;
import io.switchover.timeline.CatalogDiff.ColumnRef;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The batch holds the expand and the contract of one expand-contract sequence: a migration adds the new column (or
 * table), or copies the old one into it, and a later migration of the same batch drops the old one, while the
 * running version still uses it. Each step was safe alone; batched, the contract runs before any version that uses
 * only the new column could serve traffic.
 *
 * <p>The expand and the contract are paired when the batch copies the dropped column (or table) into the added one;
 * without a copy, when a column of the same type family is added to the same table before the drop. When the whole
 * sequence sits in one migration, that is a rename ({@link RenamedColumnStillUsed}); when only the contract is in the
 * batch, a plain drop ({@link DroppedColumnStillUsed}).
 */
@RuleId("expand-and-contract-in-one-batch")
@Claims(value = {FailureKind.UNDEFINED_COLUMN, FailureKind.UNDEFINED_TABLE}, specificity = Claims.Specificity.SEQUENCE_IN_ONE_BATCH)
public final class ExpandAndContractInOneBatch extends BreakRule {
    /** The expand step the batch holds: the migration and what it did, e.g. "adds person.brian". */
    private record Expand(Migration migration, int step, String did) {
    }

    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        FailureKind kind = broken.error().kind();
        List<LocatedChange> changes = evidence.changes().located();
        List<SchemaState> states = evidence.timeline().states();
        int k = broken.state().step();
        String contract = broken.state().migration().script();
        String who = broken.checked().issuer().label();
        String verb = Findings.verb(broken.checked());
        if (kind == FailureKind.UNDEFINED_COLUMN) {
            for (ColumnRef dropped : broken.state().diff().droppedColumns()) {
                if (!StatementWords.usesColumn(broken.checked(), dropped.table(), dropped.column())
                        || renamedAt(changes, k, dropped)) {
                    continue;
                }
                Optional<Expand> expand = columnExpand(changes, states, k, dropped);
                if (expand.isPresent()) {
                    return Optional.of(explanation(expand.get(), contract, "drops " + dropped, who, verb,
                            dropped.column(), dropped.toString(), dropLine(changes, k, dropped)));
                }
            }
            return Optional.empty();
        }
        for (String dropped : broken.state().diff().droppedTables()) {
            if (!StatementWords.usesTable(broken.checked(), dropped)) {
                continue;
            }
            Optional<Expand> expand = tableExpand(changes, states, k, dropped);
            if (expand.isPresent()) {
                return Optional.of(explanation(expand.get(), contract, "drops table " + dropped, who, verb, dropped,
                        dropped, 0));
            }
        }
        return Optional.empty();
    }

    private static Explanation explanation(Expand expand, String contract, String contracted, String who, String verb,
                                           String oldName, String qualified, int line) {
        String message = expand.migration().script() + " " + expand.did() + " and " + contract + " " + contracted
                + " in one promotion: the contract step runs while " + who + ", which still " + verb + " " + oldName
                + ", serves traffic";
        String help = "promote " + contract + " in a later deployment, once a version that no longer uses "
                + qualified + " runs in production";
        return new Explanation(message, help, line);
    }

    /** The earliest batch migration before step {@code k} that starts the sequence replacing {@code dropped}. */
    private static Optional<Expand> columnExpand(List<LocatedChange> changes, List<SchemaState> states, int k,
                                                 ColumnRef dropped) {
        List<Expand> expands = new ArrayList<>();
        for (CopyData copy : copiesOf(changes, k, dropped.table(), Optional.of(dropped.column()))) {
            for (String target : copy.targetColumns()) {
                ColumnRef into = new ColumnRef(copy.table(), target);
                added(states, k, into).ifPresent(expands::add);
                tableAdded(states, k, copy.table()).ifPresent(expands::add);
            }
        }
        for (LocatedChange located : changes) {
            if (located.step() < k && located.change() instanceof CopyData copy
                    && copy.sourceTable().equals(dropped.table()) && copy.sourceColumns().contains(dropped.column())) {
                String into = copy.table().equals(dropped.table()) && copy.targetColumns().size() == 1
                        ? dropped.table() + "." + copy.targetColumns().get(0) : copy.table();
                expands.add(new Expand(located.migration(), located.step(), "copies " + dropped + " into " + into));
            }
        }
        if (expands.isEmpty()) {
            Optional<ColumnInfo> old = states.get(k - 1).catalog().column(dropped.table(), dropped.column());
            for (int j = 1; j < k && old.isPresent(); j++) {
                SchemaState state = states.get(j);
                for (ColumnRef added : state.diff().addedColumns()) {
                    Optional<ColumnInfo> info = state.catalog().column(added.table(), added.column());
                    if (added.table().equals(dropped.table()) && info.isPresent()
                            && ColumnTypes.family(info.get()) == ColumnTypes.family(old.get())) {
                        expands.add(new Expand(state.migration(), j, "adds " + added));
                    }
                }
            }
        }
        return expands.stream().min(Comparator.comparingInt(Expand::step));
    }

    private static Optional<Expand> tableExpand(List<LocatedChange> changes, List<SchemaState> states, int k,
                                                String dropped) {
        List<Expand> expands = new ArrayList<>();
        for (CopyData copy : copiesOf(changes, k, dropped, Optional.empty())) {
            tableAdded(states, k, copy.table()).ifPresent(expands::add);
        }
        for (LocatedChange located : changes) {
            if (located.step() < k && located.change() instanceof CopyData copy && copy.sourceTable().equals(dropped)
                    && !copy.table().equals(dropped)) {
                expands.add(new Expand(located.migration(), located.step(), "copies " + dropped + " into "
                        + copy.table()));
            }
        }
        return expands.stream().min(Comparator.comparingInt(Expand::step));
    }

    /** The batch's copies, up to step {@code k}, of {@code table} (of its {@code column}, when given) elsewhere. */
    private static List<CopyData> copiesOf(List<LocatedChange> changes, int k, String table, Optional<String> column) {
        return changes.stream()
                .filter(l -> l.step() <= k && l.change() instanceof CopyData)
                .map(l -> (CopyData) l.change())
                .filter(copy -> copy.sourceTable().equals(table)
                        && column.map(c -> copy.sourceColumns().contains(c)
                        && !(copy.table().equals(table) && copy.targetColumns().contains(c))).orElse(true))
                .toList();
    }

    private static Optional<Expand> added(List<SchemaState> states, int k, ColumnRef column) {
        for (int j = 1; j < k; j++) {
            if (states.get(j).diff().addedColumns().contains(column)) {
                return Optional.of(new Expand(states.get(j).migration(), j, "adds " + column));
            }
        }
        return Optional.empty();
    }

    private static Optional<Expand> tableAdded(List<SchemaState> states, int k, String table) {
        for (int j = 1; j < k; j++) {
            if (states.get(j).diff().addedTables().contains(table)) {
                return Optional.of(new Expand(states.get(j).migration(), j, "creates table " + table));
            }
        }
        return Optional.empty();
    }

    private static boolean renamedAt(List<LocatedChange> changes, int k, ColumnRef dropped) {
        return changes.stream().anyMatch(l -> l.step() == k && l.change() instanceof RenameColumn rename
                && rename.table().equals(dropped.table()) && rename.from().equals(dropped.column()));
    }

    private static int dropLine(List<LocatedChange> changes, int k, ColumnRef dropped) {
        return changes.stream()
                .filter(l -> l.step() == k && l.change() instanceof DropColumn drop
                        && drop.table().equals(dropped.table()) && drop.column().equals(dropped.column()))
                .mapToInt(LocatedChange::line).findFirst().orElse(0);
    }
}
