package io.switchover.migrations;

import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Flyway location as configured ({@code classpath:db/migration}, {@code filesystem:sql}, or a bare path, which
 * Flyway reads as a class path location) to folders of the snapshot. Spring Boot's {@code {vendor}} placeholder is
 * the replay engine's database ({@code postgresql}, or {@code mariadb} then {@code mysql}).
 */
final class FlywayLocations {
    static final String DEFAULT_VENDOR = "postgresql";

    private FlywayLocations() {
    }

    static List<String> toFolders(String location, Snapshot snapshot, String source) {
        return toFolders(location, snapshot, source, DEFAULT_VENDOR);
    }

    static List<String> toFolders(String location, Snapshot snapshot, String source, String vendor) {
        String trimmed = location.strip();
        if (trimmed.startsWith("filesystem:")) {
            return List.of(withVendor(MigrationLocations.normalize(trimmed), snapshot, vendor));
        }
        String classpath = trimmed.startsWith("classpath:") ? trimmed.substring("classpath:".length()) : trimmed;
        classpath = MigrationLocations.normalize(classpath.startsWith("/") ? classpath.substring(1) : classpath);
        List<String> folders = new ArrayList<>();
        String moduleDir = source.contains("/src/main/resources/")
                ? source.substring(0, source.indexOf("/src/main/resources/") + 1) : "";
        for (String candidate : vendors(classpath, vendor)) {
            String resources = "src/main/resources/" + candidate;
            for (String folder : List.of(moduleDir + resources, resources, candidate)) {
                if (MigrationLocations.exists(snapshot, folder) && !folders.contains(folder)) {
                    folders.add(folder);
                    return folders;
                }
            }
        }
        folders.add(moduleDir + "src/main/resources/" + vendors(classpath, vendor).get(0));
        return folders;
    }

    /** A location's {@code {vendor}} replaced by each name the engine's database goes by. */
    static List<String> vendors(String location, String vendor) {
        if (!location.contains("{vendor}")) {
            return List.of(location);
        }
        List<String> names = vendor.equals("mariadb") ? List.of("mariadb", "mysql") : List.of(vendor);
        return names.stream().map(name -> location.replace("{vendor}", name)).toList();
    }

    private static String withVendor(String folder, Snapshot snapshot, String vendor) {
        List<String> candidates = vendors(folder, vendor);
        return candidates.stream().filter(f -> MigrationLocations.exists(snapshot, f)).findFirst()
                .orElse(candidates.get(0));
    }
}
