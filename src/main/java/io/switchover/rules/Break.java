package io.switchover.rules;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.SchemaState;

/** A statement that worked at S0 and fails at {@code state} (the first state where it fails). */
public record Break(int statement, CheckedStatement checked, SchemaState state, DatabaseError error) {
}
