package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchChanges;
import io.switchover.migrations.FlywayMessages;
import io.switchover.migrations.Migration;
import io.switchover.migrations.MigrationEffects;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.MigrationFailure;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaState;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Flyway callback that takes one state after each batch migration, on the migration's own connection (so that it
 * sees the migration's effects even where DDL is transactional): the schema's catalog, refreshed where the migration
 * changed it, and the outcomes of the statements the step can reach (see {@link StepScope}). It remembers which
 * migration failed.
 */
final class StepRecorder implements Callback {
    private final ReplayDatabase db;
    private final Batch batch;
    private final BatchChanges changes;
    private final List<ProbeStatement> statements;
    private final List<List<Object>> values;
    private final List<SchemaState> states;
    private final SchemaCatalogReader catalogReader;
    private final ParameterSynthesizer synthesizer;
    private final Prober prober;
    private Migration failed;

    /**
     * A recorder that appends to {@code states} (which holds S0) and makes up {@code values} again where a statement
     * did not run at the state before.
     */
    StepRecorder(ReplayDatabase db, Batch batch, BatchChanges changes, List<ProbeStatement> statements,
                 List<List<Object>> values, List<SchemaState> states, SchemaCatalogReader catalogReader,
                 ParameterSynthesizer synthesizer, Prober prober) {
        this.db = db;
        this.batch = batch;
        this.changes = changes;
        this.statements = statements;
        this.values = values;
        this.states = states;
        this.catalogReader = catalogReader;
        this.synthesizer = synthesizer;
        this.prober = prober;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    /** Records the state after a migration, or remembers the migration that failed. */
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
                    : effects.objects()
                    ? catalogReader.refreshWithObjects(connection, previous.catalog(), effects.tables())
                    : catalogReader.refresh(connection, previous.catalog(), effects.tables());
            CatalogDiff diff = CatalogDiff.between(previous.catalog(), catalog);
            List<ProbeOutcome> outcomes = probe(connection, previous.outcomes(), new StepScope(effects, diff, catalog),
                    states.get(0).catalog(), catalog);
            states.add(new SchemaState(states.size(), migration, catalog, diff, outcomes));
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new ReplayException("cannot probe after " + migration.script() + " on " + db.description()
                    + ": " + DatabaseErrors.of(e), e);
        }
    }

    /**
     * Probes the statements a step can reach (see {@link StepScope}); the others keep the outcome they had at the
     * previous state.
     */
    private List<ProbeOutcome> probe(Connection connection, List<ProbeOutcome> previous, StepScope scope,
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

    private Migration find(MigrationInfo info) {
        String version = info.getVersion() == null ? null : info.getVersion().getVersion();
        for (Migration migration : batch.migrations()) {
            if (migration.script().equals(info.getScript()) && Objects.equals(migration.version(), version)) {
                return migration;
            }
        }
        return new Migration(version, info.getDescription(), info.getScript(), info.getChecksum(), info.getScript());
    }

    /** The batch's failure that Flyway threw as {@code e}: the migration that failed, and the database's message. */
    MigrationFailure failure(FlywayException e) {
        Migration migration = failed != null ? failed
                : batch.migrations().get(Math.min(states.size() - 1, batch.size() - 1));
        SQLException cause = ReplayFlyway.rootSqlException(e);
        String message = cause != null ? DatabaseErrors.of(cause).message() : FlywayMessages.firstLine(e);
        return new MigrationFailure(states.size(), migration, message, cause == null ? null : cause.getSQLState());
    }

    @Override
    public String getCallbackName() {
        return "switchover-step";
    }
}
