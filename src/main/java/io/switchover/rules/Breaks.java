package io.switchover.rules;

import io.switchover.replay.ProbeOutcome;
import io.switchover.replay.SchemaState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The differential reading of a timeline. A statement of the running version that passed at S0 and fails at Sk breaks
 * at step k (the first such k only); one that already fails at S0 is not checkable. A statement of the candidate must
 * work at the last state, and with code-first deployments at every state: its first failing state is a candidate
 * break.
 */
public final class Breaks {
    private final List<Break> open = new ArrayList<>();
    private final List<Break> candidate = new ArrayList<>();
    private final List<Integer> notCheckable = new ArrayList<>();

    public static Breaks of(Evidence evidence) {
        Breaks breaks = new Breaks();
        List<SchemaState> states = evidence.timeline().states();
        for (int i = 0; i < evidence.statements().size(); i++) {
            CheckedStatement statement = evidence.statements().get(i);
            if (statement.isRunning()) {
                breaks.readRunning(i, statement, states);
            } else if (evidence.replayCompleted()) {
                List<SchemaState> mustWorkAt = evidence.order() == DeploymentOrder.CODE_FIRST
                        ? states : states.subList(states.size() - 1, states.size());
                firstFailure(i, statement, mustWorkAt).ifPresent(breaks.candidate::add);
            }
        }
        return breaks;
    }

    private void readRunning(int index, CheckedStatement statement, List<SchemaState> states) {
        if (!states.get(0).outcomes().get(index).passed()) {
            notCheckable.add(index);
            return;
        }
        firstFailure(index, statement, states.subList(1, states.size())).ifPresent(open::add);
    }

    private static java.util.Optional<Break> firstFailure(int index, CheckedStatement statement, List<SchemaState> states) {
        for (SchemaState state : states) {
            ProbeOutcome outcome = state.outcomes().get(index);
            if (!outcome.passed()) {
                return java.util.Optional.of(new Break(index, statement, state, outcome.error()));
            }
        }
        return java.util.Optional.empty();
    }

    /** The breaks of the running version that no rule has explained yet. */
    public List<Break> open() {
        return Collections.unmodifiableList(new ArrayList<>(open));
    }

    public void claim(Break explained) {
        open.remove(explained);
        candidate.remove(explained);
    }

    /** The candidate's statements that fail where they must work, not yet explained. */
    public List<Break> candidate() {
        return Collections.unmodifiableList(new ArrayList<>(candidate));
    }

    public List<Integer> notCheckable() {
        return Collections.unmodifiableList(notCheckable);
    }
}
