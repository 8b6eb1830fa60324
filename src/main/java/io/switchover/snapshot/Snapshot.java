package io.switchover.snapshot;

import java.util.List;

/**
 * All files of the system at one version. Paths are relative to the snapshot root and always use '/'. Nothing outside
 * the root is ever listed or read: not through a symbolic link, not through a path with {@code ..}.
 */
public interface Snapshot {

    /** A short name for reports, such as the directory name or the git ref. */
    String name();

    /** Every regular file of the snapshot, sorted; at most {@link SnapshotLimits#MAX_FILES}. */
    List<String> files();

    /**
     * The text of one listed file, with a note when it was not valid UTF-8.
     *
     * @throws UnreadableFile when it cannot be read (permission denied, over {@link SnapshotLimits#MAX_FILE_BYTES},
     *                        a path that leaves the snapshot)
     */
    FileText readFile(String path);

    /** The text of one file (see {@link #readFile}). */
    default String read(String path) {
        return readFile(path).text();
    }

    /** What the listing left out and why, such as symbolic links that point outside the snapshot. */
    default List<SkippedFile> skipped() {
        return List.of();
    }

    /** This snapshot without some of its files: a version of it in which they were never written. */
    default Snapshot without(java.util.Set<String> paths) {
        Snapshot all = this;
        List<String> kept = files().stream().filter(f -> !paths.contains(f)).toList();
        return new Snapshot() {
            @Override
            public String name() {
                return all.name();
            }

            @Override
            public List<String> files() {
                return kept;
            }

            @Override
            public FileText readFile(String path) {
                if (paths.contains(path)) {
                    throw io.switchover.SwitchoverException.badInput(path + " is not in " + name());
                }
                return all.readFile(path);
            }

            @Override
            public List<SkippedFile> skipped() {
                return all.skipped();
            }

            @Override
            public java.util.Optional<String> commit() {
                return all.commit();
            }
        };
    }

    /** The commit a git snapshot was read at (full id); empty for a directory. */
    default java.util.Optional<String> commit() {
        return java.util.Optional.empty();
    }

    /** Whether the snapshot has files under the folder; false for a folder that would leave the snapshot. */
    default boolean isDirectory(String path) {
        if (SnapshotPaths.leavesSnapshot(path)) {
            return false;
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        return files().stream().anyMatch(f -> f.startsWith(prefix));
    }

    /** The files under a folder (recursively), or all files for an empty folder; none for one that leaves it. */
    default List<String> filesUnder(String folder) {
        if (folder.isEmpty() || folder.equals(".")) {
            return files();
        }
        if (SnapshotPaths.leavesSnapshot(folder)) {
            return List.of();
        }
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return files().stream().filter(f -> f.startsWith(prefix)).toList();
    }
}
