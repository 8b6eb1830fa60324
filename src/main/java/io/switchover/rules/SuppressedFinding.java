package io.switchover.rules;

import io.switchover.migrations.Suppression;

/** A finding the team accepted with a {@code switchover:allow} comment: listed in the report, failing nothing. */
public record SuppressedFinding(Finding finding, Suppression suppression) {
}
