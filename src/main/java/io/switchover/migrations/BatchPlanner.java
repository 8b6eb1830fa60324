package io.switchover.migrations;

import io.switchover.SwitchoverException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the batch the way Flyway's migrate would see it against production's history: a versioned migration
 * production has not applied, or a repeatable migration it lacks or whose checksum changed. The candidate's order is
 * Flyway's own (versions, then repeatables by description). Also finds what Flyway would trip over: applied
 * migrations edited or removed since, pending ones older than production's newest, failed rows.
 */
public final class BatchPlanner {

    /** Production given as a snapshot: everything in it is applied. */
    public Batch plan(MigrationSet production, MigrationSet candidate) {
        return plan(ProductionHistory.fromSnapshot(production, production.snapshot().name()), Optional.of(production),
                candidate);
    }

    /**
     * @param history            what production applied
     * @param productionSnapshot the production snapshot's migrations, whose text is what ran; empty when only the
     *                           history is known (the candidate's text is used then)
     */
    public Batch plan(ProductionHistory history, Optional<MigrationSet> productionSnapshot, MigrationSet candidate) {
        Map<String, AppliedMigration> applied = history.applied();
        MigrationVersion newest = applied.values().stream().filter(a -> !a.isRepeatable())
                .map(a -> versionOf(a, history)).max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
        List<Migration> pending = new ArrayList<>();
        List<HistoryProblem> problems = new ArrayList<>();
        for (Migration migration : candidate.migrations()) {
            AppliedMigration row = applied.get(migration.identity());
            boolean changed = row != null && history.checksumsKnown() && row.checksum() != null
                    && !row.checksum().equals(migration.checksum());
            boolean renamed = row != null && !migration.isRepeatable() && row.description() != null
                    && !row.description().equals(migration.description());
            if (migration.isRepeatable()) {
                if (row == null || changed) {
                    pending.add(migration);
                }
            } else if (row == null) {
                pending.add(migration);
                if (MigrationVersion.fromVersion(migration.version()).compareTo(newest) < 0) {
                    problems.add(new HistoryProblem(HistoryProblem.Kind.OUT_OF_ORDER, null, migration));
                }
            } else if (changed || renamed) {
                problems.add(new HistoryProblem(HistoryProblem.Kind.EDITED_AFTER_APPLY, row, migration));
            }
        }
        for (AppliedMigration row : applied.values()) {
            if (candidate.find(row.identity()).isEmpty()) {
                problems.add(new HistoryProblem(HistoryProblem.Kind.MISSING_FROM_CANDIDATE, row, null));
            }
        }
        for (AppliedMigration row : history.failed()) {
            problems.add(new HistoryProblem(HistoryProblem.Kind.FAILED_IN_HISTORY, row, candidate.find(row.identity())
                    .orElse(null)));
        }
        return new Batch(productionState(history, productionSnapshot, candidate), candidate, List.copyOf(pending),
                List.copyOf(problems));
    }

    /** A row's version; a row Flyway could not have written (version {@code 1.x.y}) is bad input naming it. */
    private static MigrationVersion versionOf(AppliedMigration row, ProductionHistory history) {
        try {
            return MigrationVersion.fromVersion(row.version());
        } catch (FlywayException e) {
            throw SwitchoverException.badInput(history.source() + ": the row of rank " + row.rank() + " ("
                    + row.script() + ") has version '" + row.version() + "', which is not a Flyway version (digits"
                    + " separated by dots or underscores)");
        }
    }

    private static ProductionState productionState(ProductionHistory history, Optional<MigrationSet> productionSnapshot,
                                                   MigrationSet candidate) {
        List<MigrationFile> files = new ArrayList<>();
        List<ProductionState.AppliedJava> java = new ArrayList<>();
        for (AppliedMigration row : history.applied().values()) {
            Optional<MigrationSet> from = productionSnapshot.filter(set -> set.find(row.identity()).isPresent())
                    .or(() -> Optional.of(candidate).filter(set -> set.find(row.identity()).isPresent()));
            if (from.isEmpty()) {
                continue;
            }
            MigrationSet set = from.get();
            Migration migration = set.find(row.identity()).orElseThrow();
            if (migration.isJava()) {
                set.javaClass(migration.script()).ifPresent(c -> java.add(new ProductionState.AppliedJava(set, c,
                        migration)));
            } else {
                files.add(new MigrationFile(set.snapshot(), migration.path(), migration.script()));
            }
        }
        FlywaySettings settings = productionSnapshot.map(MigrationSet::settings).orElse(candidate.settings());
        // Its SQL callbacks ran with every migrate: production's own, or the candidate's where only its history is known.
        MigrationSet callbacksFrom = productionSnapshot.orElse(candidate);
        return new ProductionState(history, files, MigrationFileProvider.callbacks(callbacksFrom.snapshot(),
                callbacksFrom.locations(), callbacksFrom.settings()), java, settings);
    }
}
