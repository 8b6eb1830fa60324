package io.switchover.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the pipeline's {@code switchover.yml} over the repository's: each value the pipeline's file gives wins;
 * services are matched by name, key by key; placeholders and rules are merged name by name. The merged places say
 * which file each value came from.
 */
public final class ConfigMerge {
    private final SwitchoverConfig pipeline;
    private final SwitchoverConfig repository;
    private final Map<String, ConfigPlace> places = new LinkedHashMap<>();

    private ConfigMerge(SwitchoverConfig pipeline, SwitchoverConfig repository) {
        this.pipeline = pipeline;
        this.repository = repository;
    }

    public static SwitchoverConfig merge(SwitchoverConfig pipeline, SwitchoverConfig repository) {
        return new ConfigMerge(pipeline, repository).merged();
    }

    private SwitchoverConfig merged() {
        Optional<Path> migrationsRepository = pick(pipeline.migrationsRepository(), repository.migrationsRepository(),
                ConfigKeys.MIGRATIONS_REPOSITORY);
        List<String> locations = pipeline.locations().isEmpty() ? repository.locations() : pipeline.locations();
        Optional<VersionSource> productionMigrations = pick(pipeline.productionMigrations(),
                repository.productionMigrations(), ConfigKeys.PRODUCTION);
        Optional<String> history = pick(pipeline.history(), repository.history(), ConfigKeys.HISTORY);
        Optional<String> historySchema = pick(pipeline.historySchema(), repository.historySchema(),
                ConfigKeys.HISTORY_SCHEMA);
        Optional<String> historyTable = pick(pipeline.historyTable(), repository.historyTable(),
                ConfigKeys.HISTORY_TABLE);
        Map<String, String> placeholders = new LinkedHashMap<>(repository.placeholders());
        placeholders.putAll(pipeline.placeholders());
        Map<String, String> rules = new LinkedHashMap<>(repository.rules());
        rules.putAll(pipeline.rules());
        Optional<Path> classpath = pick(pipeline.classpath(), repository.classpath(), ConfigKeys.CLASSPATH);
        Optional<Path> prodClasspath = pick(pipeline.prodClasspath(), repository.prodClasspath(),
                ConfigKeys.PROD_CLASSPATH);
        return new SwitchoverConfig(pipeline.file(), migrationsRepository, locations, productionMigrations, history,
                historySchema, historyTable, Map.copyOf(placeholders),
                pipeline.order().or(repository::order), pipeline.engine().or(repository::engine),
                pipeline.dialect().or(repository::dialect), pipeline.naming().or(repository::naming), services(),
                Map.copyOf(rules), Map.copyOf(places), classpath, prodClasspath);
    }

    /** The repository's services in its order, then those only the pipeline names. */
    private List<ServiceConfig> services() {
        Map<String, ServiceConfig> fromPipeline = new LinkedHashMap<>();
        pipeline.services().forEach(service -> fromPipeline.put(service.name(), service));
        List<ServiceConfig> merged = new ArrayList<>();
        for (ServiceConfig service : repository.services()) {
            ServiceConfig over = fromPipeline.remove(service.name());
            merged.add(over == null ? keep(service, repository) : merge(over, service));
        }
        fromPipeline.values().forEach(service -> merged.add(keep(service, pipeline)));
        return List.copyOf(merged);
    }

    private ServiceConfig merge(ServiceConfig over, ServiceConfig under) {
        String name = over.name();
        return new ServiceConfig(name,
                pick(over.repository(), under.repository(), ConfigKeys.serviceRepository(name)),
                over.sources().isEmpty() ? under.sources() : over.sources(),
                pick(over.production(), under.production(), ConfigKeys.serviceProduction(name)),
                over.ownsMigrations().or(under::ownsMigrations),
                pickList(over.capturedSql(), under.capturedSql(), ConfigKeys.serviceCapturedSql(name)));
    }

    private ServiceConfig keep(ServiceConfig service, SwitchoverConfig from) {
        for (String key : List.of(ConfigKeys.serviceRepository(service.name()),
                ConfigKeys.serviceProduction(service.name()), ConfigKeys.serviceCapturedSql(service.name()))) {
            from.place(key).ifPresent(place -> places.put(key, place));
        }
        return service;
    }

    private <T> Optional<T> pick(Optional<T> over, Optional<T> under, String key) {
        SwitchoverConfig from = over.isPresent() ? pipeline : repository;
        from.place(key).ifPresent(place -> places.put(key, place));
        return over.isPresent() ? over : under;
    }

    private List<Path> pickList(List<Path> over, List<Path> under, String key) {
        return pick(over.isEmpty() ? Optional.<List<Path>>empty() : Optional.of(over), Optional.of(under), key)
                .orElse(List.of());
    }
}
