package io.switchover.replay;

import io.switchover.PrivateFolders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Production's schema (S0) kept for the length of one check that has no baseline cache ({@code --no-cache}, a
 * pipeline that keeps nothing between jobs): the replay that confirms which migrations to hold back starts from the
 * first replay's S0 on H2 instead of replaying production's migrations a second time. A private temporary folder,
 * {@code switchover-s0-<pid>-<start>-<random>}, deleted when the check ends or the JVM exits; one that a run killed
 * outright left is deleted by the next check, once its owner is provably gone. The report does not mention it.
 */
public final class ScratchBaseline implements AutoCloseable {
    private static final String PREFIX = "switchover-s0-";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(PREFIX) + "(\\d+)-(\\d+)-\\d+");

    private final BaselineCache cache;
    private final ExitCleanup cleanup;
    private final Path folder;

    private ScratchBaseline(BaselineCache cache, ExitCleanup cleanup, Path folder) {
        this.cache = cache;
        this.cleanup = cleanup;
        this.folder = folder;
    }

    /** A scratch folder for one check; without one (no temporary folder to write), no cache at all. */
    public static ScratchBaseline open() {
        Path[] folder = new Path[1];
        ExitCleanup cleanup;
        try {
            cleanup = ExitCleanup.register("switchover-scratch-baseline", () -> PrivateFolders.delete(folder[0]));
        } catch (IllegalStateException shuttingDown) {
            return new ScratchBaseline(BaselineCache.none(), null, null);
        }
        try {
            ReplayOwner self = ReplayOwner.current();
            String prefix = PREFIX + self.pid() + "-" + self.started().map(java.time.Instant::toEpochMilli).orElse(0L)
                    + "-";
            folder[0] = cleanup.whileMaking(() -> Files.createTempDirectory(prefix,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException | UnsupportedOperationException e) {
            cleanup.run();
            return new ScratchBaseline(BaselineCache.none(), null, null);
        }
        return new ScratchBaseline(BaselineCache.quietScripts(folder[0]), cleanup, folder[0]);
    }

    /** Deletes the scratch folders of runs that were killed before they could (every check calls it). */
    public static void removeLeftovers() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (java.nio.file.DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path folder : folders) {
                java.util.regex.Matcher name = NAME.matcher(folder.getFileName().toString());
                if (!name.matches() || !Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long started = Long.parseLong(name.group(2));
                ReplayOwner owner = new ReplayOwner(ReplayOwner.localHost(), Long.parseLong(name.group(1)),
                        started == 0 ? java.util.Optional.empty()
                                : java.util.Optional.of(java.time.Instant.ofEpochMilli(started)));
                if (!owner.aliveHere()) {
                    PrivateFolders.delete(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the next check looks again
        }
    }

    public BaselineCache cache() {
        return cache;
    }

    /** The folder (tests); null when there is none. */
    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        if (cleanup != null) {
            cleanup.run();
        }
    }
}
