package io.switchover.replay;

import io.switchover.sql.OneLine;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.MigrationFailure;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which engine the replay's timeline comes from. When the engine has a fallback ({@code auto}) and
 * production's migrations or a batch migration fail on it, or it refuses a statement as a feature it lacks, the whole
 * replay runs again on the fallback, since the engine itself may be what failed it; the timeline says why in a note.
 */
final class EngineFallback {

    /** Replays the switch-over on one engine. */
    @FunctionalInterface
    interface Replay {
        ReplayOutcome on(ReplayEngine engine, OnGroupFailure onGroupFailure);
    }

    private final ReplayEngine engine;

    EngineFallback(ReplayEngine engine) {
        this.engine = engine;
    }

    /**
     * The timeline of {@code replay} on the engine, or on its fallback where the engine may be what failed; throws
     * production's bad input where production's migrations run on neither.
     */
    Timeline replay(Replay replay) {
        Optional<ReplayEngine> fallback = engine.fallback();
        // Where another engine follows, it has the last word on a failure; one by one here would only delay it.
        ReplayOutcome outcome = replay.on(engine, fallback.isEmpty() ? OnGroupFailure.REPLAY_ONE_BY_ONE
                : OnGroupFailure.STANDS);
        if (fallback.isEmpty()) {
            return outcome.timelineOrThrow();
        }
        Optional<String> why = whySwitch(outcome);
        return why.isPresent() ? switchTo(replay, fallback.get(), why.get()) : outcome.timelineOrThrow();
    }

    /** Why {@code outcome} should rather come from the fallback engine; empty where it stands. */
    private static Optional<String> whySwitch(ReplayOutcome outcome) {
        if (outcome instanceof ReplayOutcome.ProductionFailed failed) {
            return Optional.of("production's " + failed.script() + " does not run on " + failed.engine() + ": "
                    + failed.reason());
        }
        Timeline first = outcome.timelineOrThrow();
        if (first.failure().isPresent()) {
            MigrationFailure failure = first.failure().get();
            return Optional.of(failure.migration().script() + " does not run on " + first.engine() + ": "
                    + failure.message());
        }
        return unsupportedAlong(first).map(unsupported -> first.engine() + " cannot run " + unsupported
                + " where production's database can");
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
                    String sql = OneLine.of(timeline.statements().get(i).jdbcSql());
                    return Optional.of((sql.length() > 80 ? sql.substring(0, 77) + "..." : sql) + " (" + error + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** The timeline of {@code replay} on {@code real}, its first note saying why it was replayed there. */
    private static Timeline switchTo(Replay replay, ReplayEngine real, String why) {
        Timeline timeline = replay.on(real, OnGroupFailure.REPLAY_ONE_BY_ONE).timelineOrThrow();
        List<String> notes = new ArrayList<>();
        notes.add("replayed on " + timeline.engine() + " because " + why);
        notes.addAll(timeline.notes());
        return new Timeline(timeline.engine(), timeline.engineKind(), timeline.batch(), timeline.statements(),
                timeline.states(), timeline.failure(), timeline.elapsed(), List.copyOf(notes), timeline.observations(),
                timeline.productionKeys());
    }
}
