package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.DirectorySnapshot;
import io.switchover.snapshot.Snapshot;

import java.nio.file.Path;

/** Turns a {@code --prod}/{@code --candidate} value into a snapshot. */
final class SnapshotArgument {
    private SnapshotArgument() {
    }

    static Snapshot open(String value, String option) {
        if (value.startsWith("git:")) {
            throw SwitchoverException.badInput(option + " " + value + ": git snapshots are not supported by this version;"
                    + " pass a directory (for example a 'git worktree add' of that commit)");
        }
        return DirectorySnapshot.of(Path.of(value));
    }
}
