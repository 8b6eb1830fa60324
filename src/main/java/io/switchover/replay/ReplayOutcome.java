package io.switchover.replay;

import io.switchover.SwitchoverException;
import io.switchover.timeline.Timeline;

/** What replaying the switch-over on one engine came to: a timeline, or production's migrations not running there. */
sealed interface ReplayOutcome permits ReplayOutcome.Replayed, ReplayOutcome.ProductionFailed {

    /** The timeline; where production's migrations did not run, their bad-input error thrown. */
    Timeline timelineOrThrow();

    /** The replay ran; its batch may still have failed (see {@link Timeline#failure()}). */
    record Replayed(Timeline timeline) implements ReplayOutcome {
        @Override
        public Timeline timelineOrThrow() {
            return timeline;
        }
    }

    /**
     * Production's {@code script} does not run on {@code engine}, for {@code reason}: {@code error} is the user's
     * bad input, unless a fallback engine runs it.
     */
    record ProductionFailed(SwitchoverException error, String script, String engine, String reason)
            implements ReplayOutcome {

        /** The outcome that production's {@code failure} stands for. */
        static ProductionFailed of(ProductionDoesNotReplay failure) {
            return new ProductionFailed(failure.error(), failure.script(), failure.engine(), failure.reason());
        }

        @Override
        public Timeline timelineOrThrow() {
            throw error;
        }
    }
}
