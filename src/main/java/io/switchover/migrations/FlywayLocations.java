package io.switchover.migrations;

import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Flyway location as configured ({@code classpath:db/migration}, {@code filesystem:sql}, or a bare path, which
 * Flyway reads as a class path location) to folders of the snapshot.
 */
final class FlywayLocations {
    private FlywayLocations() {
    }

    static List<String> toFolders(String location, Snapshot snapshot, String source) {
        String trimmed = location.strip();
        if (trimmed.startsWith("filesystem:")) {
            return List.of(MigrationLocations.normalize(trimmed));
        }
        String classpath = trimmed.startsWith("classpath:") ? trimmed.substring("classpath:".length()) : trimmed;
        classpath = MigrationLocations.normalize(classpath.startsWith("/") ? classpath.substring(1) : classpath);
        // Spring Boot's {vendor} placeholder: the check replays on a PostgreSQL-like database.
        classpath = classpath.replace("{vendor}", "postgresql");
        List<String> folders = new ArrayList<>();
        String resources = "src/main/resources/" + classpath;
        String moduleDir = source.contains("/src/main/resources/")
                ? source.substring(0, source.indexOf("/src/main/resources/") + 1) : "";
        for (String candidate : List.of(moduleDir + resources, resources, classpath)) {
            if (snapshot.isDirectory(candidate) && !folders.contains(candidate)) {
                folders.add(candidate);
                break;
            }
        }
        if (folders.isEmpty()) {
            folders.add(moduleDir + resources);
        }
        return folders;
    }
}
