package io.switchover.rules;

import io.switchover.replay.ProbeOutcome;
import io.switchover.replay.SchemaState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The differential reading of a timeline. A statement of the running version that passed at S0 and fails at Sk breaks
 * at step k (the first such k only); one that already fails at S0 is not checkable. A statement of the candidate must
 * work at the last state, and with code-first deployments at every state: its first failing state is a candidate
 * break.
 */
public final class Breaks {
    private final List<Break> open = new ArrayList<>();
    private final List<Break> candidate = new ArrayList<>();
    /** Claimed breaks, by identity: a break's state holds a whole catalog, far too much to compare. */
    private final Set<Break> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
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
        if (!states.get(0).outcomes().get(statement.probe()).passed()) {
            notCheckable.add(index);
            return;
        }
        firstFailure(index, statement, states.subList(1, states.size())).ifPresent(open::add);
    }

    private static java.util.Optional<Break> firstFailure(int index, CheckedStatement statement, List<SchemaState> states) {
        for (SchemaState state : states) {
            ProbeOutcome outcome = state.outcomes().get(statement.probe());
            if (!outcome.passed()) {
                return java.util.Optional.of(new Break(index, statement, state, outcome.error()));
            }
        }
        return java.util.Optional.empty();
    }

    /** The breaks of the running version that no rule has explained yet. */
    public List<Break> open() {
        return open.stream().filter(b -> !claimed.contains(b)).toList();
    }

    public void claim(Break explained) {
        claimed.add(explained);
    }

    /** The candidate's statements that fail where they must work, not yet explained. */
    public List<Break> candidate() {
        return candidate.stream().filter(b -> !claimed.contains(b)).toList();
    }

    public List<Integer> notCheckable() {
        return Collections.unmodifiableList(notCheckable);
    }
}
