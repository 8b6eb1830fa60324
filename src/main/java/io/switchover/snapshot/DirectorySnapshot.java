package io.switchover.snapshot;

import io.switchover.SwitchoverException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A snapshot that is a directory on disk. Version-control and build folders are left out. */
public final class DirectorySnapshot implements Snapshot {
    private static final List<String> SKIPPED_FOLDERS = List.of(".git", "target", "build", "node_modules", ".gradle", ".idea");

    private final Path root;
    private final String name;
    private List<String> files;

    private DirectorySnapshot(Path root, String name) {
        this.root = root;
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
        return new DirectorySnapshot(root.toAbsolutePath().normalize(), name);
    }

    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized List<String> files() {
        if (files == null) {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile)
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(DirectorySnapshot::notSkipped)
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return files;
    }

    private static boolean notSkipped(String relative) {
        for (String segment : relative.split("/")) {
            if (SKIPPED_FOLDERS.contains(segment)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String read(String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot read " + root.resolve(path) + ": " + e.getMessage());
        }
    }
}
