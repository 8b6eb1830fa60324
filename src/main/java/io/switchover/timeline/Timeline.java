package io.switchover.timeline;

import io.switchover.migrations.Migration;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole replay: S0..Sk (k = n when every batch migration applied), the statements probed at each state, and the
 * migration that failed, if one did.
 *
 * @param engine the engine's name for reports, e.g. "H2 2.5 (PostgreSQL mode)"
 * @param engineKind which kind of database that is
 * @param notes what the reader of the report should know about the replay itself, one line each: the engine it
 *              switched to and why, statements adapted for H2, leftovers of killed runs removed
 * @param observations what PostgreSQL was seen doing for each batch statement (locks, rewrites, scans); none where
 *                     the replay did not run on PostgreSQL
 * @param productionKeys the unique keys at S0 of the tables the batch puts a unique key on ({@link UniqueKeys})
 */
public record Timeline(String engine, EngineKind engineKind, List<Migration> batch, List<ProbeStatement> statements,
                       List<SchemaState> states, Optional<MigrationFailure> failure, Duration elapsed,
                       List<String> notes, LockObservations observations, UniqueKeys productionKeys) {

    public Timeline(String engine, EngineKind engineKind, List<Migration> batch, List<ProbeStatement> statements, List<SchemaState> states,
                    Optional<MigrationFailure> failure, Duration elapsed, List<String> notes,
                    LockObservations observations) {
        this(engine, engineKind, batch, statements, states, failure, elapsed, notes, observations, UniqueKeys.NONE);
    }

    public Timeline(String engine, EngineKind engineKind, List<Migration> batch, List<ProbeStatement> statements, List<SchemaState> states,
                    Optional<MigrationFailure> failure, Duration elapsed, List<String> notes) {
        this(engine, engineKind, batch, statements, states, failure, elapsed, notes, LockObservations.NONE);
    }

    public Timeline(String engine, EngineKind engineKind, List<Migration> batch, List<ProbeStatement> statements, List<SchemaState> states,
                    Optional<MigrationFailure> failure, Duration elapsed) {
        this(engine, engineKind, batch, statements, states, failure, elapsed, List.of());
    }

    public SchemaState initial() {
        return states.get(0);
    }
}
