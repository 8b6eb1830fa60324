package io.switchover.rules;

import io.switchover.mentions.UncheckedMention;
import io.switchover.migrations.BatchChanges;
import io.switchover.migrations.HistoryProblem;
import io.switchover.migrations.Migration;
import io.switchover.migrations.MigrationScript;
import io.switchover.timeline.Timeline;

import java.util.List;
import java.util.Optional;

/**
 * What the rules read: the timeline, the statements it probed ({@code statements.get(i)} is
 * {@code timeline.statements().get(i)}), what is wrong with production's history, and how the deployment runs.
 *
 * @param outOfOrderAllowed whether the project's Flyway configuration sets {@code outOfOrder}
 * @param changes           the batch's migrations read statement by statement, and what each says it changes
 * @param mentions          places of the running versions that name what the batch changes and that no checked
 *                          statement covers
 * @param coverage          what was found and checked of each running version
 * @param productionNotReplayed production's Java migrations for which the replay ran nothing: production's schema
 *                          (S0) may lack what they made
 */
public record Evidence(Timeline timeline, List<CheckedStatement> statements, List<HistoryProblem> historyProblems,
                       boolean outOfOrderAllowed, DeploymentOrder order, BatchChanges changes,
                       List<UncheckedMention> mentions, List<Coverage> coverage,
                       List<Migration> productionNotReplayed, Optional<String> validationOff) {

    /** Evidence of a deployment whose Flyway validates applied migrations, as it does unless told otherwise. */
    public Evidence(Timeline timeline, List<CheckedStatement> statements, List<HistoryProblem> historyProblems,
                    boolean outOfOrderAllowed, DeploymentOrder order, BatchChanges changes,
                    List<UncheckedMention> mentions, List<Coverage> coverage, List<Migration> productionNotReplayed) {
        this(timeline, statements, historyProblems, outOfOrderAllowed, order, changes, mentions, coverage,
                productionNotReplayed, Optional.empty());
    }

    public Evidence(Timeline timeline, List<CheckedStatement> statements, List<HistoryProblem> historyProblems,
                    boolean outOfOrderAllowed, DeploymentOrder order, List<MigrationScript> scripts) {
        this(timeline, statements, historyProblems, outOfOrderAllowed, order, BatchChanges.of(scripts), List.of(),
                List.of(), List.of());
    }

    /** Where in the batch's migrations each DDL change was made. */
    BatchDdl ddl() {
        return new BatchDdl(changes);
    }

    /** The batch's migrations read statement by statement, in batch order. */
    public List<MigrationScript> scripts() {
        return changes.scripts();
    }

    /**
     * The Java migrations, of production or of the batch before the given state, for which the replay ran nothing:
     * what fails there for want of a table, column or function they may have made is not known to break.
     */
    public List<Migration> notReplayedBefore(int step) {
        List<Migration> missing = new java.util.ArrayList<>(productionNotReplayed);
        List<Migration> batch = timeline.batch();
        for (int i = 0; i < Math.min(step, batch.size()); i++) {
            if (batch.get(i).notReplayed()) {
                missing.add(batch.get(i));
            }
        }
        return List.copyOf(missing);
    }

    /** Whether every batch migration applied, so that the last state is the schema the candidate will live with. */
    public boolean replayCompleted() {
        return timeline.failure().isEmpty() && timeline.states().size() == timeline.batch().size() + 1;
    }
}
