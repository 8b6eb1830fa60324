package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.migrations.Batch;
import io.switchover.migrations.FlywayMessages;
import io.switchover.migrations.Migration;
import io.switchover.snapshot.Snapshot;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays the switch-over on a throwaway database: production's migrations (S0), then the batch in one Flyway migrate
 * whose after-each-migrate callback catalogs the schema and probes every statement on the migration's own connection
 * (so that it sees the migration's effects even where DDL is transactional).
 */
public final class TimelineReplayer {
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final ReplayEngine engine;
    private final SchemaCatalogReader catalogReader = new SchemaCatalogReader(HISTORY_TABLE);
    private final ParameterSynthesizer synthesizer = new ParameterSynthesizer();
    private final Prober prober = new Prober();

    public TimelineReplayer(ReplayEngine engine) {
        this.engine = engine;
    }

    public Timeline replay(Batch batch, Snapshot production, Snapshot candidate, List<ProbeStatement> statements) {
        long started = System.nanoTime();
        try (ReplayDatabase db = engine.create()) {
            migrateProduction(db, batch, production);
            List<SchemaState> states = new ArrayList<>();
            List<List<Object>> values = new ArrayList<>();
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                SchemaCatalog catalog = catalogReader.read(connection);
                for (ProbeStatement statement : statements) {
                    values.add(synthesizer.valuesFor(statement, catalog, connection));
                }
                states.add(new SchemaState(0, null, catalog, CatalogDiff.none(), probeAll(db, connection, statements, values)));
                connection.rollback();
            } catch (SQLException e) {
                throw new ReplayException("cannot probe production's schema on " + db.description() + ": "
                        + DatabaseError.of(e), e);
            }
            StepCallback steps = new StepCallback(db, batch, statements, values, states);
            Optional<MigrationFailure> failure = Optional.empty();
            if (!batch.isEmpty()) {
                try {
                    batch.candidate().flyway()
                            .dataSource(db.url(), db.user(), db.password())
                            .validateOnMigrate(false)
                            .outOfOrder(true)
                            .callbacks(steps)
                            .load()
                            .migrate();
                } catch (FlywayException e) {
                    failure = Optional.of(steps.failure(e));
                }
            }
            return new Timeline(db.description(), batch.migrations(), statements, List.copyOf(states), failure,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static void migrateProduction(ReplayDatabase db, Batch batch, Snapshot production) {
        try {
            batch.production().flyway()
                    .dataSource(db.url(), db.user(), db.password())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            SQLException cause = rootSqlException(e);
            throw new SwitchoverException(ExitCode.BAD_INPUT, "production's migrations do not replay on "
                    + db.description() + ": " + FlywayMessages.firstLine(e)
                    + (cause == null ? "" : ": " + DatabaseError.of(cause)), e);
        }
    }

    private List<ProbeOutcome> probeAll(ReplayDatabase db, Connection connection, List<ProbeStatement> statements,
                                        List<List<Object>> values) throws SQLException {
        db.disableForeignKeyChecks(connection);
        try {
            List<ProbeOutcome> outcomes = new ArrayList<>(statements.size());
            for (int i = 0; i < statements.size(); i++) {
                outcomes.add(prober.probe(connection, statements.get(i).jdbcSql(), values.get(i)));
            }
            return List.copyOf(outcomes);
        } finally {
            db.enableForeignKeyChecks(connection);
        }
    }

    /** Takes one state after each batch migration, and remembers which migration failed. */
    private final class StepCallback implements Callback {
        private final ReplayDatabase db;
        private final Batch batch;
        private final List<ProbeStatement> statements;
        private final List<List<Object>> values;
        private final List<SchemaState> states;
        private Migration failed;

        StepCallback(ReplayDatabase db, Batch batch, List<ProbeStatement> statements, List<List<Object>> values,
                     List<SchemaState> states) {
            this.db = db;
            this.batch = batch;
            this.statements = statements;
            this.values = values;
            this.states = states;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Migration migration = find(context.getMigrationInfo());
            if (event == Event.AFTER_EACH_MIGRATE_ERROR) {
                failed = migration;
                return;
            }
            Connection connection = context.getConnection();
            try {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                SchemaCatalog catalog = catalogReader.read(connection);
                SchemaState previous = states.get(states.size() - 1);
                states.add(new SchemaState(states.size(), migration, catalog,
                        CatalogDiff.between(previous.catalog(), catalog), probeAll(db, connection, statements, values)));
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                throw new ReplayException("cannot probe after " + migration.script() + " on " + db.description()
                        + ": " + DatabaseError.of(e), e);
            }
        }

        private Migration find(MigrationInfo info) {
            String version = info.getVersion() == null ? null : info.getVersion().getVersion();
            for (Migration migration : batch.migrations()) {
                if (migration.script().equals(info.getScript()) && java.util.Objects.equals(migration.version(), version)) {
                    return migration;
                }
            }
            return new Migration(version, info.getDescription(), info.getScript(), info.getChecksum(), info.getScript());
        }

        MigrationFailure failure(FlywayException e) {
            Migration migration = failed != null ? failed : batch.migrations().get(Math.min(states.size() - 1, batch.size() - 1));
            SQLException cause = rootSqlException(e);
            String message = cause != null ? DatabaseError.of(cause).message() : FlywayMessages.firstLine(e);
            return new MigrationFailure(states.size(), migration, message, cause == null ? null : cause.getSQLState());
        }

        @Override
        public String getCallbackName() {
            return "switchover-step";
        }
    }

    private static SQLException rootSqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
