package io.switchover.rules;

import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
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
            } else if (statement.issuer().role() == io.switchover.patterns.model.ServiceVersion.Role.CANDIDATE
                    && evidence.replayCompleted()) {
                List<SchemaState> mustWorkAt = evidence.order() == DeploymentOrder.CODE_FIRST
                        ? states : states.subList(states.size() - 1, states.size());
                firstFailure(i, statement, mustWorkAt, false).ifPresent(breaks.candidate::add);
            }
        }
        return breaks;
    }

    private void readRunning(int index, CheckedStatement statement, List<SchemaState> states) {
        if (!states.get(0).outcomes().get(statement.probe()).passed()) {
            notCheckable.add(index);
            return;
        }
        firstFailure(index, statement, states.subList(1, states.size()), mayWriteNull(statement)).ifPresent(broken -> {
            if (broken.error().kind() == io.switchover.timeline.FailureKind.UNSUPPORTED) {
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

    /**
     * The first state where the statement fails; with {@code nullWrites}, also where the NULL its code may write is
     * rejected (the probe shares the candidate's copy of the statement, whose code may always set the column).
     */
    private static java.util.Optional<Break> firstFailure(int index, CheckedStatement statement, List<SchemaState> states,
                                                          boolean nullWrites) {
        for (SchemaState state : states) {
            ProbeOutcome outcome = state.outcomes().get(statement.probe());
            if (!outcome.passed()) {
                return java.util.Optional.of(new Break(index, statement, state, outcome.error()));
            }
            if (nullWrites && outcome.nullRejected() != null) {
                return java.util.Optional.of(new Break(index, statement, state, outcome.nullRejected()));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean mayWriteNull(CheckedStatement statement) {
        return statement.patterns().stream().anyMatch(p -> !p.nullableParameters().isEmpty());
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
     * The running version's statement that fails on production's schema just as a candidate's statement fails after
     * the batch (the same error): the statement from the same place if it does, else any. Production serves that
     * statement, so what fails is the replay's picture of production (an object a Java migration or a person created,
     * a column an ORM fills that the extractor does not know, a statement the engine cannot run), and the batch neither
     * caused nor cured it: not checkable rather than a break of the candidate. A candidate statement that fails after
     * the batch with an error no running statement shares is the candidate's, whatever it did before.
     */
    Optional<CheckedStatement> failsAlikeBefore(Break broken, Evidence evidence) {
        if (broken.state().step() == 0) {
            return Optional.empty();
        }
        List<ProbeOutcome> initial = evidence.timeline().initial().outcomes();
        CheckedStatement alike = null;
        // The running statements that fail at S0 are the ones not checkable, in the order of the statements.
        for (int index : notCheckable) {
            CheckedStatement twin = evidence.statements().get(index);
            if (!alike(initial.get(twin.probe()), broken)) {
                continue;
            }
            boolean samePlace = twin.patterns().stream().anyMatch(p -> broken.checked().patterns()
                    .stream().anyMatch(q -> q.origin().toString().equals(p.origin().toString())));
            if (samePlace) {
                return Optional.of(twin);
            }
            if (alike == null) {
                alike = twin;
            }
        }
        if (alike == null && alike(initial.get(broken.checked().probe()), broken)) {
            // Failing alike before and after, on a table or view the running version's code uses, which was not
            // probed because the batch does not touch it: production serves that code, so the replay lacks the table.
            Optional<String> missing = broken.error().missingRelation();
            for (CheckedStatement twin : evidence.statements()) {
                if (twin.isRunning() && missing.isPresent()
                        && io.switchover.sql.SqlWords.namesAny(twin.sql(), java.util.Set.of(missing.get()))) {
                    return Optional.of(twin);
                }
            }
        }
        return Optional.ofNullable(alike);
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
