package io.switchover.snapshot;

/** Paths relative to a snapshot root: '/'-separated, and never leaving the root. */
public final class SnapshotPaths {
    private SnapshotPaths() {
    }

    /**
     * Whether a path given relative to a snapshot points outside it: absolute ({@code /etc}, {@code C:\}), or with a
     * {@code ..} segment. A {@code ..} that would come back inside ({@code a/../b}) is refused too: nothing a project
     * names needs one, and a path is easier to trust with none.
     */
    public static boolean leavesSnapshot(String path) {
        String slashed = path.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : slashed.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
