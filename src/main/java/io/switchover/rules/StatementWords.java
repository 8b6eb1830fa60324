package io.switchover.rules;

import io.switchover.patterns.SqlReferences;

/** Whether a checked statement uses a table or a column, as {@link SqlReferences} reads a statement. */
final class StatementWords {

    private StatementWords() {
    }

    static boolean usesTable(CheckedStatement statement, String table) {
        return SqlReferences.usesTable(statement.references(), statement.sql(), table);
    }

    static boolean usesColumn(CheckedStatement statement, String table, String column) {
        return SqlReferences.namesColumn(statement.references(), statement.sql(), table, column);
    }
}
