package io.switchover.replay;

import io.switchover.migrations.BatchChanges;
import io.switchover.sql.SqlWords;
import io.switchover.timeline.ProbeStatement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tables and views a batch's migrations can change ({@link BatchChanges}): a statement that uses none of them sees
 * the same schema before and after the batch and needs no probe. A batch that may change anything (a function, a
 * type, a cascade, a migration that cannot be read) reaches every statement.
 */
public final class BatchReach {
    /** Lower-case table names; empty when the batch may change anything. */
    private final Optional<Set<String>> tables;

    private BatchReach(Optional<Set<String>> tables) {
        this.tables = tables;
    }

    public static BatchReach of(BatchChanges changes) {
        return new BatchReach(changes.reachedTables());
    }

    /**
     * Whether the batch may change what the statement sees: it uses one of the changed tables, or, where its tables
     * are not known (it was not parsed), its text names one.
     */
    public boolean reaches(ProbeStatement statement) {
        return tables.isEmpty() || reaches(statement.tables(), statement.jdbcSql(), tables.get());
    }

    /** As {@link #reaches(ProbeStatement)} for the tables {@code changed}. */
    static boolean reaches(List<String> statementTables, String sql, Set<String> changed) {
        if (statementTables.isEmpty()) {
            return SqlWords.namesAny(sql, changed);
        }
        for (String table : statementTables) {
            if (changed.contains(table)) {
                return true;
            }
        }
        return false;
    }
}
