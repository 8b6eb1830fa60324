package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.check.CheckOptions;
import io.switchover.check.RequestResolver;
import io.switchover.migrations.HistoryExport;
import io.switchover.migrations.ProductionHistory;
import io.switchover.migrations.ProductionSchema;
import io.switchover.production.HistorySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code switchover snapshot-prod}: reads production's Flyway history once, read-only, and writes it to a file, so
 * that the gate itself never needs production's credentials.
 */
@Command(name = "snapshot-prod",
        mixinStandardHelpOptions = true,
        description = {"Reads production's flyway_schema_history (one SELECT over a read-only connection) and writes"
                + " it as JSON for 'switchover check --prod-history <file>'; with --schema, production's schema as DDL"
                + " for 'switchover check --prod-schema <file>'. The user and password come from"
                + " SWITCHOVER_PROD_USER and SWITCHOVER_PROD_PASSWORD (or --prod-password-file), never from the"
                + " command line."})
final class SnapshotProdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryOptions history;

    @Option(names = "--config", paramLabel = "<file>", description = "The switchover.yml to use.")
    Path config;

    @Option(names = "--output", paramLabel = "<file>", description = "Where to write the export. Default: standard output.")
    Path output;

    @Option(names = "--schema",
            description = "Export production's schema instead: DDL read from the catalog (SELECTs only, no row of"
                    + " data) for 'switchover check --prod-schema <file>'. The schema is the history table's.")
    boolean schema;

    @Option(names = "--trust-repo-config",
            description = "Let the switchover.yml found in the working directory (or a --config inside it) say where"
                    + " production's history is. Without it, only the command line and a --config file outside the"
                    + " working directory may.")
    boolean trustRepoConfig;

    private void write(String text, String what) {
        if (output == null) {
            spec.commandLine().getOut().print(text);
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot write " + output + ": " + io.switchover.FileProblem.describe(e));
        }
        spec.commandLine().getOut().println("wrote " + what + " to " + output);
    }

    @Override
    public Integer call() {
        CheckOptions options = history.applyTo(CheckOptions.builder()).config(config).environment(System.getenv())
                .trustRepoConfig(trustRepoConfig).build();
        try (RequestResolver resolver = new RequestResolver(options)) {
            String source = resolver.historySource()
                    .orElseThrow(() -> SwitchoverException.badInput("--prod-history <jdbc-url> is required"));
            if (!HistorySource.isDatabase(source)) {
                throw SwitchoverException.badInput("--prod-history must be a jdbc: URL of production's database");
            }
            if (schema) {
                ProductionSchema exported = resolver.schema();
                write(exported.toSql(), "the schema of " + exported.source() + " (" + exported.statements().size()
                        + " statements" + (exported.notes().isEmpty() ? "" : "; " + String.join("; ", exported.notes()))
                        + ")");
            } else {
                ProductionHistory rows = resolver.history().orElseThrow();
                write(HistoryExport.write(rows), rows.rows().size() + " history rows of " + rows.source());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
