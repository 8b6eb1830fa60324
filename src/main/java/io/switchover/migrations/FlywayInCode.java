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
 * Only {@code outOfOrder(true)} and {@code validateOnMigrate(false)} (lavagna's) are read from there, and only as
 * literals in a main source file that names Flyway: a setting under a condition ({@code outOfOrder(isDev)}) is not
 * known, so the gate does not assume it. Each is read only when the batch has what the setting decides: a migration
 * older than production's newest, an applied migration edited.
 */
public final class FlywayInCode {
    private static final Pattern OUT_OF_ORDER = Pattern.compile("\\.\\s*(?:set)?[oO]utOfOrder\\s*\\(\\s*true\\s*\\)");
    private static final Pattern NO_VALIDATION = Pattern.compile(
            "\\.\\s*(?:set)?[vV]alidateOnMigrate\\s*\\(\\s*false\\s*\\)");

    private FlywayInCode() {
    }

    /** Where the candidate's code sets {@code outOfOrder(true)} ({@code path:line}), if it does. */
    public static Optional<String> outOfOrder(Snapshot snapshot) {
        return literal(snapshot, OUT_OF_ORDER);
    }

    /** Where the candidate's code sets {@code validateOnMigrate(false)} ({@code path:line}), if it does. */
    public static Optional<String> noValidation(Snapshot snapshot) {
        return literal(snapshot, NO_VALIDATION);
    }

    private static Optional<String> literal(Snapshot snapshot, Pattern setting) {
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
            Matcher set = setting.matcher(text);
            if (set.find() && text.toLowerCase(Locale.ROOT).contains("flyway")) {
                return Optional.of(path + ":" + new LineIndex(text).lineOf(set.start()));
            }
        }
        return Optional.empty();
    }
}
