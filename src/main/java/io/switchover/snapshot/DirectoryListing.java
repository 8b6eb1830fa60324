package io.switchover.snapshot;

import io.switchover.FileProblem;
import io.switchover.SwitchoverException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists a directory snapshot without ever leaving it: links are not followed by the walk; a link to a file inside
 * the snapshot is listed under its own name, any other link is skipped and said so. Version-control and build folders
 * are not entered at all, so that a {@code node_modules} of a hundred thousand files costs nothing.
 */
final class DirectoryListing extends SimpleFileVisitor<Path> {
    static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "build", "node_modules", ".gradle", ".idea");

    /** The snapshot's folder with every link resolved: a snapshot given as a link to a folder is that folder. */
    private final Path realRoot;
    private final String snapshot;
    private final int maxFiles;
    private final List<String> files = new ArrayList<>();
    /**
     * Each listed file as the walk found it. A name that is not valid in the platform's encoding (any non-ASCII name
     * where {@code LANG} is unset, as in many CI containers) turns into a string that no longer names the file: the
     * path the walk gave still does.
     */
    private final Map<String, Path> found = new HashMap<>();
    private final List<SkippedFile> skipped = new ArrayList<>();

    DirectoryListing(Path realRoot, String snapshot, int maxFiles) {
        this.realRoot = realRoot;
        this.snapshot = snapshot;
        this.maxFiles = maxFiles;
    }

    /** The walk of the whole snapshot; a folder that cannot be read is bad input naming it. */
    static DirectoryListing of(Path realRoot, String snapshot) {
        return of(realRoot, snapshot, SnapshotLimits.MAX_FILES);
    }

    static DirectoryListing of(Path realRoot, String snapshot, int maxFiles) {
        DirectoryListing listing = new DirectoryListing(realRoot, snapshot, maxFiles);
        try {
            Files.walkFileTree(realRoot, Set.of(), Integer.MAX_VALUE, listing);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot list " + realRoot + ": " + FileProblem.describe(e));
        }
        Collections.sort(listing.files);
        listing.skipped.sort(java.util.Comparator.comparing(SkippedFile::path));
        return listing;
    }

    List<String> files() {
        return List.copyOf(files);
    }

    List<SkippedFile> skipped() {
        return List.copyOf(skipped);
    }

    /** The file listed under a name, as the walk found it; empty for a name not listed. */
    Optional<Path> file(String relative) {
        return Optional.ofNullable(found.get(relative));
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (!dir.equals(realRoot) && SKIPPED_FOLDERS.contains(String.valueOf(dir.getFileName()))) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String relative = relative(file);
        if (attributes.isRegularFile()) {
            add(relative, file);
        } else if (attributes.isSymbolicLink()) {
            link(file, relative);
        } else {
            skipped.add(new SkippedFile(relative, "not a regular file (a pipe, socket or device)"));
        }
        return FileVisitResult.CONTINUE;
    }

    /** A folder or file whose entry cannot be read: what it holds is unknown, so the snapshot cannot be checked. */
    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        throw SwitchoverException.badInput("cannot read " + file + " in snapshot " + snapshot + ": "
                + FileProblem.describe(e) + "; make it readable, or check a snapshot without it");
    }

    private void link(Path file, String relative) {
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            skipped.add(new SkippedFile(relative, "a symbolic link to nothing (" + FileProblem.describe(e) + ")"));
            return;
        }
        if (!target.startsWith(realRoot)) {
            skipped.add(new SkippedFile(relative, "a symbolic link that points outside the snapshot"));
        } else if (Files.isDirectory(target)) {
            skipped.add(new SkippedFile(relative, "a symbolic link to a folder, which is not followed"));
        } else if (!Files.isRegularFile(target)) {
            skipped.add(new SkippedFile(relative, "a symbolic link to something that is not a regular file"));
        } else {
            add(relative, file);
        }
    }

    private void add(String relative, Path file) {
        if (files.size() >= maxFiles) {
            throw SnapshotLimits.tooManyFiles(snapshot, maxFiles);
        }
        if (found.putIfAbsent(relative, file) == null) {
            files.add(relative);
        }
    }

    private String relative(Path file) {
        return realRoot.relativize(file).toString().replace('\\', '/');
    }
}
