package io.switchover.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Shares the statements to probe among several connections at once when there are many: on a server most of a
 * probe's time is the round trip. Only for a committed schema that nothing changes meanwhile (S0).
 */
final class ProbeLanes {

    /** Connections that probe S0 at once, and the number of statements from which that pays. */
    private static final int LANES = 3;
    private static final int PARALLEL_FROM = 200;

    private ProbeLanes() {
    }

    /** Probes some of the statements, by index, on one connection with its own synthesizer and prober. */
    @FunctionalInterface
    interface Lane {
        void probe(Connection connection, List<Integer> indices, ParameterSynthesizer synthesizer, Prober prober)
                throws SQLException;
    }

    /**
     * Runs {@code lane} over {@code indices}: on {@code connection} with {@code synthesizer} and {@code prober} when
     * they are few, else in three lanes of every third index, each on a connection, synthesizer
     * and prober of its own. A lane's SQL or runtime failure is rethrown as it was.
     */
    static void run(ReplayDatabase db, Connection connection, List<Integer> indices, ParameterSynthesizer synthesizer,
                    Prober prober, Lane lane) throws SQLException {
        int lanes = indices.size() < PARALLEL_FROM ? 1 : LANES;
        if (lanes == 1) {
            lane.probe(connection, indices, synthesizer, prober);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int l = 0; l < lanes; l++) {
                List<Integer> share = new ArrayList<>();
                for (int k = l; k < indices.size(); k += lanes) {
                    share.add(indices.get(k));
                }
                done.add(pool.submit(() -> {
                    try (Connection own = db.connect()) {
                        lane.probe(own, share, new ParameterSynthesizer(), new Prober());
                    }
                    return null;
                }));
            }
            for (Future<Void> each : done) {
                each.get();
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
}
