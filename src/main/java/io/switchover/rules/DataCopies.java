package io.switchover.rules;

import io.switchover.migrations.BatchChanges;
import io.switchover.migrations.DdlChange;
import io.switchover.migrations.LocatedChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The batch's data copies ({@code UPDATE person SET brian = alice}, {@code INSERT INTO t2 ... SELECT ... FROM t}) and
 * what they ask of the version serving while they run: rows it writes after the copy must reach the target too, so it
 * has to write the target wherever it writes the source. That is why expand-contract deploys "write both" before the
 * backfill.
 */
public final class DataCopies {

    /** One copy: at batch step {@code step}, {@code sourceTable.sources} into {@code table.targets}. */
    public record Copy(int step, String script, String table, List<String> targets, String sourceTable,
                       Set<String> sources) {
    }

    private DataCopies() {
    }

    public static List<Copy> of(BatchChanges changes) {
        List<Copy> copies = new ArrayList<>();
        for (LocatedChange located : changes.located()) {
            if (located.change() instanceof DdlChange.CopyData copy) {
                copies.add(new Copy(located.step(), located.scriptName(), copy.table(), copy.targetColumns(),
                        copy.sourceTable(), copy.sourceColumns()));
            }
        }
        return List.copyOf(copies);
    }

    /**
     * The source column the statement writes without writing the copy's target, if it does: its rows written during
     * and after the copy would lack the copied value.
     */
    public static Optional<String> writesSourceWithoutTarget(CheckedStatement statement, Copy copy) {
        for (String source : copy.sources()) {
            if (!OldWrites.writes(statement, copy.sourceTable(), source)) {
                continue;
            }
            boolean target = copy.targets().stream().allMatch(t -> OldWrites.writes(statement, copy.table(), t));
            if (!target) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
