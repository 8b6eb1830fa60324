package io.switchover.rules;

import io.switchover.migrations.BatchChanges;
import io.switchover.migrations.DdlChange;
import io.switchover.migrations.LocatedChange;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The questions rules ask of the batch's DDL: which statement of a step made a change of some kind, and at which line
 * of its migration, so that a finding points at the statement and not only at the file.
 */
final class BatchDdl {
    private final List<LocatedChange> located;

    BatchDdl(BatchChanges changes) {
        this.located = changes.located();
    }

    /** The first change of the kind at the step that passes the test. */
    <C extends DdlChange> Optional<LocatedChange> first(int step, Class<C> kind, Predicate<? super C> test) {
        return located.stream()
                .filter(l -> l.step() == step && kind.isInstance(l.change()) && test.test(kind.cast(l.change())))
                .findFirst();
    }

    /** The line of that change in its migration, 0 when the step made none. */
    <C extends DdlChange> int lineOf(int step, Class<C> kind, Predicate<? super C> test) {
        return first(step, kind, test).map(LocatedChange::line).orElse(0);
    }

    /** The line of the statement of the step that adds the first of {@code columns} or makes it NOT NULL; else 0. */
    int lineMakingNotNull(int step, List<String> columns) {
        return lineOf(step, DdlChange.class, change -> change instanceof DdlChange.AddColumn add
                && columns.contains(add.table() + "." + add.column())
                || change instanceof DdlChange.SetNotNull notNull
                && columns.contains(notNull.table() + "." + notNull.column()));
    }
}
