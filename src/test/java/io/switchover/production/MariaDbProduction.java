package io.switchover.production;

import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A production database played by this machine's MariaDB server: a database of its own, migrated by Flyway itself,
 * and a user that may only read the history table. Dropped again by {@link #close()}.
 */
final class MariaDbProduction implements AutoCloseable {
    static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    final String database = "gate_prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String reader = "gate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String password = "pw-" + UUID.randomUUID();

    static boolean serverIsUp() {
        try {
            admin("mysql").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    MariaDbProduction(Path migrations) throws SQLException {
        try (Connection admin = admin("mysql"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
            st.execute("CREATE USER '" + reader + "'@'%' IDENTIFIED BY '" + password + "'");
        }
        try {
            Flyway.configure().dataSource(SERVER + database, "root", "")
                    .locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();
            try (Connection admin = admin(database); Statement st = admin.createStatement()) {
                st.execute("GRANT SELECT ON " + database + ".flyway_schema_history TO '" + reader + "'@'%'");
            }
        } catch (RuntimeException | SQLException e) {
            close();
            throw e;
        }
    }

    /** The URL as a pipeline would give it: the user in it, the password elsewhere. */
    String url(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?user=" + reader;
    }

    boolean hasTable(String name) throws SQLException {
        try (Connection admin = admin(database); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                     + database + "' AND TABLE_NAME = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    static Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, "root", "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin("mysql"); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
            st.execute("DROP USER IF EXISTS '" + reader + "'@'%'");
        }
    }
}
