package io.switchover.timeline;

import java.util.List;
import java.util.Set;

/**
 * What the replay saw PostgreSQL do for each statement of the batch's migrations (the replay's lock observer); empty where
 * no PostgreSQL replay ran.
 *
 * @param observedSteps the batch steps whose statements were all observed (a Java migration's are not: Flyway
 *                      reports no statements for it)
 */
public record LockObservations(List<ObservedStatement> statements, Set<Integer> observedSteps) {

    public static final LockObservations NONE = new LockObservations(List.of(), Set.of());

    public LockObservations {
        statements = List.copyOf(statements);
        observedSteps = Set.copyOf(observedSteps);
    }

    public boolean observed(int step) {
        return observedSteps.contains(step);
    }

    public List<ObservedStatement> of(int step) {
        return statements.stream().filter(s -> s.step() == step).toList();
    }
}
