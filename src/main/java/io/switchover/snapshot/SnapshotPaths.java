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

    /**
     * Whether a path is in a test source set: {@code src/test/}, or a source set Gradle or Maven builds only for
     * tests, whose name says so ({@code src/integrationTest/}, {@code src/integration-test/}, {@code src/integTest/},
     * {@code src/testFixtures/}, {@code src/it/}). Production never sends their SQL, and their {@code db/migration}
     * folders are test data, not production's history.
     */
    public static boolean isTestSource(String path) {
        return TEST_SOURCE_SET.matcher(path).find();
    }

    private static final java.util.regex.Pattern TEST_SOURCE_SET =
            java.util.regex.Pattern.compile("(?:^|/)src/(?:[^/]*(?i:test)[^/]*|it)/");
}
