package io.switchover.replay;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;

import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a statement once more with NULL where the running version may write it ({@link ProbeStatement#nullWrites()}),
 * into the columns that were nullable at S0 and are NOT NULL now: the database, triggers and defaults included, says
 * whether that write still goes through. Only there: a column that was already NOT NULL in production rejects those
 * NULLs today as well, and a column still nullable takes them.
 */
final class NullProbe {
    /** NULL of a column's type, bound as such (PostgreSQL cannot always infer an untyped NULL's type). */
    record Null(int jdbcType) {
    }

    private NullProbe() {
    }

    /**
     * The NOT NULL violation the NULL write meets at this state, or empty: nothing to write NULL into here, or the
     * write went through, or it failed for another reason (which the probe with made-up values speaks for).
     */
    static Optional<DatabaseError> rejected(Connection connection, ProbeStatement statement, List<Object> values,
                                            SchemaCatalog production, SchemaCatalog now, Savepoint guard,
                                            Prober prober) {
        if (statement.nullWrites().isEmpty() || values == null) {
            return Optional.empty();
        }
        List<Object> withNulls = new ArrayList<>(values);
        boolean any = false;
        for (int position : statement.nullWrites()) {
            if (position >= values.size() || position >= statement.parameterColumns().size()
                    || statement.parameterColumns().get(position) == null) {
                continue;
            }
            String bound = statement.parameterColumns().get(position);
            Optional<ParameterSynthesizer.BoundColumn> before = ParameterSynthesizer.resolve(bound, statement.tables(),
                    production);
            Optional<ParameterSynthesizer.BoundColumn> after = ParameterSynthesizer.resolve(bound, statement.tables(), now);
            if (before.isPresent() && before.get().column().nullable() && after.isPresent()
                    && !after.get().column().nullable()) {
                int type = after.get().column().jdbcType();
                withNulls.set(position, new Null(type == Types.OTHER || type == Types.DISTINCT ? Types.OTHER : type));
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        if (!statement.inserts()) {
            // An UPDATE on the replay's empty tables writes no row, so the database never meets its NULL: the schema
            // answers for it.
            List<String> columns = new ArrayList<>();
            for (int position : statement.nullWrites()) {
                if (position < withNulls.size() && withNulls.get(position) instanceof Null) {
                    columns.add(statement.parameterColumns().get(position));
                }
            }
            return Optional.of(new DatabaseError("23502", 0, "column " + String.join(", ", columns)
                    + " is NOT NULL at this state, and the statement sets it from a parameter the code may leave null"
                    + " (read from the schema: the replay's tables hold no row to update)", FailureKind.NULL_WRITTEN));
        }
        ProbeOutcome outcome = prober.run(connection, statement.jdbcSql(), withNulls, guard);
        DatabaseError error = outcome.error();
        if (error == null || error.kind() != FailureKind.NOT_NULL_VIOLATION) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseError(error.sqlState(), error.vendorCode(), error.message(),
                FailureKind.NULL_WRITTEN));
    }
}
