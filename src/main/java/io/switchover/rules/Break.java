package io.switchover.rules;

import io.switchover.replay.DatabaseError;
import io.switchover.replay.SchemaState;

/** A statement that worked at S0 and fails at {@code state} (the first state where it fails). */
public record Break(int statement, CheckedStatement checked, SchemaState state, DatabaseError error) {
}
