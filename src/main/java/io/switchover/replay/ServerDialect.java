package io.switchover.replay;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What differs between the database servers a replay can create its database on. */
enum ServerDialect {
    POSTGRESQL("PostgreSQL", List.of("postgresql"), "postgres") {
        @Override
        void create(Connection admin, String name, String mark) throws SQLException {
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + quote(name));
                st.execute("COMMENT ON DATABASE " + quote(name) + " IS '" + mark.replace("'", "''") + "'");
            }
        }

        @Override
        Map<String, String> marks(Connection admin) throws SQLException {
            return query(admin, "SELECT d.datname, pg_catalog.shobj_description(d.oid, 'pg_database')"
                    + " FROM pg_catalog.pg_database d WHERE d.datname LIKE 'switchover\\_%' ORDER BY 1");
        }

        @Override
        void drop(Connection admin, String name) throws SQLException {
            try (Statement st = admin.createStatement()) {
                if (admin.getMetaData().getDatabaseMajorVersion() >= 13) {
                    st.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
                    return;
                }
                try (PreparedStatement ps = admin.prepareStatement(
                        "SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE datname = ?")) {
                    ps.setString(1, name);
                    ps.execute();
                }
                st.execute("DROP DATABASE IF EXISTS " + quote(name));
            }
        }

        @Override
        int tables(Connection database) throws SQLException {
            return count(database, "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");
        }

        @Override
        void keepSessionOpen(Connection admin) throws SQLException {
            if (admin.getMetaData().getDatabaseMajorVersion() >= 14) {
                try (Statement st = admin.createStatement()) {
                    st.execute("SET idle_session_timeout = 0");
                }
            }
        }

        @Override
        boolean tryLock(Connection admin, String key) throws SQLException {
            try (PreparedStatement ps = admin.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?)")) {
                ps.setLong(1, Long.parseLong(key));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }

        @Override
        boolean locked(Connection admin, String key) throws SQLException {
            // Advisory locks belong to the database the session is connected to, which may differ between runs:
            // pg_locks shows those of every database. A bigint key is split into classid (high) and objid (low).
            long value = Long.parseLong(key);
            try (PreparedStatement ps = admin.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks"
                    + " WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid::bigint = ?"
                    + " AND objid::bigint = ?)")) {
                ps.setLong(1, value >>> 32);
                ps.setLong(2, value & 0xFFFFFFFFL);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }

        @Override
        boolean canDisableForeignKeyChecks(Connection connection) {
            // Foreign keys are triggers here, and the only switch for them (session_replication_role = replica)
            // silences the user's triggers too: exactly the breaks a real PostgreSQL replay is for. A foreign-key
            // violation of made-up data (23503) is a data conflict, which passes, and PostgreSQL checks foreign keys
            // after the column, NOT NULL and BEFORE-trigger checks that decide the outcome.
            return false;
        }

        @Override
        void foreignKeyChecks(Connection connection, boolean on) {
            throw new UnsupportedOperationException("foreign keys stay on in PostgreSQL probes");
        }

        @Override
        Map<String, String> urlParameters() {
            // Made-up values the schema did not type (a guessed "1") reach the server untyped, as literals would.
            return Map.of("stringtype", "unspecified");
        }

        @Override
        FluentConfiguration tune(FluentConfiguration configuration) {
            // With transactional advisory locks, CREATE INDEX CONCURRENTLY waits forever for Flyway's own lock
            // connection, which sits idle in transaction.
            configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
            return configuration;
        }

        @Override
        String cannotCreate(String user) {
            return "grant it CREATEDB (ALTER ROLE " + user + " CREATEDB), or use --engine embedded-postgres, which needs"
                    + " no server";
        }
    },

    MARIADB("MariaDB", List.of("mariadb"), "mysql") {
        @Override
        void create(Connection admin, String name, String mark) throws SQLException {
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + quote(name) + " COMMENT '" + mark.replace("'", "''") + "'");
            }
        }

        @Override
        Map<String, String> marks(Connection admin) throws SQLException {
            return query(admin, "SELECT SCHEMA_NAME, SCHEMA_COMMENT FROM information_schema.SCHEMATA"
                    + " WHERE SCHEMA_NAME LIKE 'switchover\\_%' ORDER BY 1");
        }

        @Override
        void drop(Connection admin, String name) throws SQLException {
            // DROP DATABASE waits for the metadata locks of connections still inside it (a run being interrupted).
            try (PreparedStatement ps = admin.prepareStatement(
                    "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery(); Statement kill = admin.createStatement()) {
                    while (rs.next()) {
                        try {
                            kill.execute("KILL CONNECTION " + rs.getLong(1));
                        } catch (SQLException gone) {
                            // it ended by itself meanwhile
                        }
                    }
                }
            }
            try (Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + quote(name));
            }
        }

        @Override
        int tables(Connection database) throws SQLException {
            return count(database, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()");
        }

        @Override
        void keepSessionOpen(Connection admin) throws SQLException {
            try (Statement st = admin.createStatement()) {
                st.execute("SET SESSION wait_timeout = GREATEST(@@SESSION.wait_timeout, 86400)");
            }
        }

        @Override
        boolean tryLock(Connection admin, String key) throws SQLException {
            try (PreparedStatement ps = admin.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                ps.setString(1, lockName(key));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        }

        @Override
        boolean locked(Connection admin, String key) throws SQLException {
            // Named locks are server-wide, whichever database a session uses.
            try (PreparedStatement ps = admin.prepareStatement("SELECT IS_USED_LOCK(?)")) {
                ps.setString(1, lockName(key));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getObject(1) != null;
                }
            }
        }

        private String lockName(String key) {
            return "switchover-" + key;
        }

        @Override
        boolean canDisableForeignKeyChecks(Connection connection) {
            return true;
        }

        @Override
        void foreignKeyChecks(Connection connection, boolean on) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute("SET FOREIGN_KEY_CHECKS = " + (on ? 1 : 0));
            }
        }

        @Override
        String quote(String identifier) {
            return "`" + identifier + "`";
        }

        @Override
        String cannotCreate(String user) {
            return "grant it CREATE and DROP on `switchover\\_%`.* (GRANT CREATE, DROP ON `switchover\\_%`.* TO " + user
                    + "), or use --engine embedded-postgres, which needs no server";
        }
    };

    private final String product;
    private final List<String> schemes;
    private final String maintenanceDatabase;

    ServerDialect(String product, List<String> schemes, String maintenanceDatabase) {
        this.product = product;
        this.schemes = schemes;
        this.maintenanceDatabase = maintenanceDatabase;
    }

    String product() {
        return product;
    }

    boolean accepts(String scheme) {
        return schemes.contains(scheme);
    }

    String schemeExample() {
        return "jdbc:" + schemes.get(0) + "://host:port/" + maintenanceDatabase;
    }

    /** The database to connect to for creating and dropping others when the URL names none. */
    String maintenanceDatabase() {
        return maintenanceDatabase;
    }

    String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    abstract void create(Connection admin, String name, String mark) throws SQLException;

    /** The databases named {@code switchover_*} and their comments (null where there is none). */
    abstract Map<String, String> marks(Connection admin) throws SQLException;

    abstract void drop(Connection admin, String name) throws SQLException;

    abstract int tables(Connection database) throws SQLException;

    /** Keeps the admin session, which holds the owner's lock, from being closed for idleness during a long run. */
    abstract void keepSessionOpen(Connection admin) throws SQLException;

    /**
     * Takes the session-level lock {@code key} (a number) on the admin connection, held until that connection closes:
     * while it is held, other runs know the owner of the database marked with it is alive. False when it is taken.
     */
    abstract boolean tryLock(Connection admin, String key) throws SQLException;

    /** Whether any session on the server holds the lock {@code key}. */
    abstract boolean locked(Connection admin, String key) throws SQLException;

    abstract boolean canDisableForeignKeyChecks(Connection connection) throws SQLException;

    abstract void foreignKeyChecks(Connection connection, boolean on) throws SQLException;

    Map<String, String> urlParameters() {
        return Map.of();
    }

    FluentConfiguration tune(FluentConfiguration configuration) {
        return configuration;
    }

    /** What to do when the user may not create databases. */
    abstract String cannotCreate(String user);

    private static Map<String, String> query(Connection connection, String sql) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
