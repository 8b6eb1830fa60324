package io.switchover.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code switchover.yml}. Paths are resolved against the file's folder.
 *
 * @param migrationsRepository the repository that holds the Flyway migrations
 * @param locations            Flyway locations in it; empty to take the project's Flyway configuration
 * @param productionMigrations the production version of the migrations repository, when no service says it
 * @param history              production's history: a JDBC URL or an export file; empty to read the production snapshot
 * @param rules                rule id to off, warning or error
 */
public record SwitchoverConfig(Path file, Path migrationsRepository, List<String> locations,
                               Optional<VersionSource> productionMigrations, Optional<String> history,
                               Optional<String> historySchema, Optional<String> historyTable,
                               Map<String, String> placeholders, Optional<String> order, Optional<String> engine,
                               Optional<String> dialect, Optional<String> naming, List<ServiceConfig> services,
                               Map<String, String> rules) {
}
