package io.switchover.migrations;

import io.switchover.config.SpringProperties;
import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the Flyway configuration a project already has: {@code flyway.conf}, {@code flyway.toml}, or Spring Boot's
 * {@code spring.flyway.*} (or Spring Boot 1.x's {@code flyway.*}) in {@code application.properties}/{@code application.yml}.
 * The first file found wins, in
 * that order; a project normally has one of them.
 */
public final class FlywaySettingsReader {
    private static final List<String> CONF = List.of("flyway.conf", "conf/flyway.conf");
    private static final List<String> TOML = List.of("flyway.toml", "conf/flyway.toml");
    private static final List<String> SPRING = List.of("src/main/resources/application.properties",
            "src/main/resources/application.yml", "src/main/resources/application.yaml");
    /** Spring Boot 1.x's prefix first, so that Boot 2's, read last, overrides it. */
    private static final List<String> BOOT_PREFIXES = List.of("flyway.", "spring.flyway.");

    public FlywaySettings read(Snapshot snapshot) {
        return read(snapshot, FlywayLocations.DEFAULT_VENDOR);
    }

    /** @param vendor what Spring Boot's {@code {vendor}} in a location stands for: the replay engine's database */
    public FlywaySettings read(Snapshot snapshot, String vendor) {
        for (String path : CONF) {
            if (snapshot.files().contains(path)) {
                return fromKeys(SpringProperties.properties(path, snapshot.read(path)), "flyway.", path, snapshot, vendor);
            }
        }
        for (String path : TOML) {
            if (snapshot.files().contains(path)) {
                return fromKeys(TomlSubset.flatten(snapshot.read(path), path), "flyway.", path, snapshot, vendor);
            }
        }
        for (String path : springFiles(snapshot)) {
            Map<String, String> keys = SpringProperties.read(path, snapshot.read(path));
            Map<String, String> flyway = new LinkedHashMap<>();
            // Spring Boot 1.x bound the same settings under flyway.*; spring.flyway.* (Boot 2 and later) wins
            for (String springPrefix : BOOT_PREFIXES) {
                keys.forEach((key, value) -> {
                    if (key.startsWith(springPrefix)) {
                        flyway.put("flyway." + camel(key.substring(springPrefix.length())), value);
                    }
                });
            }
            if (!flyway.isEmpty()) {
                return fromKeys(flyway, "flyway.", path, snapshot, vendor);
            }
        }
        return FlywaySettings.defaults();
    }

    private static List<String> springFiles(Snapshot snapshot) {
        List<String> found = new ArrayList<>();
        for (String path : SPRING) {
            if (snapshot.files().contains(path)) {
                found.add(path);
            }
        }
        // Multi-module builds keep the service's resources in a module folder.
        for (String file : snapshot.files()) {
            for (String suffix : SPRING) {
                if (file.endsWith("/" + suffix) && !found.contains(file)) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static FlywaySettings fromKeys(Map<String, String> keys, String prefix, String source, Snapshot snapshot,
                                           String vendor) {
        FlywaySettings defaults = FlywaySettings.defaults();
        Map<String, String> placeholders = new LinkedHashMap<>();
        keys.forEach((key, value) -> {
            if (key.startsWith(prefix + "placeholders.")) {
                placeholders.put(key.substring((prefix + "placeholders.").length()), value);
            }
        });
        List<String> locations = new ArrayList<>();
        for (String location : list(keys.get(prefix + "locations"))) {
            locations.addAll(FlywayLocations.toFolders(location, snapshot, source, vendor));
        }
        return new FlywaySettings(
                List.copyOf(locations),
                Map.copyOf(placeholders),
                keys.getOrDefault(prefix + "placeholderPrefix", defaults.placeholderPrefix()),
                keys.getOrDefault(prefix + "placeholderSuffix", defaults.placeholderSuffix()),
                Boolean.parseBoolean(keys.getOrDefault(prefix + "placeholderReplacement", "true")),
                keys.getOrDefault(prefix + "table", defaults.table()),
                list(keys.get(prefix + "schemas")),
                keys.getOrDefault(prefix + "sqlMigrationPrefix", defaults.sqlMigrationPrefix()),
                keys.getOrDefault(prefix + "repeatableSqlMigrationPrefix", defaults.repeatableSqlMigrationPrefix()),
                keys.getOrDefault(prefix + "sqlMigrationSeparator", defaults.sqlMigrationSeparator()),
                keys.containsKey(prefix + "sqlMigrationSuffixes") ? list(keys.get(prefix + "sqlMigrationSuffixes"))
                        : defaults.sqlMigrationSuffixes(),
                Boolean.parseBoolean(keys.getOrDefault(prefix + "outOfOrder", "false")),
                Boolean.parseBoolean(keys.getOrDefault(prefix + "validateOnMigrate", "true")),
                source);
    }

    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Spring's relaxed binding: {@code sql-migration-prefix} and {@code sqlMigrationPrefix} mean the same. */
    static String camel(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String camel = out.toString();
        // placeholder names keep their spelling
        int dot = key.indexOf('.');
        if (key.startsWith("placeholders.") && dot > 0) {
            return "placeholders." + key.substring(dot + 1);
        }
        return camel;
    }
}
