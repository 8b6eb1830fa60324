package io.switchover.patterns.model;

/**
 * A column that code reads by name from a result ({@code rs.getString("alice")}, {@code row.string("alice")}), and
 * the statement whose result it reads, where the code around says which.
 *
 * @param column    the name as the code gives it, lower case
 * @param statement the SQL of the statement it reads from, as extracted; null when the code does not say
 */
public record ColumnRead(Origin origin, String column, String statement) {

    public boolean linked() {
        return statement != null;
    }
}
