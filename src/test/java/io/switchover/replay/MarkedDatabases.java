package io.switchover.replay;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay databases that one process on this host made on a server, told apart from everyone else's by the pid
 * and host in their mark. Other runs (other checkouts, CI) use the same servers at the same time, so a test looks only
 * at these: never at every {@code switchover_%} database.
 */
public final class MarkedDatabases {
    private MarkedDatabases() {
    }

    /** The marked databases of this test JVM (in-process command lines and engines). */
    public static List<String> ofThisJvm(String url) {
        return of(url, ProcessHandle.current().pid());
    }

    /** The marked databases of process {@code pid} on this host, e.g. a command line the test started. */
    public static List<String> of(String url, long pid) {
        String sql = url.startsWith("jdbc:postgresql")
                ? "SELECT d.datname FROM pg_catalog.pg_database d"
                + " WHERE pg_catalog.shobj_description(d.oid, 'pg_database') LIKE ?"
                + " AND pg_catalog.shobj_description(d.oid, 'pg_database') LIKE ? ORDER BY 1"
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_COMMENT LIKE ?"
                + " AND SCHEMA_COMMENT LIKE ? ORDER BY 1";
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, "switchover replay database;%; pid=" + pid + ";%");
            st.setString(2, "%; host=" + localHost() + "%");
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("the test needs the server at " + url + ": " + e.getMessage(), e);
        }
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
