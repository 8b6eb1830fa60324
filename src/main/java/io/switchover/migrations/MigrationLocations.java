package io.switchover.migrations;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.Snapshot;
import io.switchover.snapshot.SnapshotPaths;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the folders of a snapshot that hold its Flyway migrations: SQL files, or (a location being also a package)
 * Java and Kotlin migration classes in its source.
 */
public final class MigrationLocations {
    private static final List<String> CONVENTIONAL = List.of("db/migration", "src/main/resources/db/migration");

    private MigrationLocations() {
    }

    /**
     * The folders found for the locations, and the locations this snapshot lacks. As Flyway with
     * {@code failOnMissingLocations=false}, a missing location holds no migrations; it is not an error.
     *
     * @param locations as given ({@code --migrations}, {@code switchover.yml}): a folder relative to the snapshot
     *                  root, or {@code classpath:}/{@code filesystem:} locations, {@code {vendor}} included
     */
    public record Located(List<String> folders, List<String> missing) {
        public Located {
            folders = List.copyOf(folders);
            missing = List.copyOf(missing);
        }
    }

    /** The explicit locations, each taken as Flyway would take it; the snapshot need not have them all. */
    public static Located locate(Snapshot snapshot, List<String> locations, String vendor) {
        List<String> folders = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String location : locations) {
            String trimmed = location.strip();
            String bare = normalize(trimmed.startsWith("classpath:") ? trimmed.substring("classpath:".length()) : trimmed);
            if (SnapshotPaths.leavesSnapshot(bare)) {
                throw SwitchoverException.badInput("migration folder '" + location + "' leaves the snapshot;"
                        + " --migrations takes a folder inside it, relative to its root");
            }
            List<String> candidates;
            if (trimmed.startsWith("classpath:")) {
                candidates = FlywayLocations.toFolders(trimmed, snapshot, "", vendor);
            } else {
                // a folder relative to the snapshot root, as --migrations documents; else read as Flyway reads a bare
                // location, on the class path
                candidates = new ArrayList<>(FlywayLocations.vendors(normalize(trimmed), vendor));
                candidates.addAll(FlywayLocations.toFolders(trimmed, snapshot, "", vendor));
            }
            String found = candidates.stream().filter(folder -> exists(snapshot, folder)).findFirst().orElse(null);
            if (found == null) {
                missing.add(location);
            } else if (!folders.contains(found)) {
                folders.add(found);
            }
        }
        return new Located(folders, missing);
    }

    /**
     * The explicit locations when given, else the conventional {@code db/migration} folders, else any folder of the
     * snapshot whose path ends in {@code db/migration} (multi-module builds; Java sources too, not tests).
     */
    public static List<String> find(Snapshot snapshot, List<String> explicit) {
        if (!explicit.isEmpty()) {
            return locate(snapshot, explicit, FlywayLocations.DEFAULT_VENDOR).folders();
        }
        return conventional(snapshot);
    }

    static List<String> conventional(Snapshot snapshot) {
        List<String> conventional = CONVENTIONAL.stream().filter(folder -> exists(snapshot, folder)).toList();
        if (!conventional.isEmpty()) {
            return conventional;
        }
        Set<String> nested = new LinkedHashSet<>();
        for (String file : snapshot.files()) {
            int at = file.lastIndexOf("/db/migration/");
            if (at >= 0 && !SnapshotPaths.isTestSource(file)) {
                nested.add(file.substring(0, at) + "/db/migration");
            }
        }
        return List.copyOf(nested);
    }

    /** Whether a location folder holds anything for Flyway: files, or migration classes of its package. */
    static boolean exists(Snapshot snapshot, String folder) {
        return snapshot.isDirectory(folder) || JavaMigrationFinder.hasClassesFor(snapshot, folder);
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
