package io.switchover.snapshot;

import io.switchover.FileProblem;
import io.switchover.SwitchoverException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A snapshot that is a directory on disk. Version-control and build folders are left out; nothing outside the
 * directory is read, whatever a symbolic link inside it says (see {@link DirectoryListing}).
 */
public final class DirectorySnapshot implements Snapshot {
    private final Path root;
    private final Path realRoot;
    private final String name;
    private DirectoryListing listing;

    private DirectorySnapshot(Path root, Path realRoot, String name) {
        this.root = root;
        this.realRoot = realRoot;
        this.name = name;
    }

    public static DirectorySnapshot of(Path root) {
        Path normalized = root.toAbsolutePath().normalize();
        return of(root, normalized.getFileName() == null ? normalized.toString() : normalized.getFileName().toString());
    }

    /** A directory under a name of its own, such as "people (working tree)". */
    public static DirectorySnapshot of(Path root, String name) {
        if (!Files.isDirectory(root)) {
            throw SwitchoverException.badInput("snapshot directory " + root + " does not exist; pass a directory or git:<ref>");
        }
        try {
            return new DirectorySnapshot(root.toAbsolutePath().normalize(), root.toRealPath(), name);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot open snapshot directory " + root + ": " + FileProblem.describe(e));
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> files() {
        return listing().files();
    }

    @Override
    public List<SkippedFile> skipped() {
        return listing().skipped();
    }

    private synchronized DirectoryListing listing() {
        if (listing == null) {
            listing = DirectoryListing.of(realRoot, name);
        }
        return listing;
    }

    @Override
    public FileText readFile(String path) {
        if (SnapshotPaths.leavesSnapshot(path)) {
            throw new UnreadableFile(name, path, "the path leaves the snapshot");
        }
        try {
            // The real path, links resolved: what is checked below is what is read.
            Path file = listing().file(path).orElseGet(() -> root.resolve(path)).toRealPath();
            if (!file.startsWith(realRoot)) {
                throw new UnreadableFile(name, path, "a symbolic link that points outside the snapshot");
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new UnreadableFile(name, path, "not a regular file");
            }
            if (attributes.size() > SnapshotLimits.MAX_FILE_BYTES) {
                throw SnapshotLimits.tooLarge(name, path, attributes.size());
            }
            return FileText.decode(path, bytes(file, path, attributes.size()));
        } catch (NoSuchFileException e) {
            throw new UnreadableFile(name, path, "no such file");
        } catch (InvalidPathException e) {
            throw new UnreadableFile(name, path, "its name cannot be written in the platform's encoding (set LANG, e.g."
                    + " LANG=C.UTF-8)");
        } catch (IOException e) {
            throw new UnreadableFile(name, path, FileProblem.describe(e));
        }
    }

    /** The bytes, and never more than the bound: a file may grow after its size was read, or report none (procfs). */
    private byte[] bytes(Path file, String path, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = size > 0 ? in.readNBytes((int) size) : new byte[0];
            byte[] rest = in.readNBytes((int) (SnapshotLimits.MAX_FILE_BYTES - bytes.length) + 1);
            if (rest.length == 0) {
                return bytes;
            }
            if (bytes.length + rest.length > SnapshotLimits.MAX_FILE_BYTES) {
                throw SnapshotLimits.tooLarge(name, path, bytes.length + rest.length);
            }
            byte[] all = java.util.Arrays.copyOf(bytes, bytes.length + rest.length);
            System.arraycopy(rest, 0, all, bytes.length, rest.length);
            return all;
        }
    }
}
