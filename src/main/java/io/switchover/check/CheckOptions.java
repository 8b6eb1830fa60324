package io.switchover.check;

import io.switchover.migrations.HistoryDatabaseReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked for, as given: command-line values (each overriding {@code switchover.yml}), the working
 * directory and the environment. {@link RequestResolver} turns it into a {@link CheckRequest}.
 *
 * @param production        {@code --prod}: a directory or {@code git:<ref>}
 * @param candidate         {@code --candidate}: a directory or {@code git:<ref>}; default the working tree
 * @param productionHistory {@code --prod-history}: a JDBC URL or an export file
 * @param config            {@code --config}: the pipeline's switchover.yml when it lies outside the candidate's tree
 * @param capturedSql       {@code --captured-sql}: statements captured from production for the service that owns the
 *                          migrations
 * @param trustRepoConfig   {@code --trust-repo-config}: the repository's switchover.yml may say where production is
 * @param productionTimeout {@code --prod-timeout}: how long production's database and version endpoints may take
 * @param classpath         {@code --classpath}: the candidate's built artifact, whose Java migrations the replay runs
 * @param prodClasspath     {@code --prod-classpath}: production's built artifact
 */
public record CheckOptions(Optional<String> production, Optional<String> candidate, Optional<Path> repository,
                           List<String> migrations, List<String> sources, Optional<String> productionHistory,
                           Optional<String> historySchema, Optional<String> historyTable, Optional<Path> config,
                           Optional<Path> passwordFile, Optional<String> order, List<Path> capturedSql,
                           Path workingDirectory, Map<String, String> environment, boolean trustRepoConfig,
                           Duration productionTimeout, Optional<Path> classpath, Optional<Path> prodClasspath) {

    /** Without artifacts for Java migrations. */
    public CheckOptions(Optional<String> production, Optional<String> candidate, Optional<Path> repository,
                        List<String> migrations, List<String> sources, Optional<String> productionHistory,
                        Optional<String> historySchema, Optional<String> historyTable, Optional<Path> config,
                        Optional<Path> passwordFile, Optional<String> order, List<Path> capturedSql,
                        Path workingDirectory, Map<String, String> environment, boolean trustRepoConfig,
                        Duration productionTimeout) {
        this(production, candidate, repository, migrations, sources, productionHistory, historySchema, historyTable,
                config, passwordFile, order, capturedSql, workingDirectory, environment, trustRepoConfig,
                productionTimeout, Optional.empty(), Optional.empty());
    }

    /** Without {@code --trust-repo-config}, with the default {@code --prod-timeout}. */
    public CheckOptions(Optional<String> production, Optional<String> candidate, Optional<Path> repository,
                        List<String> migrations, List<String> sources, Optional<String> productionHistory,
                        Optional<String> historySchema, Optional<String> historyTable, Optional<Path> config,
                        Optional<Path> passwordFile, Optional<String> order, List<Path> capturedSql,
                        Path workingDirectory, Map<String, String> environment) {
        this(production, candidate, repository, migrations, sources, productionHistory, historySchema, historyTable,
                config, passwordFile, order, capturedSql, workingDirectory, environment, false,
                HistoryDatabaseReader.DEFAULT_TIMEOUT);
    }
}
