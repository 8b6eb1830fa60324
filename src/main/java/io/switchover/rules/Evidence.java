package io.switchover.rules;

import io.switchover.migrations.HistoryProblem;
import io.switchover.migrations.MigrationScript;
import io.switchover.replay.Timeline;

import java.util.List;

/**
 * What the rules read: the timeline, the statements it probed ({@code statements.get(i)} is
 * {@code timeline.statements().get(i)}), what is wrong with production's history, and how the deployment runs.
 *
 * @param outOfOrderAllowed whether the project's Flyway configuration sets {@code outOfOrder}
 * @param scripts           the batch's migrations read statement by statement, in batch order
 */
public record Evidence(Timeline timeline, List<CheckedStatement> statements, List<HistoryProblem> historyProblems,
                       boolean outOfOrderAllowed, DeploymentOrder order, List<MigrationScript> scripts) {

    /** Evidence of a replay alone: no history problems, the usual deployment order, no scripts read. */
    public static Evidence of(Timeline timeline, List<CheckedStatement> statements) {
        return new Evidence(timeline, statements, List.of(), false, DeploymentOrder.MIGRATE_FIRST, List.of());
    }

    /** Whether every batch migration applied, so that the last state is the schema the candidate will live with. */
    public boolean replayCompleted() {
        return timeline.failure().isEmpty() && timeline.states().size() == timeline.batch().size() + 1;
    }
}
