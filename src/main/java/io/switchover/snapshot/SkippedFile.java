package io.switchover.snapshot;

/**
 * A directory entry a snapshot does not list, such as a symbolic link that points outside the snapshot: it is never
 * read, and the report's warnings say so.
 *
 * @param reason why, completing "is skipped: ...": "a symbolic link that points outside the snapshot"
 */
public record SkippedFile(String path, String reason) {

    /** The warning for the report. */
    public String warning(String snapshot) {
        return snapshot + ": " + path + " is skipped: " + reason;
    }
}
