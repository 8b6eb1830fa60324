package io.switchover.migrations;

import java.util.List;
import java.util.Map;

/**
 * The part of a project's Flyway configuration that decides which migrations exist, how they are named, and how
 * their text is expanded: read from the snapshot so that users configure nothing twice.
 *
 * @param locations folders relative to the snapshot root; empty to find them by convention
 * @param validateOnMigrate whether Flyway validates the applied migrations' checksums before it migrates
 * @param source    where the settings were read from, for messages ("flyway.conf", "application.yml", "defaults")
 */
public record FlywaySettings(List<String> locations, Map<String, String> placeholders, String placeholderPrefix,
                             String placeholderSuffix, boolean placeholderReplacement, String table,
                             List<String> schemas, String sqlMigrationPrefix, String repeatableSqlMigrationPrefix,
                             String sqlMigrationSeparator, List<String> sqlMigrationSuffixes, boolean outOfOrder,
                             boolean validateOnMigrate, String source) {

    public static final String DEFAULT_TABLE = "flyway_schema_history";

    public static FlywaySettings defaults() {
        return new FlywaySettings(List.of(), Map.of(), "${", "}", true, DEFAULT_TABLE, List.of(), "V", "R", "__",
                List.of(".sql"), false, true, "defaults");
    }

    public FlywaySettings withLocations(List<String> newLocations) {
        return new FlywaySettings(List.copyOf(newLocations), placeholders, placeholderPrefix, placeholderSuffix,
                placeholderReplacement, table, schemas, sqlMigrationPrefix, repeatableSqlMigrationPrefix,
                sqlMigrationSeparator, sqlMigrationSuffixes, outOfOrder, validateOnMigrate, source);
    }

    public FlywaySettings withPlaceholders(Map<String, String> values) {
        return new FlywaySettings(locations, Map.copyOf(values), placeholderPrefix, placeholderSuffix,
                placeholderReplacement, table, schemas, sqlMigrationPrefix, repeatableSqlMigrationPrefix,
                sqlMigrationSeparator, sqlMigrationSuffixes, outOfOrder, validateOnMigrate, source);
    }
}
