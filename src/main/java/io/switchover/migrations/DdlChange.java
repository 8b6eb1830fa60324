package io.switchover.migrations;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one clause of a migration statement says it does to the schema, as {@link StatementChanges} reads it. Names are
 * folded as PostgreSQL folds them and tables are unqualified, like the catalog's.
 */
public sealed interface DdlChange {

    /** The table the change is made on (for a copy, the table written; for a table rename, the old name). */
    String table();

    record AddColumn(String table, String column, String type, Optional<String> defaultExpression,
                     boolean generated) implements DdlChange {
    }

    record DropColumn(String table, String column) implements DdlChange {
    }

    record DropTable(String table) implements DdlChange {
    }

    record RenameColumn(String table, String from, String to) implements DdlChange {
    }

    record RenameTable(String table, String to) implements DdlChange {
    }

    /** {@code ALTER COLUMN c [SET DATA] TYPE t}, or H2's {@code ALTER COLUMN c t}. */
    record AlterColumnType(String table, String column, String type) implements DdlChange {
    }

    record SetNotNull(String table, String column) implements DdlChange {
    }

    record DropDefault(String table, String column) implements DdlChange {
    }

    public enum ConstraintKind {
        UNIQUE("UNIQUE"), PRIMARY_KEY("PRIMARY KEY"), CHECK("CHECK"), FOREIGN_KEY("FOREIGN KEY");

        private final String sql;

        ConstraintKind(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /**
     * {@code ADD [CONSTRAINT name] UNIQUE|PRIMARY KEY|CHECK|FOREIGN KEY ...}.
     *
     * @param name       null when the statement does not name it
     * @param columns    the identifiers the key list or CHECK expression names (not checked against the catalog)
     * @param definition the constraint as written, for messages
     * @param usingIndex {@code UNIQUE USING INDEX i}: the index exists already
     */
    record AddConstraint(String table, String name, ConstraintKind kind, List<String> columns, String definition,
                         boolean notValid, boolean usingIndex) implements DdlChange {
    }

    record ValidateConstraint(String table, String name) implements DdlChange {
    }

    /** @param columns the identifiers of the key list (expressions included), not checked against the catalog */
    record CreateIndex(String table, String name, boolean unique, boolean concurrently, List<String> columns)
            implements DdlChange {
    }

    /**
     * Data copied from one place to another: {@code UPDATE t SET b = f(a)} (source and target the same table) or
     * {@code INSERT INTO t2 (...) SELECT ... FROM t}.
     *
     * @param table         the table written
     * @param targetColumns the columns written
     * @param sourceTable   the table read
     * @param sourceColumns the identifiers the copied values are computed from (not checked against the catalog)
     */
    record CopyData(String table, List<String> targetColumns, String sourceTable, Set<String> sourceColumns)
            implements DdlChange {
    }
}
