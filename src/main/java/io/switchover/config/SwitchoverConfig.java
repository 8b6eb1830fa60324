package io.switchover.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code switchover.yml}, or the merge of the pipeline's and the repository's. Paths are resolved against
 * the folder of the file that names them.
 *
 * @param migrationsRepository the repository that holds the Flyway migrations, when a file names it
 * @param locations            Flyway locations in it; empty to take the project's Flyway configuration
 * @param productionMigrations the production version of the migrations repository, when no service says it
 * @param history              production's history: a JDBC URL or an export file; empty to read the production snapshot
 * @param rules                rule id to off, warning or error
 * @param places               where the keys that matter for trust are, by {@link ConfigKeys} name, in file order
 * @param classpath            the candidate's built artifact (a jar, a fat jar, a classes folder), for its Java
 *                             migrations
 * @param prodClasspath        production's built artifact
 */
public record SwitchoverConfig(Path file, Optional<Path> migrationsRepository, List<String> locations,
                               Optional<VersionSource> productionMigrations, Optional<String> history,
                               Optional<String> historySchema, Optional<String> historyTable,
                               Map<String, String> placeholders, Optional<String> order, Optional<String> engine,
                               Optional<String> dialect, Optional<String> naming, List<ServiceConfig> services,
                               Map<String, String> rules, Map<String, ConfigPlace> places,
                               Optional<Path> classpath, Optional<Path> prodClasspath) {

    public SwitchoverConfig(Path file, Optional<Path> migrationsRepository, List<String> locations,
                            Optional<VersionSource> productionMigrations, Optional<String> history,
                            Optional<String> historySchema, Optional<String> historyTable,
                            Map<String, String> placeholders, Optional<String> order, Optional<String> engine,
                            Optional<String> dialect, Optional<String> naming, List<ServiceConfig> services,
                            Map<String, String> rules, Map<String, ConfigPlace> places) {
        this(file, migrationsRepository, locations, productionMigrations, history, historySchema, historyTable,
                placeholders, order, engine, dialect, naming, services, rules, places, Optional.empty(),
                Optional.empty());
    }

    /** Where the key of that {@link ConfigKeys} name is, if this configuration has it. */
    public Optional<ConfigPlace> place(String key) {
        return Optional.ofNullable(places.get(key));
    }
}
