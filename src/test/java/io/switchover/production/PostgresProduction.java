package io.switchover.production;

import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A production database played by this machine's PostgreSQL server: a database of its own, migrated by Flyway itself,
 * and a role that may only read the history table. Dropped again by {@link #close()}.
 */
final class PostgresProduction implements AutoCloseable {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    final String database = "gate_prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String reader = "gate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String password = "pw-" + UUID.randomUUID();

    static boolean serverIsUp() {
        try {
            admin("postgres").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    PostgresProduction(Path migrations) throws SQLException {
        try (Connection admin = admin("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
            st.execute("CREATE ROLE " + reader + " LOGIN PASSWORD '" + password + "'");
            st.execute("ALTER ROLE " + reader + " SET log_statement = 'all'");
        }
        try {
            Flyway.configure().dataSource(SERVER + database, "postgres", "")
                    .locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();
            try (Connection admin = admin(database); Statement st = admin.createStatement()) {
                st.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
                st.execute("GRANT USAGE ON SCHEMA public TO " + reader);
                st.execute("GRANT SELECT ON flyway_schema_history TO " + reader);
            }
        } catch (RuntimeException | SQLException e) {
            close();
            throw e;
        }
    }

    String url() {
        return SERVER + database + "?user=" + reader;
    }

    /** Makes a table the reader may select from. */
    void createTable(String name, String columns) throws SQLException {
        try (Connection admin = admin(database); Statement st = admin.createStatement()) {
            st.execute("CREATE TABLE " + name + " (" + columns + ")");
            st.execute("GRANT SELECT ON " + name + " TO " + reader);
        }
    }

    boolean hasTable(String name) throws SQLException {
        try (Connection admin = admin(database); Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT to_regclass('public." + name + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, "postgres", "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin("postgres"); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("DROP ROLE IF EXISTS " + reader);
        }
    }
}
