package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.timeline.DatabaseError;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.util.List;

/**
 * One embedded PostgreSQL server this run started, in a data directory it claimed. {@link #stop()} stops it and
 * deletes the directory, and so does a shutdown hook on Ctrl-C or SIGTERM, registered before the directory exists:
 * once shutdown has begun no server is started (a replay that starts over while the JVM exits would leave one), and a
 * start under way finishes before the hook stops it.
 */
final class EmbeddedServer {
    private final List<String> notes;
    private ExitCleanup cleanup;
    private EmbeddedDataDirectories.Claimed directory;
    private EmbeddedPostgres postgres;

    private EmbeddedServer(List<String> notes) {
        this.notes = List.copyOf(notes);
    }

    /** Removes what killed runs left in {@code directories}, then starts a server in a new directory there. */
    static EmbeddedServer start(EmbeddedDataDirectories directories) {
        EmbeddedServer server = new EmbeddedServer(directories.removeLeftovers());
        try {
            server.cleanup = ExitCleanup.register("switchover-stop-embedded-postgres", server::stopAndDelete);
        } catch (IllegalStateException shuttingDown) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "switchover is shutting down; embedded PostgreSQL"
                    + " was not started", shuttingDown);
        }
        try {
            server.cleanup.whileMaking(() -> {
                server.directory = directories.claim();
                server.postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(server.directory.data())
                        .setCleanDataDirectory(true)
                        .setRegisterShutdownHook(false) // this class stops it, and deletes more than zonky would
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                return server;
            });
        } catch (IOException | RuntimeException e) {
            server.cleanup.run();
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "embedded PostgreSQL did not start: "
                    + DatabaseError.oneLine(String.valueOf(e.getMessage())) + "; use --engine postgres --engine-url"
                    + " jdbc:postgresql://host:port/postgres or --engine h2", e);
        }
        return server;
    }

    int port() {
        return postgres.getPort();
    }

    /** What it removed before starting, for the report. */
    List<String> notes() {
        return notes;
    }

    void stop() {
        cleanup.run();
    }

    private void stopAndDelete() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            // the directory goes next, with any server still running in it
        } finally {
            if (directory != null) {
                try {
                    directory.delete();
                } catch (IOException e) {
                    // the next run removes what is left, its owner being gone
                }
            }
        }
    }
}
