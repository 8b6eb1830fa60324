package io.switchover.replay;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where embedded PostgreSQL keeps its data: one directory per server, {@code <pid>-<start>-<random>} under
 * {@code <java.io.tmpdir>/switchover-embedded-postgres-<user>}, named for the JVM that owns it, which also holds a file
 * lock on its {@code owner.lock} for as long as it lives (the kernel frees it however the JVM ends). The server's data
 * directory is {@code data} inside. A run killed outright leaves both, and perhaps a running server: the next run stops
 * that server and deletes the directory, once the owner is provably gone (lock free, and no live process with its pid
 * and start time). Nothing else under the temp directory is ever touched.
 */
final class EmbeddedDataDirectories {
    private static final Pattern NAME = Pattern.compile("(\\d+)-(\\d+)-[0-9a-f]{12}");
    private static final String LOCK = "owner.lock";

    private final Path root;

    EmbeddedDataDirectories(Path root) {
        this.root = root;
    }

    /** Under {@code java.io.tmpdir}, one folder per user (another user's servers are not ours to stop). */
    static EmbeddedDataDirectories inTempDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return new EmbeddedDataDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                "switchover-embedded-postgres-" + user));
    }

    Path root() {
        return root;
    }

    /** A new directory owned by this JVM, locked until {@link Claimed#delete()}. */
    Claimed claim() throws IOException {
        ReplayOwner self = ReplayOwner.current();
        String name = self.pid() + "-" + self.started().map(Instant::toEpochMilli).orElse(0L) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Files.createDirectories(root);
        Path directory = Files.createDirectory(root.resolve(name));
        FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("another process locked " + directory.resolve(LOCK) + " as soon as it was made");
        }
        return new Claimed(directory, channel);
    }

    /** Stops the servers and deletes the directories of owners that are gone; says what it did, for the report. */
    List<String> removeLeftovers() {
        List<String> notes = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return notes;
        }
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root)) {
            for (Path directory : directories) {
                Optional<ReplayOwner> owner = ownerOf(directory);
                if (owner.isPresent() && !owner.get().aliveHere()) {
                    removeIfUnlocked(directory, owner.get()).ifPresent(notes::add);
                }
            }
        } catch (IOException e) {
            notes.add("could not look for embedded PostgreSQL data directories left behind in " + root + ": " + e);
        }
        return notes;
    }

    /** The owner a directory's name records; empty for anything switchover did not make. */
    static Optional<ReplayOwner> ownerOf(Path directory) {
        Matcher name = NAME.matcher(directory.getFileName().toString());
        if (!name.matches() || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        long started = Long.parseLong(name.group(2));
        return Optional.of(new ReplayOwner(ReplayOwner.localHost(), Long.parseLong(name.group(1)),
                started == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(started))));
    }

    private Optional<String> removeIfUnlocked(Path directory, ReplayOwner owner) {
        String left = "left behind by a switchover run that was killed (pid " + owner.pid() + ")";
        Optional<Long> stopped;
        // CREATE: an owner killed before it made its lock file left the directory unlocked.
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return Optional.empty(); // its owner lives after all (another pid namespace), or another run cleans it
            }
            try {
                stopped = PostmasterStopper.stopIn(directory.resolve("data"));
                deleteTree(directory.resolve("data"));
            } finally {
                lock.release();
            }
        } catch (OverlappingFileLockException ours) {
            return Optional.empty(); // this JVM holds it
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // another run removed it meanwhile
        } catch (IOException e) {
            return Optional.of("could not remove the embedded PostgreSQL data directory " + directory + ", " + left
                    + ": " + e.getMessage() + "; stop its server (pg_ctl stop -m immediate -D " + directory.resolve("data")
                    + ") and delete the directory");
        }
        try {
            deleteTree(directory);
        } catch (IOException e) {
            return Optional.of("could not delete " + directory + ", " + left + ": " + e.getMessage());
        }
        return Optional.of(stopped.map(pid -> "stopped the embedded PostgreSQL server " + pid + " and removed")
                .orElse("removed") + " its data directory " + directory + ", " + left);
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A directory this JVM owns and holds the lock of. */
    static final class Claimed {
        private final Path directory;
        private final FileChannel lock;

        private Claimed(Path directory, FileChannel lock) {
            this.directory = directory;
            this.lock = lock;
        }

        Path directory() {
            return directory;
        }

        /** The server's data directory; made by initdb. */
        Path data() {
            return directory.resolve("data");
        }

        /**
         * Stops a server still running in it (one that started but never reported back), deletes it, and only then
         * lets go of the lock.
         * @throws IOException when some of it stays; the next run removes it
         */
        void delete() throws IOException {
            try {
                PostmasterStopper.stopIn(data());
                deleteTree(data());
            } finally {
                lock.close();
            }
            deleteTree(directory);
        }
    }
}
