package io.switchover.migrations;

import net.sf.jsqlparser.statement.Statement;

import java.util.List;
import java.util.Optional;

/**
 * One statement of a migration, as JSqlParser reads it. A statement JSqlParser cannot read is kept, unclassified: the
 * database, not the parser, decides whether a migration applies.
 *
 * @param line         the 1-based line where the statement starts
 * @param suppressions the {@code switchover:allow} comments just before it
 */
public record MigrationStatement(int line, String sql, Optional<Statement> parsed, List<Suppression> suppressions) {
}
