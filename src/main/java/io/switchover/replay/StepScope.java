package io.switchover.replay;

import io.switchover.migrations.MigrationEffects;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;

import java.util.HashSet;
import java.util.Set;

/**
 * Which statements one batch step can affect, so that only those are probed again: read from what the migration says
 * (its tables, and whether it only changes their columns) and from the catalog diff (which columns changed). A
 * statement is left alone only when that is certain: it uses no table the step changed, or the step only added,
 * dropped or altered columns the statement does not name, in a way that neither shifts column order under it nor
 * makes a column it leaves out of its INSERT required.
 */
final class StepScope {
    private final MigrationEffects effects;
    private final CatalogDiff diff;
    private final SchemaCatalog after;
    private final Set<String> touched;

    StepScope(MigrationEffects effects, CatalogDiff diff, SchemaCatalog after) {
        this.effects = effects;
        this.diff = diff;
        this.after = after;
        this.touched = new HashSet<>(effects.tables());
        touched.addAll(diff.droppedTables());
        touched.addAll(diff.addedTables());
        diff.droppedColumns().forEach(c -> touched.add(c.table()));
        diff.addedColumns().forEach(c -> touched.add(c.table()));
        diff.changedColumns().forEach(c -> touched.add(c.table()));
    }

    boolean reaches(ProbeStatement statement) {
        if (effects.all()) {
            return true;
        }
        if (statement.tables().isEmpty()) {
            // Not parsed: whether its text names a table the step touched decides.
            return BatchReach.reaches(statement.tables(), statement.jdbcSql(), touched);
        }
        for (String table : statement.tables()) {
            if (touched.contains(table) && reaches(statement, table)) {
                return true;
            }
        }
        return false;
    }

    private boolean reaches(ProbeStatement statement, String table) {
        Set<String> used = statement.columns().get(table);
        // A table that appeared or vanished at this step (a rename is both) is changed whole, whatever else the step
        // did to its columns.
        boolean wholeTable = diff.addedTables().contains(table) || diff.droppedTables().contains(table);
        if (wholeTable || !effects.columnOnly().contains(table) || statement.positional() || used == null) {
            return true;
        }
        // Added columns count too: a statement that failed without one (the candidate's) may work with it.
        boolean usesChanged = diff.droppedColumns().stream().anyMatch(c -> c.table().equals(table) && used.contains(c.column()))
                || diff.addedColumns().stream().anyMatch(c -> c.table().equals(table) && used.contains(c.column()))
                || diff.changedColumns().stream().anyMatch(c -> c.table().equals(table) && used.contains(c.before().name()));
        if (usesChanged) {
            return true;
        }
        if (!statement.inserts()) {
            return false;
        }
        // An INSERT leaving a column out fails once that column is required: added so, or altered to it.
        boolean newlyRequired = diff.addedColumns().stream().filter(c -> c.table().equals(table))
                .anyMatch(c -> requiredAfter(table, c.column()))
                || diff.changedColumns().stream().filter(c -> c.table().equals(table))
                .anyMatch(c -> !c.after().nullable() && !c.after().hasDefault());
        // And it may work again once a column it leaves out is required no more: dropped, or made optional.
        boolean noLongerRequired = diff.droppedColumns().stream().anyMatch(c -> c.table().equals(table))
                || diff.changedColumns().stream().filter(c -> c.table().equals(table))
                .anyMatch(c -> !c.before().nullable() && !c.before().hasDefault());
        return newlyRequired || noLongerRequired;
    }

    private boolean requiredAfter(String table, String column) {
        return after.column(table, column).map(c -> !c.nullable() && !c.hasDefault()).orElse(true);
    }
}
