package io.switchover.replay;

import java.sql.SQLException;
import java.util.Map;

/**
 * Template databases on the PostgreSQL server a replay database lives on, made and used through the admin connection
 * of the run that owns the replay database (which holds its lock meanwhile).
 */
interface ServerTemplates {
    /** The names of switchover's templates on the server and their comments. */
    Map<String, String> list() throws SQLException;

    /** Makes the replay database a copy of {@code template} (dropped and created again under the same name). */
    void copyFrom(String template) throws SQLException;

    /** Makes the replay database empty again (after a copy that turned out wrong). */
    void empty() throws SQLException;

    /**
     * Copies the replay database, which nothing may be connected to, as {@code template} marked with {@code comment};
     * false when that template exists already.
     */
    boolean saveAs(String template, String comment) throws SQLException;

    void drop(String template) throws SQLException;

    /** Whether a run is making {@code template} right now (it holds the template's lock). */
    boolean beingMade(String template) throws SQLException;

    /** "at host:port", for notes. */
    String where();
}
