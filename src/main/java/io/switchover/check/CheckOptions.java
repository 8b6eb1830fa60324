package io.switchover.check;

import io.switchover.migrations.HistoryDatabaseReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked for, as given: command-line values (each overriding {@code switchover.yml}), the working
 * directory and the environment. {@link RequestResolver} turns it into a {@link CheckRequest}. Made with
 * {@link #builder()}, which leaves out whatever was not given.
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

    /**
     * Options with nothing given: no snapshot, repository, history, configuration or artifact named; no migration
     * location, source root or captured SQL; the current directory as the working directory; an empty environment;
     * the repository's switchover.yml not trusted; the default {@code --prod-timeout}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the options one by one. A setter given null leaves the option out, as a command line that does not
     * name it; {@link #build()} fills in the defaults of {@link CheckOptions#builder()}.
     */
    public static final class Builder {
        private String production;
        private String candidate;
        private Path repository;
        private List<String> migrations = List.of();
        private List<String> sources = List.of();
        private String productionHistory;
        private String historySchema;
        private String historyTable;
        private Path config;
        private Path passwordFile;
        private String order;
        private List<Path> capturedSql = List.of();
        private Path workingDirectory;
        private Map<String, String> environment = Map.of();
        private boolean trustRepoConfig;
        private Duration productionTimeout = HistoryDatabaseReader.DEFAULT_TIMEOUT;
        private Path classpath;
        private Path prodClasspath;

        private Builder() {
        }

        /** {@code --prod}: a directory or {@code git:<ref>}. */
        public Builder production(String value) {
            production = value;
            return this;
        }

        /** {@code --candidate}: a directory or {@code git:<ref>}. */
        public Builder candidate(String value) {
            candidate = value;
            return this;
        }

        /** {@code --repo}: the git repository of {@code git:<ref>} snapshots. */
        public Builder repository(Path value) {
            repository = value;
            return this;
        }

        /** {@code --migrations}: Flyway locations relative to the snapshot root. */
        public Builder migrations(List<String> values) {
            migrations = values == null ? List.of() : List.copyOf(values);
            return this;
        }

        /** {@code --sources}: the service's source roots relative to the snapshot root. */
        public Builder sources(List<String> values) {
            sources = values == null ? List.of() : List.copyOf(values);
            return this;
        }

        /** {@code --prod-history}: a JDBC URL or an export file. */
        public Builder productionHistory(String value) {
            productionHistory = value;
            return this;
        }

        /** {@code --history-schema}: the schema of the history table. */
        public Builder historySchema(String value) {
            historySchema = value;
            return this;
        }

        /** {@code --history-table}: the name of the history table. */
        public Builder historyTable(String value) {
            historyTable = value;
            return this;
        }

        /** {@code --config}: a switchover.yml. */
        public Builder config(Path value) {
            config = value;
            return this;
        }

        /** {@code --prod-password-file}: the file holding the password for production's history. */
        public Builder passwordFile(Path value) {
            passwordFile = value;
            return this;
        }

        /** {@code --order}: migrate-first or code-first. */
        public Builder order(String value) {
            order = value;
            return this;
        }

        /** {@code --captured-sql}: files of statements captured from production. */
        public Builder capturedSql(List<Path> values) {
            capturedSql = values == null ? List.of() : List.copyOf(values);
            return this;
        }

        /** The folder relative paths are resolved against; default the current directory. */
        public Builder workingDirectory(Path value) {
            workingDirectory = value;
            return this;
        }

        /** The environment (credentials, Flyway's placeholders); default none. */
        public Builder environment(Map<String, String> value) {
            environment = value == null ? Map.of() : value;
            return this;
        }

        /** {@code --trust-repo-config}. */
        public Builder trustRepoConfig(boolean value) {
            trustRepoConfig = value;
            return this;
        }

        /** {@code --prod-timeout}; default {@link HistoryDatabaseReader#DEFAULT_TIMEOUT}. */
        public Builder productionTimeout(Duration value) {
            productionTimeout = value == null ? HistoryDatabaseReader.DEFAULT_TIMEOUT : value;
            return this;
        }

        /** {@code --classpath}: the candidate's built artifact. */
        public Builder classpath(Path value) {
            classpath = value;
            return this;
        }

        /** {@code --prod-classpath}: production's built artifact. */
        public Builder prodClasspath(Path value) {
            prodClasspath = value;
            return this;
        }

        /** The options collected, with the defaults for what was not given. */
        public CheckOptions build() {
            return new CheckOptions(Optional.ofNullable(production), Optional.ofNullable(candidate),
                    Optional.ofNullable(repository), migrations, sources, Optional.ofNullable(productionHistory),
                    Optional.ofNullable(historySchema), Optional.ofNullable(historyTable), Optional.ofNullable(config),
                    Optional.ofNullable(passwordFile), Optional.ofNullable(order), capturedSql,
                    workingDirectory != null ? workingDirectory : Path.of("").toAbsolutePath(), environment,
                    trustRepoConfig, productionTimeout, Optional.ofNullable(classpath),
                    Optional.ofNullable(prodClasspath));
        }
    }
}
