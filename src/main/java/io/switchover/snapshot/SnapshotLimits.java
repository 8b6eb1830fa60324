package io.switchover.snapshot;

/**
 * How much of a snapshot switchover reads. The bounds are far above what a real repository holds (the largest
 * monorepos have tens of thousands of source files, none of them near 64 MB), so that a mistake (a snapshot pointed
 * at a home folder, a dump committed as a migration) or a hostile input ends in a clear message instead of an hour's
 * walk or an exhausted heap. README.md, "Limits", documents them.
 */
public final class SnapshotLimits {
    /** The largest file that is read. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** The most files a snapshot may list, version-control and build folders left out. */
    public static final int MAX_FILES = 200_000;

    private SnapshotLimits() {
    }

    /** A size for messages: "70 MB", "812 KB". */
    public static String size(long bytes) {
        if (bytes >= 1024L * 1024) {
            return bytes / (1024 * 1024) + " MB";
        }
        return Math.max(1, bytes / 1024) + " KB";
    }

    static UnreadableFile tooLarge(String snapshot, String path, long bytes) {
        return new UnreadableFile(snapshot, path, "it is " + size(bytes) + ", more than the " + size(MAX_FILE_BYTES)
                + " switchover reads of one file");
    }

    static io.switchover.SwitchoverException tooManyFiles(String snapshot, int limit) {
        return io.switchover.SwitchoverException.badInput(snapshot + " holds more than "
                + String.format(java.util.Locale.ROOT, "%,d", limit) + " files (version-control and build folders"
                + " left out), more than switchover reads of one snapshot; point --prod and --candidate at the"
                + " folder of the service and its migrations");
    }
}
