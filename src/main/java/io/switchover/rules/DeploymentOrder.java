package io.switchover.rules;

/** When the new version starts taking traffic, relative to the migrations. */
public enum DeploymentOrder {
    /** Migrations run while the old version serves; then the new version starts (Flyway at start-up, or a job). */
    MIGRATE_FIRST,
    /** The new version rolls out first; the migrations run after it (post-deployment migrations). */
    CODE_FIRST
}
