package io.switchover.cli;

import io.switchover.check.CheckOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where production's Flyway history comes from ({@code @Mixin HistoryOptions history;}), shared by {@code check} and
 * {@code snapshot-prod}. The password is never an option: it comes from a file or the environment.
 */
public final class HistoryOptions {

    @Option(names = "--prod-history", paramLabel = "<source>",
            description = "Production's Flyway history: a JDBC URL (read-only, one SELECT; user and password from"
                    + " SWITCHOVER_PROD_USER and SWITCHOVER_PROD_PASSWORD or --prod-password-file) or, for check, a JSON"
                    + " export (switchover snapshot-prod, flyway info -outputType=json, /actuator/flyway)."
                    + " Default: production.history of the pipeline's switchover.yml.")
    String source;

    @Option(names = "--history-schema", paramLabel = "<schema>", description = "Schema of the history table.")
    String schema;

    @Option(names = "--history-table", paramLabel = "<table>",
            description = "Name of the history table. Default: flyway_schema_history.")
    String table;

    @Option(names = "--prod-password-file", paramLabel = "<file>",
            description = "File holding the password for --prod-history (instead of SWITCHOVER_PROD_PASSWORD).")
    Path passwordFile;

    @Option(names = "--prod-timeout", paramLabel = "<duration>", defaultValue = "30s",
            description = "How long production's database and the version endpoints may take to accept the"
                    + " connection, to log in and to answer (e.g. 10s, 2m); production's database also stops the"
                    + " SELECT after that long. Default: ${DEFAULT-VALUE}.")
    String timeout;

    /** The builder with these options given to it; {@code --prod-timeout} is parsed here. */
    CheckOptions.Builder applyTo(CheckOptions.Builder options) {
        return options.productionHistory(source).historySchema(schema).historyTable(table).passwordFile(passwordFile)
                .productionTimeout(DurationArgument.parse("--prod-timeout", timeout));
    }
}
