package io.switchover.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps the libraries' own output off the terminal: switchover says what matters itself, in one line when it fails,
 * and a pipeline log must not bury the verdict under a library's warnings or stack traces.
 *
 * <p>slf4j (Flyway, JGit, zonky, Testcontainers, the MariaDB driver) goes to slf4j-simple, which
 * {@code simplelogger.properties} turns off; java.util.logging (the PostgreSQL driver, JSqlParser) has its console
 * handler removed; a library thread that dies leaves no trace on standard error. With {@code --verbose} all of it is
 * printed again, warnings and up.
 */
final class QuietLibraries {
    private static final String SLF4J_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private QuietLibraries() {
    }

    static void install(boolean verbose) {
        if (verbose) {
            System.setProperty(SLF4J_LEVEL, "warn");
            Logger.getLogger("").setLevel(Level.WARNING);
            return;
        }
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            // The run's own threads hand their failures to the main thread, which reports them in one line.
        });
    }
}
