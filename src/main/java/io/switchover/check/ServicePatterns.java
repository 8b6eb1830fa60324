package io.switchover.check;

import io.switchover.SwitchoverException;
import io.switchover.config.ServiceConfig;
import io.switchover.config.SwitchoverConfig;
import io.switchover.migrations.MigrationFolders;
import io.switchover.migrations.MigrationReader;
import io.switchover.migrations.MigrationSet;
import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.snapshot.Snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements one service version issues, as {@code switchover patterns} lists them: those of its source outside
 * its migration folders ({@link MigrationFolders}) and those captured from production.
 *
 * @param service the service: as switchover.yml names it, else guessed from the version's files
 * @param version the name of the snapshot read
 * @param result  what its source and the captured SQL hold
 */
public record ServicePatterns(String service, String version, ExtractionResult result) {

    /**
     * Reads the version {@code at} names (a directory or {@code git:<ref>}), else the configured service's production
     * version, else the working tree. The source roots are the options', else the configured service's; the captured
     * SQL is the configured service's and the options'.
     *
     * @param service a service of switchover.yml; empty for the only one, if it names exactly one
     */
    public static ServicePatterns of(CheckOptions options, Optional<String> service, Optional<String> at) {
        try (RequestResolver resolver = new RequestResolver(options)) {
            Optional<ServiceConfig> configured = configured(resolver, service);
            Snapshot snapshot = at.isPresent() ? resolver.snapshotAt(at.get())
                    : configured.map(resolver::productionOf).orElseGet(resolver::workingSnapshot);
            String name = configured.map(ServiceConfig::name).orElseGet(() -> ServiceNames.guess(snapshot));
            List<String> roots = !options.sources().isEmpty() ? options.sources()
                    : configured.map(ServiceConfig::sources).orElse(List.of());
            ServiceSourceScanner scanner = new ServiceSourceScanner(resolver.naming());
            List<ExtractionResult> parts = new ArrayList<>();
            List<String> locations = !options.migrations().isEmpty() ? options.migrations()
                    : resolver.config().map(SwitchoverConfig::locations).orElse(List.of());
            parts.add(scanner.scan(snapshot, roots, migrationsOf(snapshot, locations)));
            List<Path> captured = new ArrayList<>(configured.map(ServiceConfig::capturedSql).orElse(List.of()));
            options.capturedSql().forEach(file -> captured.add(options.workingDirectory().resolve(file)));
            captured.forEach(file -> parts.add(scanner.captured(file)));
            return new ServicePatterns(name, snapshot.name(), ExtractionResult.combine(parts));
        }
    }

    /**
     * What a check leaves out of the service's files, so that this lists what a check reads: the migration folders
     * Flyway reads and the Java migrations' sources; where the snapshot has no migrations Flyway finds, the
     * conventional migration folders.
     */
    public static List<String> migrationsOf(Snapshot snapshot, List<String> locations) {
        try {
            MigrationSet migrations = new MigrationReader().read(snapshot, locations);
            List<String> excluded = new ArrayList<>(migrations.locations());
            excluded.addAll(migrations.javaSources());
            return excluded;
        } catch (SwitchoverException e) {
            return MigrationFolders.of(snapshot);
        }
    }

    /** The service of switchover.yml named, or the only one when none is named. */
    private static Optional<ServiceConfig> configured(RequestResolver resolver, Optional<String> service) {
        List<ServiceConfig> services = resolver.config().map(SwitchoverConfig::services).orElse(List.of());
        if (service.isEmpty()) {
            return services.size() == 1 ? Optional.of(services.get(0)) : Optional.empty();
        }
        String wanted = service.get();
        return Optional.of(services.stream().filter(s -> s.name().equals(wanted)).findFirst()
                .orElseThrow(() -> SwitchoverException.badInput("no service named " + wanted + " in switchover.yml"
                        + (services.isEmpty() ? "" : "; it names " + String.join(", ",
                        services.stream().map(ServiceConfig::name).toList())))));
    }
}
