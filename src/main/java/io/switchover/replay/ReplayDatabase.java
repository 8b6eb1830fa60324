package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.EngineKind;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A throwaway database that one replay owns: created empty, destroyed on close, whatever happened in between. */
public interface ReplayDatabase extends AutoCloseable {

    /** A name for reports, e.g. "H2 2.5 (PostgreSQL mode)". */
    String description();

    /** Which kind of database this is, for the rules. */
    EngineKind kind();

    String url();

    String user();

    String password();

    Connection connect() throws SQLException;

    /** Prepares a connection for probing: foreign-key checks off, so that only the schema decides. */
    void disableForeignKeyChecks(Connection connection) throws SQLException;

    void enableForeignKeyChecks(Connection connection) throws SQLException;

    /** Engine-specific Flyway settings (PostgreSQL: session locks, so that CREATE INDEX CONCURRENTLY cannot hang). */
    /**
     * Whether DDL runs inside transactions (PostgreSQL). Only then can migrations fail as one Flyway group where each
     * alone works; elsewhere each statement commits, and a group fails where its migrations would.
     */
    default boolean transactionalDdl() {
        return false;
    }

    default FluentConfiguration tune(FluentConfiguration configuration) {
        return configuration;
    }

    /** Rewrites a migration for this engine: H2 needs most, a server only the set-up no throwaway database can run. */
    default AdaptedScript adapt(String script) {
        return AdaptedScript.unchanged(script);
    }

    /**
     * What decides production's schema (S0) here beyond the engine and the migrations' text, one fact a line, for the
     * baseline cache's key: on a PostgreSQL server, the roles production's migrations name that it lacks, since their
     * statements are skipped.
     */
    default List<String> baselineFacts(Batch batch) {
        return List.of();
    }

    /** Says why a statement fails at S0 when the engine, not the statement, is the reason. */
    default DatabaseError explainInitialFailure(String sql, DatabaseError error) {
        return error;
    }

    /** What the report should say about this database, e.g. leftovers of an interrupted run it removed. */
    default List<String> notes() {
        return List.of();
    }

    /** The server's template databases, where S0 can be kept between checks (a PostgreSQL server); else empty. */
    default java.util.Optional<ServerTemplates> templates() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
