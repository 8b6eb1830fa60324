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
    /** Failures that are the engine's: a feature it lacks (H2 writing through a view), not a change of the schema. */
    private final List<Break> unsupported = new ArrayList<>();

    public static Breaks of(Evidence evidence) {
        Breaks breaks = new Breaks();
        List<SchemaState> states = evidence.timeline().states();
        for (int i = 0; i < evidence.statements().size(); i++) {
            CheckedStatement statement = evidence.statements().get(i);
            if (statement.isRunning()) {
                breaks.readRunning(i, statement, states);
            } else if (statement.issuer().role() == io.switchover.patterns.ServiceVersion.Role.CANDIDATE
                    && evidence.replayCompleted()) {
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
        firstFailure(index, statement, states.subList(1, states.size())).ifPresent(broken -> {
            if (broken.error().kind() == io.switchover.replay.FailureKind.UNSUPPORTED) {
                unsupported.add(broken);
            } else {
                open.add(broken);
            }
        });
    }

    /** Statements of the running version that the engine, lacking a feature, stopped running at some state. */
    public List<Break> unsupported() {
        return Collections.unmodifiableList(unsupported);
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

    /**
     * Whether a candidate's statement fails after the batch just as the running version's statement from the same
     * place fails on production's schema: the batch neither caused nor cured it (a column an ORM fills that the
     * extractor does not know, a statement the replay engine cannot run), so it is not checkable rather than a break
     * of the candidate. A statement only the candidate has that fails after the batch is the candidate's, whatever it
     * did before.
     */
    static boolean failsAlikeBefore(Break broken, Evidence evidence) {
        if (broken.state().step() == 0) {
            return false;
        }
        List<ProbeOutcome> initial = evidence.timeline().initial().outcomes();
        for (CheckedStatement twin : evidence.statements()) {
            boolean samePlace = twin.isRunning() && twin.patterns().stream().anyMatch(p -> broken.checked().patterns()
                    .stream().anyMatch(q -> q.origin().toString().equals(p.origin().toString())));
            if (samePlace && alike(initial.get(twin.probe()), broken)) {
                return true;
            }
        }
        return false;
    }

    private static boolean alike(ProbeOutcome before, Break broken) {
        return before.error() != null && java.util.Objects.equals(before.error().sqlState(), broken.error().sqlState())
                && before.error().message().equals(broken.error().message());
    }

    public List<Integer> notCheckable() {
        return Collections.unmodifiableList(notCheckable);
    }
}
