package io.switchover.check;

import io.switchover.SwitchoverException;
import io.switchover.config.ConfigKeys;
import io.switchover.config.ConfigMerge;
import io.switchover.config.ConfigPlace;
import io.switchover.config.ConfigReader;
import io.switchover.config.ServiceConfig;
import io.switchover.config.SwitchoverConfig;
import io.switchover.config.TrustBoundary;
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
 * services. Two configuration files may take part: the pipeline's, named with {@code --config} and lying outside the
 * candidate's tree, and the repository's ({@code switchover.yml} in {@code --repo} or the working directory, or a
 * {@code --config} inside the candidate's tree). The pipeline's wins; the repository's may say nothing that reaches
 * production unless the user trusts it ({@link TrustBoundary}). Holds the git repositories it opened until closed.
 */
public final class RequestResolver implements AutoCloseable {
    private static final String PLACEHOLDER_VARIABLE = "FLYWAY_PLACEHOLDERS_";

    private final CheckOptions options;
    private final Map<Path, GitRepository> repositories = new LinkedHashMap<>();
    private final ProductionVersions versions;
    private ConfigFiles files;

    /**
     * The configuration files of a run and the boundary between what the pipeline and the candidate may say.
     *
     * @param merged the pipeline's over the repository's, or whichever of them exists
     */
    private record ConfigFiles(Optional<SwitchoverConfig> pipeline, Optional<SwitchoverConfig> repository,
                               Optional<SwitchoverConfig> merged, TrustBoundary boundary) {
    }

    public RequestResolver(CheckOptions options) {
        this.options = options;
        this.versions = new ProductionVersions(options.productionTimeout());
    }

    /** The configuration: the pipeline's file over the repository's, or whichever of them there is. */
    public Optional<SwitchoverConfig> config() {
        return files().merged();
    }

    private ConfigFiles files() {
        if (files == null) {
            ConfigReader reader = new ConfigReader();
            Optional<SwitchoverConfig> named = options.config().map(given -> {
                Path file = options.workingDirectory().resolve(given);
                if (!Files.isRegularFile(file)) {
                    throw SwitchoverException.badInput("--config " + given + " does not exist");
                }
                return reader.read(file);
            });
            TrustBoundary boundary = new TrustBoundary(candidateTree(named), options.trustRepoConfig());
            Optional<SwitchoverConfig> pipeline = named.filter(config -> !boundary.insideTree(config.file()));
            Optional<SwitchoverConfig> repository = named.filter(config -> boundary.insideTree(config.file()));
            if (repository.isEmpty()) {
                Path discovered = discoveryFolder().resolve(ConfigReader.FILE_NAME);
                if (Files.isRegularFile(discovered)
                        && !(named.isPresent() && samePath(named.get().file(), discovered))) {
                    repository = Optional.of(reader.read(discovered));
                }
            }
            Optional<SwitchoverConfig> merged = pipeline.isPresent() && repository.isPresent()
                    ? Optional.of(ConfigMerge.merge(pipeline.get(), repository.get()))
                    : pipeline.isPresent() ? pipeline : repository;
            files = new ConfigFiles(pipeline, repository, merged, boundary);
        }
        return files;
    }

    /**
     * The folder the candidate is read from: the {@code --candidate} directory, else the repository whose commit or
     * working tree it is ({@code --repo}, else the named file's {@code migrations.repository}, else the working
     * directory).
     */
    private Path candidateTree(Optional<SwitchoverConfig> named) {
        Optional<String> candidate = options.candidate();
        if (candidate.isPresent() && !candidate.get().startsWith("git:")) {
            return options.workingDirectory().resolve(candidate.get()).normalize();
        }
        return options.repository().map(options.workingDirectory()::resolve)
                .or(() -> named.flatMap(SwitchoverConfig::migrationsRepository))
                .orElse(options.workingDirectory());
    }

    /** Where the repository's own switchover.yml is looked for. */
    private Path discoveryFolder() {
        return options.repository().map(options.workingDirectory()::resolve).orElse(options.workingDirectory());
    }

    public CheckRequest resolve(ReplayEngine engine, Severity failOn) {
        ConfigFiles files = files();
        files.repository().ifPresent(files.boundary()::check);
        Path migrationsRepository = repositoryFolder();
        Snapshot candidate = options.candidate().map(value -> snapshot(value, "--candidate", migrationsRepository))
                .orElseGet(() -> defaultCandidate(migrationsRepository));
        Optional<Snapshot> explicitProduction = options.production()
                .map(value -> snapshot(value, "--prod", migrationsRepository));

        List<String> provenance = new ArrayList<>();
        List<ServiceToCheck> services = new ArrayList<>();
        Optional<Snapshot> productionMigrations = explicitProduction;
        if (config().isPresent() && !config().get().services().isEmpty()) {
            for (ServiceConfig service : config().get().services()) {
                Path repository = service.repository().orElse(migrationsRepository);
                boolean ownsMigrations = service.ownsMigrations().orElseGet(() ->
                        samePath(repository, migrationsRepository)
                                && !(service.production().orElse(null) instanceof VersionSource.Directory));
                boolean fromOption = ownsMigrations && explicitProduction.isPresent();
                Snapshot running = fromOption ? explicitProduction.get() : productionOf(service);
                provenance.add("production: " + service.name() + " runs " + (fromOption ? options.production().get()
                        : version(running, service.production())) + " (from "
                        + (fromOption ? "--prod" : where(ConfigKeys.serviceProduction(service.name()))) + ")");
                if (ownsMigrations && productionMigrations.isEmpty()) {
                    productionMigrations = Optional.of(running);
                }
                List<String> sources = options.sources().isEmpty() ? service.sources() : options.sources();
                List<Path> captured = new ArrayList<>(service.capturedSql());
                captured.forEach(file -> provenance.add("production: " + service.name() + " sent " + shown(file)
                        + " (from " + where(ConfigKeys.serviceCapturedSql(service.name())) + ")"));
                if (ownsMigrations) {
                    options.capturedSql().forEach(file -> {
                        captured.add(options.workingDirectory().resolve(file));
                        provenance.add("production: " + service.name() + " sent " + file + " (from --captured-sql)");
                    });
                }
                services.add(new ServiceToCheck(service.name(), running,
                        ownsMigrations ? Optional.of(candidate) : Optional.empty(), sources, List.copyOf(captured),
                        service.repository().filter(r -> !samePath(r, migrationsRepository))
                                .map(r -> r.getFileName().toString())));
            }
        } else {
            Snapshot running = explicitProduction.orElseThrow(() -> SwitchoverException.badInput(
                    "--prod is required (a directory or git:<ref>), or a switchover.yml that names the services"));
            ServiceToCheck service = new ServiceToCheck(ServiceNames.guess(running), running, Optional.of(candidate),
                    options.sources(), options.capturedSql().stream().map(options.workingDirectory()::resolve).toList());
            services.add(service);
            provenance.add("production: " + service.name() + " runs " + options.production().get() + " (from --prod)");
            options.capturedSql().forEach(file -> provenance.add("production: " + service.name() + " sent " + file
                    + " (from --captured-sql)"));
        }
        if (productionMigrations.isEmpty() && config().flatMap(SwitchoverConfig::productionMigrations).isPresent()) {
            requireTrusted(ConfigKeys.PRODUCTION);
            productionMigrations = config().flatMap(SwitchoverConfig::productionMigrations)
                    .map(source -> versions.snapshot("the migrations", source, () -> repository(migrationsRepository)));
            provenance.add("production: the migrations of " + version(productionMigrations.get(),
                    config().flatMap(SwitchoverConfig::productionMigrations)) + " (from " + where(ConfigKeys.PRODUCTION)
                    + ")");
        }
        Optional<ProductionHistory> history = history();
        if (productionMigrations.isEmpty() && history.isEmpty()) {
            throw SwitchoverException.badInput("production's migrations are unknown: give --prod, --prod-history, or"
                    + " production: in the pipeline's switchover.yml");
        }
        history.ifPresent(read -> provenance.add(historyProvenance(read)));
        List<String> locations = !options.migrations().isEmpty() ? options.migrations()
                : config().map(SwitchoverConfig::locations).orElse(List.of());
        requireCapturedSqlExists(services);
        // The plain check of two snapshots has one fact about production, --prod, and its headline names it.
        boolean worthSaying = config().isPresent() || history.isPresent() || !options.capturedSql().isEmpty();
        return new CheckRequest(new ProductionMigrations(productionMigrations, history), candidate, locations,
                placeholders(), List.copyOf(services), engine, failOn, order(), naming(), ruleSettings(),
                worthSaying ? List.copyOf(provenance) : List.of(), classpaths());
    }

    /** Refuses a captured SQL file of a service that is not there. */
    private static void requireCapturedSqlExists(List<ServiceToCheck> services) {
        for (ServiceToCheck service : services) {
            for (Path file : service.capturedSql()) {
                if (!Files.isRegularFile(file)) {
                    throw SwitchoverException.badInput("captured SQL file " + file + " of " + service.name()
                            + " does not exist");
                }
            }
        }
    }

    /**
     * The built artifacts whose Java migrations the replay runs: the options, else the configuration (the
     * repository's may name only paths inside the tree).
     */
    private CheckRequest.Classpaths classpaths() {
        Optional<Path> candidate = options.classpath().map(options.workingDirectory()::resolve);
        if (candidate.isEmpty()) {
            requireTrusted(ConfigKeys.CLASSPATH);
            candidate = config().flatMap(SwitchoverConfig::classpath);
        }
        Optional<Path> production = options.prodClasspath().map(options.workingDirectory()::resolve);
        if (production.isEmpty()) {
            requireTrusted(ConfigKeys.PROD_CLASSPATH);
            production = config().flatMap(SwitchoverConfig::prodClasspath);
        }
        return new CheckRequest.Classpaths(candidate, production);
    }

    /**
     * The request with the versions {@code --states} records between production's and the candidate given to the
     * service promoted with the migrations, for the promotion plan.
     */
    public CheckRequest withRecordedStates(CheckRequest request, String spec) {
        ServiceToCheck promoted = request.services().stream().filter(s -> s.candidate().isPresent()).findFirst()
                .orElseThrow(() -> SwitchoverException.badInput("--states needs a service promoted with the"
                        + " migrations; none is"));
        List<String> folders = new ArrayList<>(request.migrations());
        folders.addAll(promoted.sources());
        if (request.migrations().isEmpty()) {
            folders.clear(); // the project's own locations: every commit may matter
        }
        Path repository = repositoryFolder();
        List<Snapshot> between = new RecordedStates(options.workingDirectory(),
                value -> snapshot(value, "--states", repository), () -> repository(repository))
                .between(spec, promoted.running(), promoted.candidate().get(), folders);
        List<ServiceToCheck> services = request.services().stream()
                .map(s -> s == promoted ? s.withIntermediates(between) : s).toList();
        return request.withServices(services);
    }

    /** Production's history, read now, from {@code --prod-history} or the configuration. */
    public Optional<ProductionHistory> history() {
        Optional<String> source = historySource();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(historyReader().read(source.get(), historyTable(), options.workingDirectory()));
    }

    /** Where production's history is: {@code --prod-history}, else the configuration (if it may say so). */
    public Optional<String> historySource() {
        if (options.productionHistory().isPresent()) {
            return options.productionHistory();
        }
        requireTrusted(ConfigKeys.HISTORY);
        return config().flatMap(SwitchoverConfig::history);
    }

    /** Production's schema, read now from the database its history is in (the same URL, login and table). */
    public io.switchover.migrations.ProductionSchema schema() {
        String source = historySource().orElseThrow(() -> SwitchoverException.badInput("--prod-history <jdbc-url>"
                + " is required"));
        return historyReader().readSchema(source, historyTable());
    }

    private HistorySource historyReader() {
        return new HistorySource(options.environment(), options.passwordFile(), options.productionTimeout());
    }

    private String historyProvenance(ProductionHistory history) {
        String from = options.productionHistory().isPresent() ? "--prod-history" : where(ConfigKeys.HISTORY);
        StringBuilder line = new StringBuilder("production: history ").append(history.source()).append(" (from ")
                .append(from);
        if (options.historySchema().isPresent() || config().flatMap(SwitchoverConfig::historySchema).isPresent()) {
            line.append("; schema from ").append(options.historySchema().isPresent() ? "--history-schema"
                    : where(ConfigKeys.HISTORY_SCHEMA));
        }
        if (options.historyTable().isPresent() || config().flatMap(SwitchoverConfig::historyTable).isPresent()) {
            line.append("; table from ").append(options.historyTable().isPresent() ? "--history-table"
                    : where(ConfigKeys.HISTORY_TABLE));
        }
        String source = options.productionHistory().orElseGet(() -> config().flatMap(SwitchoverConfig::history)
                .orElse(""));
        if (HistorySource.isDatabase(source)) {
            line.append("; read-only; ").append(historyReader().credentialsOrigin());
        }
        return line.append(")").toString();
    }

    /** Where production keeps its history, from the options or the configuration; plain names only. */
    public HistoryTable historyTable() {
        String schema = options.historySchema()
                .map(name -> HistoryTable.requirePlain(name, "--history-schema"))
                .or(() -> configured(ConfigKeys.HISTORY_SCHEMA, SwitchoverConfig::historySchema))
                .orElse(null);
        String table = options.historyTable()
                .map(name -> HistoryTable.requirePlain(name, "--history-table"))
                .or(() -> configured(ConfigKeys.HISTORY_TABLE, SwitchoverConfig::historyTable))
                .orElse(HistoryTable.defaults().table());
        return new HistoryTable(schema, table);
    }

    /** A history name from the configuration, refused if the repository's file may not give it or it is not plain. */
    private Optional<String> configured(String key, java.util.function.Function<SwitchoverConfig, Optional<String>> value) {
        requireTrusted(key);
        return config().flatMap(value).map(name -> HistoryTable.requirePlain(name,
                config().flatMap(c -> c.place(key)).map(ConfigPlace::toString).orElse(key)));
    }

    /** Refuses a production-reaching value of the repository's file, unless it is trusted or the pipeline's wins. */
    private void requireTrusted(String key) {
        ConfigFiles files = files();
        if (files.repository().isPresent()
                && files.merged().flatMap(c -> c.place(key)).equals(files.repository().get().place(key))) {
            files.boundary().requireTrusted(key, files.repository().get());
        }
    }

    /** Where a value of the configuration came from, for the report. */
    private String where(String key) {
        Optional<ConfigPlace> place = config().flatMap(c -> c.place(key));
        if (place.isEmpty()) {
            return "switchover.yml";
        }
        boolean fromRepository = files().repository().flatMap(c -> c.place(key)).equals(place);
        return place.get().key() + " at " + shown(place.get().file()) + ":" + place.get().line()
                + (fromRepository ? ", the repository's switchover.yml, trusted with " + TrustBoundary.OPT_IN : "");
    }

    /** A production version as the report names it: a directory by its path, a git version by ref and commit. */
    private String version(Snapshot snapshot, Optional<VersionSource> source) {
        return source.filter(VersionSource.Directory.class::isInstance).map(VersionSource.Directory.class::cast)
                .map(directory -> shown(directory.path())).orElseGet(snapshot::name);
    }

    /** A path as short as it can be said: relative to the working directory when it lies inside it. */
    private String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path folder = options.workingDirectory().toAbsolutePath().normalize();
        return absolute.startsWith(folder) && !absolute.equals(folder) ? folder.relativize(absolute).toString()
                : absolute.toString();
    }

    /** The rules as configured; each file's are checked under its own name, then the pipeline's win. */
    private RuleSettings ruleSettings() {
        ConfigFiles files = files();
        files.repository().ifPresent(c -> RuleSettings.of(c.rules(), RuleSet.standard(), c.file().getFileName().toString()));
        files.pipeline().ifPresent(c -> RuleSettings.of(c.rules(), RuleSet.standard(), c.file().getFileName().toString()));
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

    /** The version of a configured service that production runs, if the file that says it may say so. */
    public Snapshot productionOf(ServiceConfig service) {
        requireTrusted(ConfigKeys.serviceProduction(service.name()));
        requireTrusted(ConfigKeys.serviceRepository(service.name()));
        Path repository = service.repository().orElseGet(this::repositoryFolder);
        return service.production().map(source -> versions.snapshot(service.name(), source,
                () -> repository(repository))).orElseThrow(() -> SwitchoverException.badInput(
                "service " + service.name() + " has no production version; give services: - name: " + service.name()
                        + " with production: in the pipeline's switchover.yml (--config), or --prod"));
    }

    /** The repository of git snapshots: --repo, else the configuration's migrations.repository, else here. */
    private Path repositoryFolder() {
        return options.repository().map(options.workingDirectory()::resolve)
                .or(() -> config().flatMap(SwitchoverConfig::migrationsRepository))
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

    private static boolean samePath(Path a, Path b) {
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
