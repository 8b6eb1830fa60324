package io.switchover.replay;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A literal the database should read as the parameter's own type (json, an array, an enum label) rather than as
 * text: PostgreSQL takes it as an untyped value, other databases as a string.
 */
public record UntypedValue(String text) {

    /** Binds any synthesized value to a statement, untyped values the way the database reads them. */
    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof NullProbe.Null nothing) {
            statement.setNull(index, nothing.jdbcType());
        } else if (value instanceof UntypedValue untyped) {
            boolean postgres = "PostgreSQL".equalsIgnoreCase(statement.getConnection().getMetaData().getDatabaseProductName());
            if (postgres) {
                statement.setObject(index, untyped.text(), Types.OTHER);
            } else {
                statement.setString(index, untyped.text());
            }
        } else {
            statement.setObject(index, value);
        }
    }
}
