package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.check.CheckOptions;
import io.switchover.check.RequestResolver;
import io.switchover.check.ServiceNames;
import io.switchover.config.ServiceConfig;
import io.switchover.config.SwitchoverConfig;
import io.switchover.migrations.MigrationFolders;
import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.report.PatternListWriter;
import io.switchover.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code switchover patterns}: lists the statements of a service version that {@code check} would probe. */
@Command(name = "patterns",
        mixinStandardHelpOptions = true,
        description = "Lists every SQL statement a service version issues, with its origin and extractor, a count per"
                + " extractor, and the SQL-looking places that could not be resolved.")
final class PatternsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "<name>", description = "A service of switchover.yml (default: the only one).")
    String service;

    @Option(names = "--at", paramLabel = "<snapshot>",
            description = "A directory or git:<ref>. Default: the service's production version from switchover.yml,"
                    + " else the working tree.")
    String at;

    @Option(names = "--repo", paramLabel = "<path>", description = "The git repository of git:<ref>.")
    Path repository;

    @Option(names = "--sources", paramLabel = "<path>", description = "Source roots (repeatable).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--captured-sql", paramLabel = "<file>", description = "Captured production SQL (repeatable).")
    List<Path> capturedSql = new ArrayList<>();

    @Option(names = "--config", paramLabel = "<file>", description = "The switchover.yml to use.")
    Path config;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw SwitchoverException.badInput("unknown --format '" + format + "'; use text or json");
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        CheckOptions options = CheckOptions.builder().repository(repository).sources(sources).config(config)
                .capturedSql(capturedSql).workingDirectory(workingDirectory).environment(System.getenv()).build();
        try (RequestResolver resolver = new RequestResolver(options)) {
            Optional<ServiceConfig> configured = configuredService(resolver);
            Snapshot snapshot = at != null ? resolver.snapshotAt(at)
                    : configured.map(resolver::productionOf).orElseGet(resolver::workingSnapshot);
            String name = configured.map(ServiceConfig::name).orElseGet(() -> ServiceNames.guess(snapshot));
            List<String> roots = !sources.isEmpty() ? sources : configured.map(ServiceConfig::sources).orElse(List.of());
            ServiceSourceScanner scanner = new ServiceSourceScanner(resolver.naming());
            List<ExtractionResult> parts = new ArrayList<>();
            parts.add(scanner.scan(snapshot, roots, MigrationFolders.of(snapshot)));
            List<Path> captured = new ArrayList<>(configured.map(ServiceConfig::capturedSql).orElse(List.of()));
            capturedSql.forEach(file -> captured.add(workingDirectory.resolve(file)));
            captured.forEach(file -> parts.add(scanner.captured(file)));
            ExtractionResult result = ExtractionResult.combine(parts);
            PatternListWriter writer = new PatternListWriter();
            spec.commandLine().getOut().print(format.equals("json") ? writer.json(name, snapshot.name(), result)
                    : writer.text(name, snapshot.name(), result));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private Optional<ServiceConfig> configuredService(RequestResolver resolver) {
        List<ServiceConfig> services = resolver.config().map(SwitchoverConfig::services).orElse(List.of());
        if (service == null) {
            return services.size() == 1 ? Optional.of(services.get(0)) : Optional.empty();
        }
        return Optional.of(services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> SwitchoverException.badInput("no service named " + service + " in switchover.yml"
                        + (services.isEmpty() ? "" : "; it names " + String.join(", ",
                        services.stream().map(ServiceConfig::name).toList())))));
    }
}
