package io.switchover.rules;

import io.switchover.mentions.UncheckedMention;
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
 * @param mentions          places of the running versions that name what the batch changes and that no checked
 *                          statement covers
 * @param coverage          what was found and checked of each running version
 */
public record Evidence(Timeline timeline, List<CheckedStatement> statements, List<HistoryProblem> historyProblems,
                       boolean outOfOrderAllowed, DeploymentOrder order, List<MigrationScript> scripts,
                       List<UncheckedMention> mentions, List<Coverage> coverage) {

    public Evidence(Timeline timeline, List<CheckedStatement> statements, List<HistoryProblem> historyProblems,
                    boolean outOfOrderAllowed, DeploymentOrder order, List<MigrationScript> scripts) {
        this(timeline, statements, historyProblems, outOfOrderAllowed, order, scripts, List.of(), List.of());
    }

    /** Evidence of a replay alone: no history problems, the usual deployment order, no scripts read. */
    public static Evidence of(Timeline timeline, List<CheckedStatement> statements) {
        return new Evidence(timeline, statements, List.of(), false, DeploymentOrder.MIGRATE_FIRST, List.of());
    }

    /** Whether every batch migration applied, so that the last state is the schema the candidate will live with. */
    public boolean replayCompleted() {
        return timeline.failure().isEmpty() && timeline.states().size() == timeline.batch().size() + 1;
    }
}
