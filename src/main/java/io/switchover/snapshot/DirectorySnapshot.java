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
    private List<String> files;

    private DirectorySnapshot(Path root) {
        this.root = root;
    }

    public static DirectorySnapshot of(Path root) {
        if (!Files.isDirectory(root)) {
            throw SwitchoverException.badInput("snapshot directory " + root + " does not exist; pass a directory or git:<ref>");
        }
        return new DirectorySnapshot(root.toAbsolutePath().normalize());
    }

    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return root.getFileName() == null ? root.toString() : root.getFileName().toString();
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
