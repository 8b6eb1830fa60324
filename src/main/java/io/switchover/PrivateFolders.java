package io.switchover;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folders that are the user's alone ({@code rwx------}), with the parents they need: the caches', whose baselines run
 * as SQL and whose entries the next check trusts; and their removal.
 */
public final class PrivateFolders {
    private PrivateFolders() {
    }

    /** Creates {@code folder} and its missing parents for the user alone; an existing folder is left as it is. */
    public static void create(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            create(parent);
        }
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by another check
        }
    }

    /**
     * Deletes {@code folder} and everything in it, as much of it as can be (the deepest first); a folder that is gone,
     * or null, is nothing to do. What cannot be deleted stays, for whoever cleans up next.
     */
    public static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // gone already, or another run removes it
        }
    }
}
