package io.switchover.report;

import java.time.Duration;

/**
 * How much was checked: distinct statements of the running versions (probed at every state) and of the candidate
 * (probed where it must work), services, schema states, and how long it took; {@code unaffected} statements use
 * nothing the batch changes and needed no probe.
 */
public record Summary(int statements, int candidateStatements, int services, int states, Duration elapsed,
                      int unaffected) {

    public Summary(int statements, int candidateStatements, int services, int states, Duration elapsed) {
        this(statements, candidateStatements, services, states, elapsed, 0);
    }
}
