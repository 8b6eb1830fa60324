package io.switchover.migrations;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.Snapshot;
import io.switchover.snapshot.SnapshotPaths;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the folders of a snapshot that hold its Flyway migrations. */
public final class MigrationLocations {
    private static final List<String> CONVENTIONAL = List.of("db/migration", "src/main/resources/db/migration");

    private MigrationLocations() {
    }

    /**
     * The explicit locations when given (each must exist), else the conventional {@code db/migration} folders, else
     * any folder of the snapshot whose path ends in {@code db/migration} (multi-module builds).
     */
    public static List<String> find(Snapshot snapshot, List<String> explicit) {
        if (!explicit.isEmpty()) {
            List<String> locations = new ArrayList<>();
            for (String location : explicit) {
                String folder = normalize(location);
                if (SnapshotPaths.leavesSnapshot(folder)) {
                    throw SwitchoverException.badInput("migration folder '" + location + "' leaves the snapshot;"
                            + " --migrations takes a folder inside it, relative to its root");
                }
                if (!snapshot.isDirectory(folder)) {
                    throw SwitchoverException.badInput("migration folder '" + location + "' does not exist in "
                            + snapshot.name() + "; --migrations takes a folder relative to the snapshot root");
                }
                locations.add(folder);
            }
            return List.copyOf(locations);
        }
        List<String> conventional = CONVENTIONAL.stream().filter(snapshot::isDirectory).toList();
        if (!conventional.isEmpty()) {
            return conventional;
        }
        Set<String> nested = new LinkedHashSet<>();
        for (String file : snapshot.files()) {
            int at = file.lastIndexOf("/db/migration/");
            if (at >= 0) {
                nested.add(file.substring(0, at) + "/db/migration");
            }
        }
        if (nested.isEmpty()) {
            throw SwitchoverException.badInput("no Flyway migrations found in " + snapshot.name()
                    + " (looked for db/migration and src/main/resources/db/migration); name the folder with --migrations");
        }
        return List.copyOf(nested);
    }

    static String normalize(String location) {
        String folder = location.replace('\\', '/');
        if (folder.startsWith("filesystem:")) {
            folder = folder.substring("filesystem:".length());
        }
        while (folder.startsWith("./")) {
            folder = folder.substring(2);
        }
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        return folder;
    }
}
