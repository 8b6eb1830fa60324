package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchChanges;
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
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Replays the switch-over on a throwaway database: production's migrations (S0, see {@link ProductionState}), then
 * the batch in one Flyway migrate whose after-each-migrate callback ({@link StepRecorder}) catalogs the schema and
 * probes the statements on the migration's own connection (so that it sees the migration's effects even where DDL is
 * transactional). After a step, only the statements that touch what the step changed are probed again; the others
 * keep their outcome.
 *
 * <p>When the engine has a fallback ({@code auto}) and a migration fails, the whole replay runs again on the fallback,
 * since the engine itself may be what failed it; the timeline says so in a note (see {@link EngineFallback}).
 */
public final class TimelineReplayer {

    private final ParameterSynthesizer synthesizer = new ParameterSynthesizer();
    private final Prober prober = new Prober();
    private final EngineFallback fallback;
    private final ProductionState productionState;
    private final InitialProbe initialProbe;
    private final IntPredicate watched;

    /** A replayer on {@code engine} that makes production's state (S0) anew each time. */
    public TimelineReplayer(ReplayEngine engine) {
        this(engine, BaselineCache.none());
    }

    /** A replayer that takes production's schema (S0) from {@code cache} where it holds it, and stores it there. */
    public TimelineReplayer(ReplayEngine engine, BaselineCache cache) {
        this(engine, cache, statement -> true);
    }

    private TimelineReplayer(ReplayEngine engine, BaselineCache cache, IntPredicate watched) {
        this.fallback = new EngineFallback(engine);
        this.productionState = new ProductionState(cache);
        this.initialProbe = new InitialProbe(cache, synthesizer, prober);
        this.watched = watched;
    }

    /**
     * A replayer that probes only the statements at the indices {@code watched} accepts, for a replay that asks about
     * those alone (whether the old service survives a batch without some of its migrations): the others are never
     * run, and their outcomes read as unaffected by the batch, which a timeline for the report must not say.
     */
    public static TimelineReplayer watching(ReplayEngine engine, BaselineCache cache, IntPredicate watched) {
        return new TimelineReplayer(engine, cache, watched);
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
        return fallback.replay((on, onGroupFailure) -> replayOn(on, batch, changes, statements, started,
                onGroupFailure));
    }

    /**
     * Steps through the batch as one Flyway group: without, Flyway reads its whole history again before each
     * migration. The callback still sees each migration on its own. A group can fail where the batch deployed one
     * migration at a time would not (on PostgreSQL: a new enum value used by a later migration, a statement that
     * cannot run in a transaction), so there a failed group is replayed again one by one, unless
     * {@code onGroupFailure} says its failure stands.
     */
    private ReplayOutcome replayOn(ReplayEngine on, Batch batch, BatchChanges changes,
                                   Supplier<List<ProbeStatement>> probes, long started,
                                   OnGroupFailure onGroupFailure) {
        Attempt grouped = attempt(on, batch, changes, probes, started, BatchAs.ONE_GROUP);
        if (!(grouped.outcome() instanceof ReplayOutcome.Replayed replayed) || replayed.timeline().failure().isEmpty()
                || onGroupFailure == OnGroupFailure.STANDS || !grouped.transactionalDdl()) {
            return grouped.outcome();
        }
        return attempt(on, batch, changes, probes, started, BatchAs.ONE_BY_ONE).outcome();
    }

    /** A replay, and whether its database could fail a group where single migrations would not. */
    private record Attempt(ReplayOutcome outcome, boolean transactionalDdl) {
    }

    /**
     * What the replay saw at production's state: state 0, production's unique keys, the notes on drift, and the
     * statements as they are probed from there on (the columns of jOOQ's generated classes written out).
     */
    private record AtS0(SchemaState state, UniqueKeys keys, List<String> drift, List<ProbeStatement> statements) {
    }

    /**
     * One replay on a fresh database at production's state, the batch applied as {@code batchAs} says; where
     * production's migrations do not run on {@code on}, that failure.
     */
    private Attempt attempt(ReplayEngine on, Batch batch, BatchChanges changes,
                            Supplier<List<ProbeStatement>> probes, long started, BatchAs batchAs) {
        Map<String, Set<String>> adapted = new LinkedHashMap<>();
        List<String> baselineNotes = new ArrayList<>();
        ProductionRun production = productionState.on(on, batch, adapted, baselineNotes);
        if (production instanceof ProductionRun.Failed failed) {
            return new Attempt(ReplayOutcome.ProductionFailed.of(failed.failure()), false);
        }
        try (ReplayDatabase db = ((ProductionRun.Ready) production).db()) {
            // The project may name its history table otherwise; it is Flyway's, not a table the service sees.
            SchemaCatalogReader catalogReader = new SchemaCatalogReader(batch.candidate().settings().table());
            List<SchemaState> states = new ArrayList<>();
            List<List<Object>> values = new ArrayList<>();
            AtS0 s0 = atS0(on, db, batch, changes, catalogReader, probes.get(), values, batchAs);
            List<ProbeStatement> statements = s0.statements();
            states.add(s0.state());
            StepRecorder steps = new StepRecorder(db, batch, changes, statements, values, states, catalogReader,
                    synthesizer, prober);
            Optional<LockObserver> observer = LockObserver.on(db, batch);
            Optional<MigrationFailure> failure = migrateBatch(db, batch, adapted, steps, observer, batchAs);
            List<String> notes = new ArrayList<>(notes(db, baselineNotes, s0.drift(), adapted));
            List<String> callbacks = batch.production().schema().isEmpty() ? batch.production().callbacks() : List.of();
            if (!callbacks.isEmpty()) {
                notes.add("production's SQL callbacks ran with its migrations, as Flyway runs them: "
                        + String.join(", ", callbacks) + "; the candidate's afterMigrate callbacks run after the"
                        + " batch's last step, whose state was probed before them");
            }
            return new Attempt(new ReplayOutcome.Replayed(new Timeline(db.description(), db.kind(),
                    batch.migrations(), statements, List.copyOf(states), failure,
                    Duration.ofNanos(System.nanoTime() - started), notes,
                    observer.map(LockObserver::observations).orElse(LockObservations.NONE), s0.keys())),
                    db.transactionalDdl());
        }
    }

    /**
     * Catalogs production's state on {@code db}, reads its unique keys, compares it with production's replayed
     * migrations where it was loaded from production's schema (once, in the grouped attempt), and probes the
     * statements there; {@code values} gets the values made up for each statement.
     */
    private AtS0 atS0(ReplayEngine on, ReplayDatabase db, Batch batch, BatchChanges changes,
                      SchemaCatalogReader catalogReader, List<ProbeStatement> statements, List<List<Object>> values,
                      BatchAs batchAs) {
        List<String> drift = new ArrayList<>();
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(true);
            SchemaCatalog catalog = catalogReader.read(connection);
            UniqueKeys keys = UniqueKeysReader.read(connection, batch, catalog);
            if (batch.production().schema().isPresent() && batchAs == BatchAs.ONE_GROUP) {
                drift.addAll(DriftNotes.of(on, batch, catalogReader, catalog));
            }
            List<ProbeStatement> listed = GeneratedColumns.listed(statements, catalog);
            SchemaState state = initialProbe.probe(db, connection, batch, changes, listed, values, catalog,
                    watched);
            return new AtS0(state, keys, drift, listed);
        } catch (SQLException e) {
            throw new ReplayException("cannot probe production's schema on " + db.description() + ": "
                    + DatabaseErrors.of(e), e);
        }
    }

    /** Applies the batch to {@code db} with {@code steps} (and the lock observer) watching; its failure, if any. */
    private static Optional<MigrationFailure> migrateBatch(ReplayDatabase db, Batch batch,
                                                           Map<String, Set<String>> adapted, StepRecorder steps,
                                                           Optional<LockObserver> observer, BatchAs batchAs) {
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        try {
            ReplayFlyway.configure(db, batch.candidate().flyway(), adapted)
                    .validateOnMigrate(false)
                    .outOfOrder(true)
                    .group(batchAs.grouped())
                    .callbacks(observer.isPresent() ? new Callback[] {steps, observer.get()}
                            : new Callback[] {steps})
                    .load()
                    .migrate();
            return Optional.empty();
        } catch (FlywayException e) {
            ReplayFlyway.rethrowBadInput(e);
            MigrationFailure failure = steps.failure(e);
            Optional<String> notInstalled = ProductionExtensions.notInstalled(failure.message());
            if (notInstalled.isPresent()) {
                // Not the migration's fault: production may well have the extension. The replay cannot judge.
                throw new SwitchoverException(ExitCode.INFRASTRUCTURE, failure.migration().script() + " cannot be"
                        + " replayed on " + db.description() + ": it creates the extension " + notInstalled.get()
                        + ", " + ProductionExtensions.notInstalledOn(db), e);
            }
            return Optional.of(failure);
        }
    }

    /** The timeline's notes: the database's, the baseline cache's, the drift's, then each script's rewrites. */
    private static List<String> notes(ReplayDatabase db, List<String> baselineNotes, List<String> drift,
                                      Map<String, Set<String>> adapted) {
        List<String> notes = new ArrayList<>(db.notes());
        notes.addAll(baselineNotes);
        notes.addAll(drift);
        adapted.forEach((script, rewrites) -> notes.add("on " + db.description() + ", " + script + ": "
                + String.join("; ", rewrites) + " (no effect the old service can see)"));
        return List.copyOf(notes);
    }
}
