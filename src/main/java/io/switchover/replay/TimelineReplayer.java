package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchChanges;
import io.switchover.migrations.FlywayMessages;
import io.switchover.migrations.Migration;
import io.switchover.migrations.MigrationEffects;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.LockObservations;
import io.switchover.timeline.MigrationFailure;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.Timeline;
import io.switchover.timeline.UniqueKeys;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Replays the switch-over on a throwaway database: production's migrations (S0), then the batch in one Flyway migrate
 * whose after-each-migrate callback catalogs the schema and probes the statements on the migration's own connection
 * (so that it sees the migration's effects even where DDL is transactional). After a step, only the statements that
 * touch what the step changed are probed again; the others keep their outcome.
 *
 * <p>When the engine has a fallback ({@code auto}) and a migration fails, the whole replay runs again on the fallback,
 * since the engine itself may be what failed it; the timeline says so in a note.
 */
public final class TimelineReplayer {

    private final ReplayEngine engine;
    /** Connections that probe S0 at once, and the number of statements from which that pays. */
    private static final int LANES = 3;
    private static final int PARALLEL_FROM = 200;
    private final ParameterSynthesizer synthesizer = new ParameterSynthesizer();
    private final Prober prober = new Prober();

    private final BaselineCache cache;
    private final ProductionState productionState;

    public TimelineReplayer(ReplayEngine engine) {
        this(engine, BaselineCache.none());
    }

    /** A replayer that takes production's schema (S0) from {@code cache} where it holds it, and stores it there. */
    public TimelineReplayer(ReplayEngine engine, BaselineCache cache) {
        this.engine = engine;
        this.cache = cache;
        this.productionState = new ProductionState(cache);
    }

    /** The replay of a batch whose migrations have not been read yet: reads them. */
    public Timeline replay(Batch batch, List<ProbeStatement> statements) {
        return replay(batch, BatchChanges.read(batch), () -> statements);
    }

    /** The replay of a batch, with what its migrations change ({@code changes}, read once per check). */
    public Timeline replay(Batch batch, BatchChanges changes, List<ProbeStatement> statements) {
        return replay(batch, changes, () -> statements);
    }

    /**
     * As {@link #replay(Batch, BatchChanges, List)}, asking for the statements only once production's migrations
     * have run, so that the caller can extract them meanwhile.
     */
    public Timeline replay(Batch batch, BatchChanges changes, Supplier<List<ProbeStatement>> statements) {
        long started = System.nanoTime();
        Optional<ReplayEngine> fallback = engine.fallback();
        Timeline first;
        try {
            // Where another engine follows, it has the last word on a failure; one by one here would only delay it.
            first = replayOn(engine, batch, changes, statements, started, fallback.isEmpty());
        } catch (ProductionDoesNotReplay e) {
            if (fallback.isEmpty()) {
                throw e.error();
            }
            return switchTo(fallback.get(), "production's " + e.script() + " does not run on " + e.engine() + ": "
                    + e.reason(), batch, changes, statements, started);
        }
        if (first.failure().isPresent() && fallback.isPresent()) {
            MigrationFailure failure = first.failure().get();
            return switchTo(fallback.get(), failure.migration().script() + " does not run on " + first.engine() + ": "
                    + failure.message(), batch, changes, statements, started);
        }
        Optional<String> unsupported = unsupportedAlong(first);
        if (unsupported.isPresent() && fallback.isPresent()) {
            return switchTo(fallback.get(), first.engine() + " cannot run " + unsupported.get() + " where production's"
                    + " database can", batch, changes, statements, started);
        }
        return first;
    }

    /**
     * A statement that ran at S0 and that the engine refuses at a later state as a feature it lacks (H2 writing through
     * a view the batch put in a table's place): the engine, not the batch, stopped it there.
     */
    private static Optional<String> unsupportedAlong(Timeline timeline) {
        List<SchemaState> states = timeline.states();
        for (int i = 0; i < timeline.statements().size(); i++) {
            if (!states.get(0).outcomes().get(i).passed()) {
                continue;
            }
            for (SchemaState state : states.subList(1, states.size())) {
                DatabaseError error = state.outcomes().get(i).error();
                if (error != null && error.kind() == FailureKind.UNSUPPORTED) {
                    String sql = timeline.statements().get(i).jdbcSql().strip().replaceAll("\\s+", " ");
                    return Optional.of((sql.length() > 80 ? sql.substring(0, 77) + "..." : sql) + " (" + error + ")");
                }
            }
        }
        return Optional.empty();
    }

    private Timeline switchTo(ReplayEngine real, String why, Batch batch, BatchChanges changes,
                              Supplier<List<ProbeStatement>> statements, long started) {
        Timeline timeline;
        try {
            timeline = replayOn(real, batch, changes, statements, started, true);
        } catch (ProductionDoesNotReplay e) {
            throw e.error();
        }
        List<String> notes = new ArrayList<>();
        notes.add("replayed on " + timeline.engine() + " because " + why);
        notes.addAll(timeline.notes());
        return new Timeline(timeline.engine(), timeline.engineKind(), timeline.batch(), timeline.statements(), timeline.states(),
                timeline.failure(), timeline.elapsed(), List.copyOf(notes), timeline.observations(),
                timeline.productionKeys());
    }

    /**
     * Steps through the batch as one Flyway group: without, Flyway reads its whole history again before each
     * migration. The callback still sees each migration on its own. A group can fail where the batch deployed one
     * migration at a time would not (on PostgreSQL: a new enum value used by a later migration, a statement that
     * cannot run in a transaction), so there a failed group is replayed again one by one, unless
     * {@code oneByOneOnFailure} is off; then its failure stands.
     */
    private Timeline replayOn(ReplayEngine on, Batch batch, BatchChanges changes,
                              Supplier<List<ProbeStatement>> probes, long started,
                              boolean oneByOneOnFailure) {
        Attempt grouped = replayOn(on, batch, changes, probes, started, BatchAs.ONE_GROUP);
        if (grouped.timeline().failure().isEmpty() || !oneByOneOnFailure || !grouped.transactionalDdl()) {
            return grouped.timeline();
        }
        return replayOn(on, batch, changes, probes, started, BatchAs.ONE_BY_ONE).timeline();
    }

    /** A replay, and whether its database could fail a group where single migrations would not. */
    private record Attempt(Timeline timeline, boolean transactionalDdl) {
    }

    private Attempt replayOn(ReplayEngine on, Batch batch, BatchChanges changes,
                             Supplier<List<ProbeStatement>> probes, long started, BatchAs batchAs) {
        Map<String, Set<String>> adapted = new LinkedHashMap<>();
        List<String> baselineNotes = new ArrayList<>();
        try (ReplayDatabase db = productionState.on(on, batch, adapted, baselineNotes)) {
            // The project may name its history table otherwise; it is Flyway's, not a table the service sees.
            SchemaCatalogReader catalogReader = new SchemaCatalogReader(batch.candidate().settings().table());
            List<ProbeStatement> statements = probes.get();
            List<SchemaState> states = new ArrayList<>();
            List<List<Object>> values = new ArrayList<>();
            List<String> drift = new ArrayList<>();
            UniqueKeys[] keys = {UniqueKeys.NONE};
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(true);
                SchemaCatalog catalog = catalogReader.read(connection);
                keys[0] = UniqueKeysReader.read(connection, batch, catalog);
                if (batch.production().schema().isPresent() && batchAs == BatchAs.ONE_GROUP) {
                    drift.addAll(DriftNotes.of(on, batch, catalogReader, catalog));
                }
                BatchReach reach = BatchReach.of(changes);
                List<Integer> affected = new ArrayList<>();
                ProbeOutcome[] initial = new ProbeOutcome[statements.size()];
                for (int i = 0; i < statements.size(); i++) {
                    ProbeStatement statement = statements.get(i);
                    values.add(null);
                    if (statement.baseline() || reach.reaches(statement)) {
                        affected.add(i);
                    } else {
                        initial[i] = ProbeOutcome.unaffectedByBatch();
                    }
                }
                S0Probes known = cache.probes(db, batch);
                probeInitially(db, connection, statements, values, affected, catalog, initial, known);
                cache.probed(db, known);
                List<ProbeOutcome> outcomes = new ArrayList<>(List.of(initial));
                for (int i = 0; i < outcomes.size(); i++) {
                    if (!outcomes.get(i).passed()) {
                        outcomes.set(i, ProbeOutcome.failed(db.explainInitialFailure(statements.get(i).jdbcSql(),
                                outcomes.get(i).error())));
                    }
                }
                states.add(new SchemaState(0, null, catalog, CatalogDiff.none(), List.copyOf(outcomes)));
            } catch (SQLException e) {
                throw new ReplayException("cannot probe production's schema on " + db.description() + ": "
                        + DatabaseErrors.of(e), e);
            }
            StepCallback steps = new StepCallback(db, batch, changes, statements, values, states, catalogReader);
            Optional<LockObserver> observer = LockObserver.on(db, batch);
            Optional<MigrationFailure> failure = Optional.empty();
            if (!batch.isEmpty()) {
                try {
                    ReplayFlyway.configure(db, batch.candidate().flyway(), adapted)
                            .validateOnMigrate(false)
                            .outOfOrder(true)
                            .group(batchAs.grouped())
                            .callbacks(observer.isPresent() ? new Callback[] {steps, observer.get()}
                                    : new Callback[] {steps})
                            .load()
                            .migrate();
                } catch (FlywayException e) {
                    ReplayFlyway.rethrowBadInput(e);
                    failure = Optional.of(steps.failure(e));
                }
            }
            List<String> notes = new ArrayList<>(db.notes());
            notes.addAll(baselineNotes);
            notes.addAll(drift);
            adapted.forEach((script, rewrites) -> notes.add("on " + db.description() + ", " + script + ": "
                    + String.join("; ", rewrites) + " (no effect the old service can see)"));
            return new Attempt(new Timeline(db.description(), db.kind(), batch.migrations(), statements, List.copyOf(states),
                    failure, Duration.ofNanos(System.nanoTime() - started), List.copyOf(notes),
                    observer.map(LockObserver::observations).orElse(LockObservations.NONE), keys[0]),
                    db.transactionalDdl());
        }
    }

    /**
     * Probes the statements a step can reach (see {@link StepScope}); the others keep the outcome they had at the
     * previous state.
     */
    private List<ProbeOutcome> probe(ReplayDatabase db, Connection connection, List<ProbeStatement> statements,
                                     List<List<Object>> values, List<ProbeOutcome> previous, StepScope scope,
                                     SchemaCatalog production, SchemaCatalog catalog) throws SQLException {
        db.disableForeignKeyChecks(connection);
        try {
            Savepoint guard = connection.setSavepoint();
            List<ProbeOutcome> outcomes = new ArrayList<>(statements.size());
            for (int i = 0; i < statements.size(); i++) {
                ProbeStatement statement = statements.get(i);
                // Outside the batch's reach is outside every step's (and had no values made up at S0).
                if (previous.get(i).unaffected() || !scope.reaches(statement)) {
                    outcomes.add(previous.get(i));
                    continue;
                }
                if (!previous.get(i).passed()) {
                    // Its values were made up where it did not run (a table the candidate's statement needs was not
                    // there yet): made up again from this state's schema. Describing a statement may fail on
                    // PostgreSQL and take the transaction with it, hence the rollback to the guard.
                    values.set(i, synthesizer.valuesFor(statement, catalog, connection));
                    connection.rollback(guard);
                }
                ProbeOutcome outcome = prober.run(connection, statement, values.get(i), guard);
                if (outcome.error() == null) {
                    Optional<DatabaseError> rejected = NullProbe.rejected(connection, statement, values.get(i),
                            production, catalog, guard, prober);
                    if (rejected.isPresent()) {
                        outcome = outcome.rejectingNull(rejected.get());
                    }
                }
                outcomes.add(outcome);
            }
            connection.rollback(guard);
            return List.copyOf(outcomes);
        } finally {
            db.enableForeignKeyChecks(connection);
        }
    }

    /**
     * Probes the statements the batch may affect at S0, on several connections at once when there are many: the
     * schema is committed, nothing changes it meanwhile, and on a server most of a probe's time is the round trip.
     */
    private void probeInitially(ReplayDatabase db, Connection connection, List<ProbeStatement> statements,
                                List<List<Object>> values, List<Integer> affected, SchemaCatalog catalog,
                                ProbeOutcome[] outcomes, S0Probes known) throws SQLException {
        int lanes = affected.size() < PARALLEL_FROM ? 1 : LANES;
        if (lanes == 1) {
            probeInitially(db, connection, statements, values, affected, catalog, outcomes, known, synthesizer,
                    prober);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                List<Integer> share = new ArrayList<>();
                for (int k = lane; k < affected.size(); k += lanes) {
                    share.add(affected.get(k));
                }
                done.add(pool.submit(() -> {
                    try (Connection own = db.connect()) {
                        probeInitially(db, own, statements, values, share, catalog, outcomes, known,
                                new ParameterSynthesizer(), new Prober());
                    }
                    return null;
                }));
            }
            for (Future<Void> lane : done) {
                lane.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while probing production's schema", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ReplayException("probing production's schema failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void probeInitially(ReplayDatabase db, Connection connection, List<ProbeStatement> statements,
                                       List<List<Object>> values, List<Integer> indices, SchemaCatalog catalog,
                                       ProbeOutcome[] outcomes, S0Probes known, ParameterSynthesizer synthesizer,
                                       Prober prober) throws SQLException {
        // Autocommit while asking the driver about parameters: on PostgreSQL a statement that does not describe
        // (its table is missing at S0) would otherwise abort the transaction the probes run in.
        connection.setAutoCommit(true);
        for (int i : indices) {
            values.set(i, synthesizer.valuesFor(statements.get(i), catalog, connection));
        }
        connection.setAutoCommit(false);
        db.disableForeignKeyChecks(connection);
        try {
            Savepoint guard = connection.setSavepoint();
            for (int i : indices) {
                ProbeStatement statement = statements.get(i);
                Optional<String> key = S0Probes.key(statement, values.get(i));
                Optional<ProbeOutcome> before = key.flatMap(known::find);
                if (before.isPresent()) {
                    outcomes[i] = before.get();
                    continue;
                }
                outcomes[i] = prober.run(connection, statement, values.get(i), guard);
                key.ifPresent(k -> known.put(k, outcomes[i]));
            }
            connection.rollback(guard);
        } finally {
            db.enableForeignKeyChecks(connection);
            connection.rollback();
        }
    }

    /** Takes one state after each batch migration, and remembers which migration failed. */
    private final class StepCallback implements Callback {
        private final ReplayDatabase db;
        private final Batch batch;
        private final BatchChanges changes;
        private final List<ProbeStatement> statements;
        private final List<List<Object>> values;
        private final List<SchemaState> states;
        private final SchemaCatalogReader catalogReader;
        private Migration failed;

        StepCallback(ReplayDatabase db, Batch batch, BatchChanges changes, List<ProbeStatement> statements,
                     List<List<Object>> values, List<SchemaState> states, SchemaCatalogReader catalogReader) {
            this.db = db;
            this.batch = batch;
            this.changes = changes;
            this.statements = statements;
            this.values = values;
            this.states = states;
            this.catalogReader = catalogReader;
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
            SchemaState previous = states.get(states.size() - 1);
            MigrationEffects effects = changes.effectsOf(migration);
            try {
                if (effects.none()) {
                    // Data only: the schema the old service sees is the one before, and so are its outcomes.
                    states.add(new SchemaState(states.size(), migration, previous.catalog(), CatalogDiff.none(),
                            previous.outcomes()));
                    return;
                }
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                SchemaCatalog catalog = effects.all() ? catalogReader.read(connection)
                        : effects.objects() ? catalogReader.refreshWithObjects(connection, previous.catalog(), effects.tables())
                        : catalogReader.refresh(connection, previous.catalog(), effects.tables());
                CatalogDiff diff = CatalogDiff.between(previous.catalog(), catalog);
                List<ProbeOutcome> outcomes = probe(db, connection, statements, values, previous.outcomes(),
                        new StepScope(effects, diff, catalog), states.get(0).catalog(), catalog);
                states.add(new SchemaState(states.size(), migration, catalog, diff, outcomes));
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                throw new ReplayException("cannot probe after " + migration.script() + " on " + db.description()
                        + ": " + DatabaseErrors.of(e), e);
            }
        }

        private Migration find(MigrationInfo info) {
            String version = info.getVersion() == null ? null : info.getVersion().getVersion();
            for (Migration migration : batch.migrations()) {
                if (migration.script().equals(info.getScript()) && Objects.equals(migration.version(), version)) {
                    return migration;
                }
            }
            return new Migration(version, info.getDescription(), info.getScript(), info.getChecksum(), info.getScript());
        }

        MigrationFailure failure(FlywayException e) {
            Migration migration = failed != null ? failed : batch.migrations().get(Math.min(states.size() - 1, batch.size() - 1));
            SQLException cause = ReplayFlyway.rootSqlException(e);
            String message = cause != null ? DatabaseErrors.of(cause).message() : FlywayMessages.firstLine(e);
            return new MigrationFailure(states.size(), migration, message, cause == null ? null : cause.getSQLState());
        }

        @Override
        public String getCallbackName() {
            return "switchover-step";
        }
    }
}
