package io.switchover.migrations;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.Snapshot;
import io.switchover.snapshot.SnapshotPaths;
import io.switchover.sql.LineIndex;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway configured in the service's code rather than in a configuration file: veilarbportefolje sets
 * {@code spring.flyway.enabled=false} and runs {@code Flyway.configure()...outOfOrder(true).load().migrate()} itself.
 * Only {@code outOfOrder} is read from there, and only when it is the literal {@code true} in a main source file that
 * names Flyway: a setting under a condition ({@code outOfOrder(isDev)}) is not known, so the gate does not assume it.
 * Read only when the batch holds a migration older than production's newest, the one thing the setting decides.
 */
public final class FlywayInCode {
    private static final Pattern OUT_OF_ORDER = Pattern.compile("\\.\\s*(?:set)?[oO]utOfOrder\\s*\\(\\s*true\\s*\\)");

    private FlywayInCode() {
    }

    /** Where the candidate's code sets {@code outOfOrder(true)} ({@code path:line}), if it does. */
    public static Optional<String> outOfOrder(Snapshot snapshot) {
        for (String path : snapshot.files()) {
            if (!(path.endsWith(".java") || path.endsWith(".kt")) || SnapshotPaths.isTestSource(path)) {
                continue;
            }
            String text;
            try {
                text = snapshot.read(path);
            } catch (SwitchoverException e) {
                continue; // extraction reports a file it cannot read
            }
            Matcher set = OUT_OF_ORDER.matcher(text);
            if (set.find() && text.toLowerCase(Locale.ROOT).contains("flyway")) {
                return Optional.of(path + ":" + new LineIndex(text).lineOf(set.start()));
            }
        }
        return Optional.empty();
    }
}
