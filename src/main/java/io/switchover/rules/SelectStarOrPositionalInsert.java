package io.switchover.rules;

import io.switchover.migrations.DdlChange.AddColumn;
import io.switchover.migrations.DdlChange.DropColumn;
import io.switchover.migrations.DdlChange.RenameColumn;
import io.switchover.migrations.LocatedChange;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.TableInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The old service reads a table with {@code SELECT *} or inserts into it without a column list while the batch adds,
 * drops or reorders its columns. {@code SELECT *} keeps running but returns another shape (code that reads by
 * position, or expects a dropped column, fails in the application, not in the database); a positional INSERT puts
 * its values into other columns, or fails. A positional INSERT the probe saw fail is claimed, as an error.
 */
@RuleId("select-star-or-positional-insert")
@Claims(specificity = Claims.Specificity.POSITIONAL)
public final class SelectStarOrPositionalInsert implements Rule {
    /** What a positional INSERT gives when the column count or types no longer match. */
    private static final Set<FailureKind> SHAPE_FAILURES = Set.of(FailureKind.OTHER, FailureKind.SYNTAX,
            FailureKind.BAD_VALUE);

    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        List<Finding> findings = new ArrayList<>();
        List<SchemaState> states = evidence.timeline().states();
        List<LocatedChange> changes = evidence.changes().located();
        for (int k = 1; k < states.size(); k++) {
            SchemaState state = states.get(k);
            for (TableInfo before : states.get(k - 1).catalog().all()) {
                Optional<TableInfo> after = state.catalog().table(before.name());
                if (after.isEmpty()) {
                    continue;
                }
                shapeChange(state.diff(), before, after.get()).ifPresent(change ->
                        findings.addAll(check(evidence, breaks, changes, state, before.name(), change)));
            }
        }
        return findings;
    }

    private List<Finding> check(Evidence evidence, Breaks breaks, List<LocatedChange> changes, SchemaState state,
                                String table, String change) {
        List<Finding> findings = new ArrayList<>();
        String script = state.migration().script();
        int line = changes.stream()
                .filter(l -> l.step() == state.step() && l.change().table().equals(table)
                        && (l.change() instanceof AddColumn || l.change() instanceof DropColumn
                        || l.change() instanceof RenameColumn))
                .mapToInt(LocatedChange::line).findFirst().orElse(0);
        for (int i = 0; i < evidence.statements().size(); i++) {
            CheckedStatement statement = evidence.statements().get(i);
            if (!statement.isRunning()) {
                continue;
            }
            String who = statement.issuer().label();
            if (OldWrites.insertsPositionally(statement, table)) {
                int index = i;
                Optional<Break> broken = breaks.open().stream()
                        .filter(b -> b.statement() == index && b.state().step() == state.step()
                                && SHAPE_FAILURES.contains(b.error().kind()))
                        .findFirst();
                String message = script + " " + change + ", and " + who + " inserts into " + table
                        + " without a column list: " + (broken.isPresent() ? "its values no longer match the columns"
                        : "its values may go to other columns");
                findings.addAll(Findings.forStatement(doc(), broken.isPresent() ? Severity.ERROR : doc().severity(),
                        state.migration(), state.step(), line, statement, message,
                        "name the columns in the INSERT, and promote " + script + " once that version runs in"
                                + " production", broken.map(Break::error).orElse(null)));
                broken.ifPresent(breaks::claim);
            } else if (statement.references().map(r -> r.starredTables().contains(table)).orElse(false)
                    && probedWithStar(evidence, statement)) {
                String message = script + " " + change + ", and " + who + " reads " + table
                        + " with SELECT *: code that reads its result by position or expects the old columns breaks";
                findings.addAll(Findings.forStatement(doc(), doc().severity(), state.migration(), state.step(), line,
                        statement, message, "name the columns the running version reads instead of SELECT *, or make"
                                + " sure it reads the result by column name", null));
            }
        }
        return findings;
    }

    /**
     * Whether the replay probed the statement with its {@code *}: a star of jOOQ's generated classes was probed with
     * their columns written out, as jOOQ sends them, so that a dropped column breaks it there instead.
     */
    private static boolean probedWithStar(Evidence evidence, CheckedStatement statement) {
        List<io.switchover.timeline.ProbeStatement> probed = evidence.timeline().statements();
        return statement.probe() >= probed.size() || probed.get(statement.probe()).positional();
    }

    /** "adds person.nickname", "drops person.alice and reorders the columns of person"...; empty when unchanged. */
    private static Optional<String> shapeChange(CatalogDiff diff, TableInfo before, TableInfo after) {
        List<String> parts = new ArrayList<>();
        List<String> added = diff.addedColumns().stream().filter(c -> c.table().equals(before.name()))
                .map(CatalogDiff.ColumnRef::toString).toList();
        List<String> dropped = diff.droppedColumns().stream().filter(c -> c.table().equals(before.name()))
                .map(CatalogDiff.ColumnRef::toString).toList();
        if (!added.isEmpty()) {
            parts.add("adds " + String.join(", ", added));
        }
        if (!dropped.isEmpty()) {
            parts.add("drops " + String.join(", ", dropped));
        }
        List<String> kept = before.columns().stream().map(ColumnInfo::name)
                .filter(name -> after.column(name).isPresent()).toList();
        List<String> keptAfter = after.columns().stream().map(ColumnInfo::name).filter(kept::contains).toList();
        if (!kept.equals(keptAfter)) {
            parts.add("reorders the columns of " + before.name());
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", parts));
    }
}
