package io.switchover.rules;

import io.switchover.replay.ProbeOutcome;
import io.switchover.replay.SchemaState;
import io.switchover.replay.Timeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The differential reading of a timeline: a statement that passed at S0 and fails at Sk breaks at step k (the first
 * such k only). Statements that already fail at S0 are not breaks; {@link #notCheckable()} lists them.
 */
public final class Breaks {
    private final List<Break> open = new ArrayList<>();
    private final List<Integer> notCheckable = new ArrayList<>();

    public static Breaks of(Evidence evidence) {
        Breaks breaks = new Breaks();
        Timeline timeline = evidence.timeline();
        List<SchemaState> states = timeline.states();
        for (int i = 0; i < timeline.statements().size(); i++) {
            ProbeOutcome initial = states.get(0).outcomes().get(i);
            if (!initial.passed()) {
                breaks.notCheckable.add(i);
                continue;
            }
            for (SchemaState state : states.subList(1, states.size())) {
                ProbeOutcome outcome = state.outcomes().get(i);
                if (!outcome.passed()) {
                    breaks.open.add(new Break(i, evidence.statements().get(i), state, outcome.error()));
                    break;
                }
            }
        }
        return breaks;
    }

    /** The breaks no rule has explained yet. */
    public List<Break> open() {
        return Collections.unmodifiableList(new ArrayList<>(open));
    }

    public void claim(Break explained) {
        open.remove(explained);
    }

    public List<Integer> notCheckable() {
        return Collections.unmodifiableList(notCheckable);
    }
}
