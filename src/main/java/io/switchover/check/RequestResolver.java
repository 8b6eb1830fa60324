package io.switchover.check;

import io.switchover.SwitchoverException;
import io.switchover.config.ConfigReader;
import io.switchover.config.ServiceConfig;
import io.switchover.config.SwitchoverConfig;
import io.switchover.config.VersionSource;
import io.switchover.migrations.HistoryTable;
import io.switchover.migrations.ProductionHistory;
import io.switchover.patterns.jpa.PhysicalNaming;
import io.switchover.production.HistorySource;
import io.switchover.production.ProductionVersions;
import io.switchover.replay.ReplayEngine;
import io.switchover.rules.DeploymentOrder;
import io.switchover.rules.RuleSet;
import io.switchover.rules.RuleSettings;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;
import io.switchover.snapshot.GitRepository;
import io.switchover.snapshot.Snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves what the user asked for (options over {@code switchover.yml}) into snapshots, production's history and
 * services. Holds the git repositories it opened until closed.
 */
public final class RequestResolver implements AutoCloseable {
    private static final String PLACEHOLDER_VARIABLE = "FLYWAY_PLACEHOLDERS_";

    private final CheckOptions options;
    private final Map<Path, GitRepository> repositories = new LinkedHashMap<>();
    private final ProductionVersions versions;
    private Optional<SwitchoverConfig> config;

    public RequestResolver(CheckOptions options) {
        this.options = options;
        this.versions = new ProductionVersions(options.productionTimeout());
    }

    /** The configuration: {@code --config}, else {@code switchover.yml} in the repository or working directory. */
    public Optional<SwitchoverConfig> config() {
        if (config == null) {
            if (options.config().isPresent()) {
                Path file = options.workingDirectory().resolve(options.config().get());
                if (!Files.isRegularFile(file)) {
                    throw SwitchoverException.badInput("--config " + options.config().get() + " does not exist");
                }
                config = Optional.of(new ConfigReader().read(file));
            } else {
                Path folder = options.repository().map(options.workingDirectory()::resolve)
                        .orElse(options.workingDirectory());
                Path file = folder.resolve(ConfigReader.FILE_NAME);
                config = Files.isRegularFile(file) ? Optional.of(new ConfigReader().read(file)) : Optional.empty();
            }
        }
        return config;
    }

    public CheckRequest resolve(ReplayEngine engine, Severity failOn) {
        Path migrationsRepository = options.repository().map(options.workingDirectory()::resolve)
                .or(() -> config().map(SwitchoverConfig::migrationsRepository))
                .orElse(options.workingDirectory());
        Snapshot candidate = options.candidate().map(value -> snapshot(value, "--candidate", migrationsRepository))
                .orElseGet(() -> defaultCandidate(migrationsRepository));
        Optional<Snapshot> explicitProduction = options.production()
                .map(value -> snapshot(value, "--prod", migrationsRepository));

        List<ServiceToCheck> services = new ArrayList<>();
        Optional<Snapshot> productionMigrations = explicitProduction;
        if (config().isPresent() && !config().get().services().isEmpty()) {
            for (ServiceConfig service : config().get().services()) {
                boolean ownsMigrations = service.ownsMigrations().orElseGet(() ->
                        sameFolder(service.repository(), migrationsRepository)
                                && !(service.production().orElse(null) instanceof VersionSource.Directory));
                Snapshot running = ownsMigrations && explicitProduction.isPresent() ? explicitProduction.get()
                        : service.production().map(source -> versions.snapshot(service.name(), source,
                        () -> repository(service.repository()))).orElseThrow(() -> SwitchoverException.badInput(
                        config().get().file().getFileName() + ": service " + service.name() + " has no production"
                                + " version; give production: ref, tag or endpoint, or --prod"));
                if (ownsMigrations && productionMigrations.isEmpty()) {
                    productionMigrations = Optional.of(running);
                }
                List<String> sources = options.sources().isEmpty() ? service.sources() : options.sources();
                List<Path> captured = new ArrayList<>(service.capturedSql());
                if (ownsMigrations) {
                    options.capturedSql().forEach(file -> captured.add(options.workingDirectory().resolve(file)));
                }
                services.add(new ServiceToCheck(service.name(), running,
                        ownsMigrations ? Optional.of(candidate) : Optional.empty(), sources, List.copyOf(captured)));
            }
        } else {
            Snapshot running = explicitProduction.orElseThrow(() -> SwitchoverException.badInput(
                    "--prod is required (a directory or git:<ref>), or a switchover.yml that names the services"));
            services.add(new ServiceToCheck(ServiceNames.guess(running), running, Optional.of(candidate),
                    options.sources(), options.capturedSql().stream().map(options.workingDirectory()::resolve).toList()));
        }
        if (productionMigrations.isEmpty()) {
            productionMigrations = config().flatMap(SwitchoverConfig::productionMigrations)
                    .map(source -> versions.snapshot("the migrations", source, () -> repository(migrationsRepository)));
        }
        Optional<ProductionHistory> history = history();
        if (productionMigrations.isEmpty() && history.isEmpty()) {
            throw SwitchoverException.badInput("production's migrations are unknown: give --prod, --prod-history, or"
                    + " production: in switchover.yml");
        }
        List<String> locations = !options.migrations().isEmpty() ? options.migrations()
                : config().map(SwitchoverConfig::locations).orElse(List.of());
        for (ServiceToCheck service : services) {
            for (Path file : service.capturedSql()) {
                if (!Files.isRegularFile(file)) {
                    throw SwitchoverException.badInput("captured SQL file " + file + " of " + service.name()
                            + " does not exist");
                }
            }
        }
        return new CheckRequest(new ProductionMigrations(productionMigrations, history), candidate, locations,
                placeholders(), List.copyOf(services), engine, failOn, order(), naming(), ruleSettings());
    }

    private Optional<ProductionHistory> history() {
        Optional<String> source = options.productionHistory().or(() -> config().flatMap(SwitchoverConfig::history));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        HistoryTable table = historyTable();
        return Optional.of(new HistorySource(options.environment(), options.passwordFile(), options.productionTimeout())
                .read(source.get(), table, options.workingDirectory()));
    }

    /** Where production keeps its history, from the options or the configuration; plain names only. */
    public HistoryTable historyTable() {
        String schema = options.historySchema().map(name -> HistoryTable.requirePlain(name, "--history-schema"))
                .or(() -> config().flatMap(SwitchoverConfig::historySchema).map(name -> HistoryTable.requirePlain(name,
                        config().get().file().getFileName() + ": production.history-schema")))
                .orElse(null);
        String table = options.historyTable().map(name -> HistoryTable.requirePlain(name, "--history-table"))
                .or(() -> config().flatMap(SwitchoverConfig::historyTable).map(name -> HistoryTable.requirePlain(name,
                        config().get().file().getFileName() + ": production.history-table")))
                .orElse(HistoryTable.defaults().table());
        return new HistoryTable(schema, table);
    }

    private RuleSettings ruleSettings() {
        return config().map(c -> RuleSettings.of(c.rules(), RuleSet.standard(), c.file().getFileName().toString()))
                .orElse(RuleSettings.defaults());
    }

    /** A snapshot named on the command line: a directory, or git:<ref> of --repo (default the working directory). */
    public Snapshot snapshotAt(String value) {
        return snapshot(value, "--at", repositoryFolder());
    }

    /** What the user has in front of them: the working tree of --repo, or the working directory. */
    public Snapshot workingSnapshot() {
        Path folder = repositoryFolder();
        boolean checkout = Files.exists(folder.resolve(".git"));
        return checkout ? repository(folder).workingTree() : DirectorySnapshot.of(folder);
    }

    /** The version of a configured service that production runs. */
    public Snapshot productionOf(ServiceConfig service) {
        return service.production().map(source -> versions.snapshot(service.name(), source,
                () -> repository(service.repository()))).orElseThrow(() -> SwitchoverException.badInput(
                "service " + service.name() + " has no production version in switchover.yml; pass --at"));
    }

    private Path repositoryFolder() {
        return options.repository().map(options.workingDirectory()::resolve)
                .or(() -> config().map(SwitchoverConfig::migrationsRepository))
                .orElse(options.workingDirectory());
    }

    public PhysicalNaming naming() {
        return "as-is".equals(config().flatMap(SwitchoverConfig::naming).orElse("spring"))
                ? PhysicalNaming.AS_IS : PhysicalNaming.SPRING;
    }

    private DeploymentOrder order() {
        String order = options.order().or(() -> config().flatMap(SwitchoverConfig::order)).orElse("migrate-first");
        return switch (order) {
            case "migrate-first" -> DeploymentOrder.MIGRATE_FIRST;
            case "code-first" -> DeploymentOrder.CODE_FIRST;
            default -> throw SwitchoverException.badInput("unknown --order '" + order + "'; use migrate-first or code-first");
        };
    }

    /** The project's placeholders from switchover.yml, overridden by Flyway's own environment variables. */
    private Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>(config().map(SwitchoverConfig::placeholders).orElse(Map.of()));
        options.environment().forEach((name, value) -> {
            if (name.startsWith(PLACEHOLDER_VARIABLE) && name.length() > PLACEHOLDER_VARIABLE.length()) {
                values.put(name.substring(PLACEHOLDER_VARIABLE.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        return values;
    }

    private Snapshot snapshot(String value, String option, Path repository) {
        if (value.startsWith("git:")) {
            String ref = value.substring("git:".length());
            if (ref.isBlank()) {
                throw SwitchoverException.badInput(option + " git: needs a ref, e.g. git:main or git:v1.2.0");
            }
            return repository(repository).at(ref);
        }
        return DirectorySnapshot.of(options.workingDirectory().resolve(value));
    }

    private Snapshot defaultCandidate(Path repository) {
        if (!Files.isDirectory(repository.resolve(".git")) && !Files.isRegularFile(repository.resolve(".git"))) {
            if (Files.isDirectory(repository) && Files.exists(repository.resolve("HEAD"))) {
                return repository(repository).at("HEAD");
            }
            throw SwitchoverException.badInput("--candidate is required (a directory or git:<ref>) outside a git"
                    + " checkout");
        }
        return repository(repository).workingTree();
    }

    private GitRepository repository(Path path) {
        Path key = canonical(path);
        return repositories.computeIfAbsent(key, GitRepository::open);
    }

    private static boolean sameFolder(Path a, Path b) {
        return canonical(a).equals(canonical(b));
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    @Override
    public void close() {
        repositories.values().forEach(GitRepository::close);
    }
}
