package io.switchover.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Production's schema (S0) kept for the length of one check that has no baseline cache ({@code --no-cache}, a
 * pipeline that keeps nothing between jobs): the replay that confirms which migrations to hold back starts from the
 * first replay's S0 on H2 instead of replaying production's migrations a second time. A private temporary folder,
 * deleted when the check ends or the JVM exits; the report does not mention it.
 */
public final class ScratchBaseline implements AutoCloseable {
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
            cleanup = ExitCleanup.register("switchover-scratch-baseline", () -> delete(folder[0]));
        } catch (IllegalStateException shuttingDown) {
            return new ScratchBaseline(BaselineCache.none(), null, null);
        }
        try {
            folder[0] = cleanup.whileMaking(() -> Files.createTempDirectory("switchover-s0-",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException | UnsupportedOperationException e) {
            cleanup.run();
            return new ScratchBaseline(BaselineCache.none(), null, null);
        }
        return new ScratchBaseline(BaselineCache.quietScripts(folder[0]), cleanup, folder[0]);
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

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // gone already
        }
    }
}
