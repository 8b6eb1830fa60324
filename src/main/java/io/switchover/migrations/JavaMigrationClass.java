package io.switchover.migrations;

import io.switchover.patterns.MigrationSourceSql;

/**
 * A Java-based Flyway migration found in a snapshot's source.
 *
 * @param className       its fully qualified name: what Flyway records as the script of a JDBC migration
 * @param path            its source file, relative to the snapshot root
 * @param version         the version Flyway gives it, null for a repeatable migration
 * @param description     the description Flyway gives it
 * @param checksum        what its {@code getChecksum()} returns; null unless it overrides it with a literal
 * @param insideLocations whether a configured location holds its package (else it was taken by its look)
 * @param sql             the SQL its source executes, as far as the source tells
 */
public record JavaMigrationClass(String className, String path, String version, String description,
                                 Integer checksum, boolean insideLocations, MigrationSourceSql sql) {

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    public String identity() {
        return version == null ? "R:" + description : "V:" + version;
    }
}
