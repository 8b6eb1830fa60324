package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.EngineKind;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The default: H2 (fast, offline), and embedded PostgreSQL wherever H2 itself might be what fails: when a migration
 * fails on H2 the whole replay runs again on embedded PostgreSQL, and only a failure there is a real one. A project
 * that declares its dialect as PostgreSQL goes to embedded PostgreSQL at once.
 */
public final class AutoEngine implements ReplayEngine {
    private final ReplayEngine fast;
    private final Supplier<ReplayEngine> real;

    public AutoEngine(ReplayEngine fast, Supplier<ReplayEngine> real) {
        this.fast = fast;
        this.real = real;
    }

    /** H2 then embedded PostgreSQL; {@code dialect} (e.g. from the project's settings) may be null. */
    public static ReplayEngine forDialect(String dialect) {
        String wanted = dialect == null ? "" : dialect.toLowerCase(Locale.ROOT).strip();
        if (wanted.equals("postgresql") || wanted.equals("postgres")) {
            return new DeclaredDialect(EmbeddedPostgresEngine.perReplay());
        }
        return new AutoEngine(new H2Engine(), EmbeddedPostgresEngine::perReplay);
    }

    @Override
    public String id() {
        return "auto";
    }

    @Override
    public ReplayDatabase create() {
        return fast.create();
    }

    @Override
    public Optional<ReplayEngine> fallback() {
        return Optional.of(real.get());
    }

    /** The project says it is PostgreSQL: no H2 attempt, and the report says why. */
    private record DeclaredDialect(ReplayEngine engine) implements ReplayEngine {
        @Override
        public String id() {
            return "auto";
        }

        @Override
        public ReplayDatabase create() {
            ReplayDatabase database = engine.create();
            return new Noted(database, "replayed on " + database.description()
                    + " because the project's dialect is PostgreSQL");
        }
    }

    /** A database with one more note. */
    private static final class Noted implements ReplayDatabase {
        private final ReplayDatabase database;
        private final String note;

        Noted(ReplayDatabase database, String note) {
            this.database = database;
            this.note = note;
        }

        @Override
        public String description() {
            return database.description();
        }

        @Override
        public EngineKind kind() {
            return database.kind();
        }

        @Override
        public String url() {
            return database.url();
        }

        @Override
        public String user() {
            return database.user();
        }

        @Override
        public String password() {
            return database.password();
        }

        @Override
        public Connection connect() throws SQLException {
            return database.connect();
        }

        @Override
        public void disableForeignKeyChecks(Connection connection) throws SQLException {
            database.disableForeignKeyChecks(connection);
        }

        @Override
        public boolean transactionalDdl() {
            return database.transactionalDdl();
        }

        @Override
        public void enableForeignKeyChecks(Connection connection) throws SQLException {
            database.enableForeignKeyChecks(connection);
        }

        @Override
        public FluentConfiguration tune(
                FluentConfiguration configuration) {
            return database.tune(configuration);
        }

        @Override
        public List<String> notes() {
            List<String> all = new ArrayList<>(database.notes());
            all.add(note);
            return all;
        }

        @Override
        public Optional<ServerTemplates> templates() {
            return database.templates();
        }

        @Override
        public AdaptedScript adapt(String script) {
            return database.adapt(script);
        }

        @Override
        public List<String> baselineFacts(Batch batch) {
            return database.baselineFacts(batch);
        }

        @Override
        public DatabaseError explainInitialFailure(String sql, DatabaseError error) {
            return database.explainInitialFailure(sql, error);
        }

        @Override
        public void close() {
            database.close();
        }
    }
}
