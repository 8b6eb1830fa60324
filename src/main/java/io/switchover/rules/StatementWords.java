package io.switchover.rules;

import io.switchover.sql.SqlWords;

import java.util.Set;

/**
 * Whether a statement uses a table or a column: from what JSqlParser read, or, for a statement it could not read
 * (which the replay database ran as it is), from its words: a table it uses is one of them, and so is a column it
 * names.
 */
final class StatementWords {

    private StatementWords() {
    }

    static boolean usesTable(CheckedStatement statement, String table) {
        return statement.references().map(r -> r.tables().contains(table))
                .orElseGet(() -> SqlWords.namesAny(statement.sql(), Set.of(table)));
    }

    static boolean usesColumn(CheckedStatement statement, String table, String column) {
        return statement.references().map(r -> r.columns().getOrDefault(table, Set.of()).contains(column))
                .orElseGet(() -> SqlWords.namesAny(statement.sql(), Set.of(table))
                        && SqlWords.namesAny(statement.sql(), Set.of(column)));
    }
}
