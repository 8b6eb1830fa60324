package io.switchover.migrations;

import java.util.List;

/**
 * One statement of a migration, as written. What it changes is read from its text ({@link StatementChanges}); it is not
 * parsed here: a syntax tree per statement of a data migration of half a million INSERTs would take gigabytes, and
 * nothing reads it. The database, not a parser, decides whether a migration applies.
 *
 * @param line         the 1-based line where the statement starts
 * @param suppressions the {@code switchover:allow} comments just before it
 */
public record MigrationStatement(int line, String sql, List<Suppression> suppressions) {
}
