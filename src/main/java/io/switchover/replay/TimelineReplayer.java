package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchChanges;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.LockObservations;
import io.switchover.timeline.MigrationFailure;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.Timeline;
import io.switchover.timeline.UniqueKeys;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final ParameterSynthesizer synthesizer = new ParameterSynthesizer();
    private final Prober prober = new Prober();

    private final BaselineCache cache;
    private final ProductionState productionState;
    private final InitialProbe initialProbe;

    public TimelineReplayer(ReplayEngine engine) {
        this(engine, BaselineCache.none());
    }

    /** A replayer that takes production's schema (S0) from {@code cache} where it holds it, and stores it there. */
    public TimelineReplayer(ReplayEngine engine, BaselineCache cache) {
        this.engine = engine;
        this.cache = cache;
        this.productionState = new ProductionState(cache);
        this.initialProbe = new InitialProbe(cache, synthesizer, prober);
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
                states.add(initialProbe.probe(db, connection, batch, changes, statements, values, catalog));
            } catch (SQLException e) {
                throw new ReplayException("cannot probe production's schema on " + db.description() + ": "
                        + DatabaseErrors.of(e), e);
            }
            StepRecorder steps = new StepRecorder(db, batch, changes, statements, values, states, catalogReader,
                    synthesizer, prober);
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
}
