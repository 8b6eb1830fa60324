package io.switchover.snapshot;

import java.util.List;

/**
 * All files of the system at one version. Paths are relative to the snapshot root and always use '/'.
 */
public interface Snapshot {

    /** A short name for reports, such as the directory name or the git ref. */
    String name();

    /** Every regular file of the snapshot, sorted. */
    List<String> files();

    /** The text of one file, read as UTF-8. */
    String read(String path);

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
            public String read(String path) {
                if (paths.contains(path)) {
                    throw io.switchover.SwitchoverException.badInput(path + " is not in " + name());
                }
                return all.read(path);
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

    default boolean isDirectory(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return files().stream().anyMatch(f -> f.startsWith(prefix));
    }

    /** The files under a folder (recursively), or all files for an empty folder. */
    default List<String> filesUnder(String folder) {
        if (folder.isEmpty() || folder.equals(".")) {
            return files();
        }
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return files().stream().filter(f -> f.startsWith(prefix)).toList();
    }
}
