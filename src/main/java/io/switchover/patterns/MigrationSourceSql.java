package io.switchover.patterns;

import java.util.List;
import java.util.Optional;

/**
 * The SQL a Java or Kotlin migration executes, read from its source: the statements handed to {@code execute},
 * {@code update}, {@code prepareStatement}, jDBI handles, kotliquery's {@code queryOf} and the like, in the order its
 * {@code migrate} method runs them.
 *
 * @param statements what it executes, in order; meaningful only when {@code unknown} is empty
 * @param unknown    why the source does not tell all it executes (SQL built at run time, no SQL found), empty when
 *                   it does
 */
public record MigrationSourceSql(List<Statement> statements, Optional<String> unknown) {

    /** One statement as the source hands it over, at the line of the expression that holds it. */
    public record Statement(String sql, int line) {
    }

    public MigrationSourceSql {
        statements = List.copyOf(statements);
    }

    public static MigrationSourceSql unknown(String why) {
        return new MigrationSourceSql(List.of(), Optional.of(why));
    }

    public boolean known() {
        return unknown.isEmpty();
    }

    public List<String> sql() {
        return statements.stream().map(Statement::sql).toList();
    }
}
