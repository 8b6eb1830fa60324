package io.switchover.timeline;

/** Which kind of database the replay ran on: what rules may know of the engine, beside its name for reports. */
public enum EngineKind {
    H2,
    POSTGRESQL,
    MARIADB
}
