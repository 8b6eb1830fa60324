package io.switchover.snapshot;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;

/**
 * A file of a snapshot that cannot be read: permission denied, too large, a link out of the snapshot. Bad input where
 * the file is needed (a migration); a service's file becomes a place that is not checked.
 */
public final class UnreadableFile extends SwitchoverException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    public UnreadableFile(String snapshot, String path, String reason) {
        super(ExitCode.BAD_INPUT, "cannot read " + path + " of " + snapshot + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    /** Why, in a few words, without the path: "permission denied", "it is 70 MB, more than ...". */
    public String reason() {
        return reason;
    }
}
