package io.switchover.replay;

import java.sql.Connection;
import java.sql.SQLException;

/** A throwaway database that one replay owns: created empty, destroyed on close, whatever happened in between. */
public interface ReplayDatabase extends AutoCloseable {

    /** A name for reports, e.g. "H2 2.5 (PostgreSQL mode)". */
    String description();

    String url();

    String user();

    String password();

    Connection connect() throws SQLException;

    /** Prepares a connection for probing: foreign-key checks off, so that only the schema decides. */
    void disableForeignKeyChecks(Connection connection) throws SQLException;

    void enableForeignKeyChecks(Connection connection) throws SQLException;

    @Override
    void close();
}
