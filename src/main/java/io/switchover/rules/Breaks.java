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

    /**
     * Whether a candidate's statement fails after the batch just as it fails on production's schema, or as the running
     * version's statement from the same place fails there: the batch neither caused nor cured it (a column an ORM
     * fills that the extractor does not know, a statement the replay engine cannot run), so it is not checkable rather
     * than a break of the candidate.
     */
    static boolean failsAlikeBefore(Break broken, Evidence evidence) {
        if (broken.state().step() == 0) {
            return false;
        }
        List<ProbeOutcome> initial = evidence.timeline().initial().outcomes();
        if (alike(initial.get(broken.checked().probe()), broken)) {
            return true;
        }
        for (CheckedStatement twin : evidence.statements()) {
            boolean samePlace = twin.isRunning() && twin.patterns().stream().anyMatch(p -> broken.checked().patterns()
                    .stream().anyMatch(q -> q.origin().toString().equals(p.origin().toString())));
            if (samePlace && alike(initial.get(twin.probe()), broken)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a candidate's statement fails on a schema that a Java migration the replay ran nothing for (production's,
     * or the batch's before that state) would have changed: a table, column or function it may make, a column it may
     * drop. The candidate is written for the schema those make, so its failure is not known to be one.
     */
    static boolean missingWhatSkippedMigrationsMake(Break broken, Evidence evidence) {
        return !evidence.notReplayedBefore(broken.state().step()).isEmpty();
    }

    private static boolean alike(ProbeOutcome before, Break broken) {
        return before.error() != null && java.util.Objects.equals(before.error().sqlState(), broken.error().sqlState())
                && before.error().message().equals(broken.error().message());
    }

    public List<Integer> notCheckable() {
        return Collections.unmodifiableList(notCheckable);
    }
}
