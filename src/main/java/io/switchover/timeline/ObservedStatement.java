package io.switchover.timeline;

import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL did while one statement of a batch migration ran, as its own session saw it: the locks its
 * transaction took, and the work it reported (rewrites, validation scans, index builds), for tables that existed
 * before the migration began.
 *
 * @param step     the migration's 1-based place in the batch
 * @param ordinal  the statement's 0-based place in the migration, as Flyway split it
 * @param taken    per table, the strongest lock mode this statement took that its transaction did not hold yet
 * @param held     per table, the strongest lock mode the migration's transaction holds once the statement ran
 *                 (locks last until the migration commits)
 * @param indexes  indexes this statement locked ACCESS EXCLUSIVE, each with its table: every query that plans on
 *                 the table opens its indexes, so reads and writes of the table wait too
 * @param work     what PostgreSQL reported doing to whole tables
 * @param inTransaction whether Flyway ran the statement inside a transaction
 */
public record ObservedStatement(int step, String script, int ordinal, String sql, Map<String, LockMode> taken,
                                Map<String, LockMode> held, Map<String, String> indexes, List<TableWork> work,
                                boolean inTransaction) {

    public ObservedStatement {
        taken = Map.copyOf(taken);
        held = Map.copyOf(held);
        indexes = Map.copyOf(indexes);
        work = List.copyOf(work);
    }

    /** Work on whole tables that PostgreSQL reports at DEBUG1. */
    public record TableWork(Kind kind, String table, String object) {
    }

    public enum Kind {
        /** {@code rewriting table "t"}: a new relation file, written under ACCESS EXCLUSIVE. */
        REWRITE,
        /** {@code verifying table "t"}: every row read to check a constraint or NOT NULL. */
        SCAN,
        /** {@code building index "i" on table "t"}. */
        INDEX_BUILD,
        /** {@code validating foreign key constraint "c"}: every row of the table looked up in the one it references. */
        FOREIGN_KEY_CHECK,
        /** {@code existing constraints on column "t.c" are sufficient to prove ...}: NOT NULL set without a scan. */
        PROVEN_BY_CONSTRAINT,
        /** A domain's new constraint checked on every row of the table's columns of that domain. */
        DOMAIN_CHECK
    }
}
