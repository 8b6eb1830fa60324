package io.switchover.report;

import java.time.Duration;

/** How much was checked: statements probed, services, schema states, and how long it took. */
public record Summary(int statements, int services, int states, Duration elapsed) {
}
