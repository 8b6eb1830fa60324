package io.switchover.replay;

import io.switchover.migrations.Migration;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole replay: S0..Sk (k = n when every batch migration applied), the statements probed at each state, and the
 * migration that failed, if one did.
 */
public record Timeline(String engine, List<Migration> batch, List<ProbeStatement> statements,
                       List<SchemaState> states, Optional<MigrationFailure> failure, Duration elapsed) {

    public SchemaState initial() {
        return states.get(0);
    }
}
