package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchChanges;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaState;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Probes the statements at production's state (S0): those the batch may affect (or that are baselines) run, in
 * {@link ProbeLanes} when there are many, their outcomes taken from and stored in the baseline cache's
 * {@link S0Probes}; the others are unaffected by the batch. A failure at S0 is explained by the database.
 */
final class InitialProbe {

    private final BaselineCache cache;
    private final ParameterSynthesizer synthesizer;
    private final Prober prober;

    InitialProbe(BaselineCache cache, ParameterSynthesizer synthesizer, Prober prober) {
        this.cache = cache;
        this.synthesizer = synthesizer;
        this.prober = prober;
    }

    /**
     * State 0, with each statement's outcome on {@code catalog}; {@code values} gets one entry per statement, the
     * values made up for it ({@code null} where the batch does not reach it). Statements {@code watched} does not
     * accept are left out as if the batch did not reach them.
     */
    SchemaState probe(ReplayDatabase db, Connection connection, Batch batch, BatchChanges changes,
                      List<ProbeStatement> statements, List<List<Object>> values, SchemaCatalog catalog,
                      IntPredicate watched) throws SQLException {
        BatchReach reach = BatchReach.of(changes);
        List<Integer> affected = new ArrayList<>();
        ProbeOutcome[] initial = new ProbeOutcome[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            ProbeStatement statement = statements.get(i);
            values.add(null);
            if (watched.test(i) && (statement.baseline() || reach.reaches(statement))) {
                affected.add(i);
            } else {
                initial[i] = ProbeOutcome.unaffectedByBatch();
            }
        }
        S0Probes known = cache.probes(db, batch);
        ProbeLanes.run(db, connection, affected, synthesizer, prober, (own, indices, laneSynthesizer, laneProber) ->
                probe(db, own, statements, values, indices, catalog, initial, known, laneSynthesizer, laneProber));
        cache.probed(db, known);
        List<ProbeOutcome> outcomes = new ArrayList<>(List.of(initial));
        for (int i = 0; i < outcomes.size(); i++) {
            if (!outcomes.get(i).passed()) {
                outcomes.set(i, ProbeOutcome.failed(db.explainInitialFailure(statements.get(i).jdbcSql(),
                        outcomes.get(i).error())));
            }
        }
        return new SchemaState(0, null, catalog, CatalogDiff.none(), List.copyOf(outcomes));
    }

    /** Probes the statements at {@code indices} on one connection, taking what {@code known} holds from it. */
    private static void probe(ReplayDatabase db, Connection connection, List<ProbeStatement> statements,
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
}
