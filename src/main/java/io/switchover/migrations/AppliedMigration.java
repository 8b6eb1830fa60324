package io.switchover.migrations;

/**
 * One row of production's {@code flyway_schema_history}.
 *
 * @param version  null for a repeatable migration
 * @param checksum null where the source does not say (Flyway's own {@code info} export has no checksums)
 */
public record AppliedMigration(int rank, String version, String description, String type, String script,
                               Integer checksum, boolean success) {

    public boolean isRepeatable() {
        return version == null;
    }

    /** Rows Flyway writes for itself (schema creation, baseline markers) that are not migrations of the project. */
    public boolean isBookkeeping() {
        return "SCHEMA".equals(type) || "BASELINE".equals(type) || "<< Flyway Schema Creation >>".equals(description);
    }

    public String identity() {
        return isRepeatable() ? "R:" + description : "V:" + version;
    }
}
