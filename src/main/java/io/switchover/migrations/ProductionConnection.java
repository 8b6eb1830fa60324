package io.switchover.migrations;

import io.switchover.SwitchoverException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A connection to production's database that is read-only at the server from the moment it exists and bounded in
 * time, and over which the driver sends nothing of its own but what it needs to log in.
 * <ul>
 * <li>PostgreSQL: {@code default_transaction_read_only} and {@code statement_timeout} travel in the start-up packet
 * (the driver's {@code options} property), and so does {@code application_name} ({@code assumeMinServerVersion}):
 * pgjdbc sends no statement before the caller's (on servers older than 12 it still sends {@code SET
 * extra_float_digits}).</li>
 * <li>MariaDB's protocol has no start-up parameters, and Connector/J 3.5 always sends one {@code set} after the login
 * (by default {@code sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES')}, {@code session_track_system_variables=...},
 * {@code NAMES utf8mb4}). {@code jdbcCompliantTruncation=false} and {@code disableSessionTracking=true} take the first
 * two out of it, and {@code sessionVariables} puts {@code tx_read_only} and {@code max_statement_time} in: the one
 * statement before the SELECT is {@code set NAMES utf8mb4,tx_read_only=1,max_statement_time=<s>}, which needs no
 * privilege. ({@code tx_read_only} is the name MariaDB 10.x knows; 11.x keeps it as an alias.)</li>
 * </ul>
 * URL parameters override these properties in both drivers, so a URL that sets one of them, or one that would make
 * the driver send more statements, is refused.
 */
final class ProductionConnection {

    /** The databases production's history can be read from. */
    enum Driver {
        POSTGRESQL(Set.of("options", "readonly", "readonlymode", "replication", "assumeminserverversion",
                "preferquerymode", "socketfactory", "socketfactoryarg", "loggerfile", "loggerlevel", "connecttimeout",
                "logintimeout", "sockettimeout")),
        MARIADB(Set.of("sessionvariables", "initsql", "allowmultiqueries", "createdatabaseifnotexist",
                "jdbccomplianttruncation", "connecttimeout", "sockettimeout", "allowlocalinfile", "timezone",
                "connectiontimezone", "forceconnectiontimezonetosession", "transactionisolation",
                "returnmultivaluesgeneratedids", "galeraallowedstate", "socketfactory", "disablesessiontracking"));

        private final Set<String> ownParameters;

        Driver(Set<String> ownParameters) {
            this.ownParameters = ownParameters;
        }
    }

    private ProductionConnection() {
    }

    /** The driver for production's URL; anything but PostgreSQL and MariaDB is refused as bad input. */
    static Driver driverOf(String url) {
        String scheme = JdbcUrls.scheme(url).orElse("");
        return switch (scheme) {
            case "postgresql" -> Driver.POSTGRESQL;
            case "mariadb" -> Driver.MARIADB;
            case "mysql" -> throw SwitchoverException.badInput("production's history is read from MariaDB with"
                    + " jdbc:mariadb://host:port/database URLs, not jdbc:mysql:");
            default -> throw SwitchoverException.badInput("production's history cannot be read from jdbc:"
                    + (scheme.isEmpty() ? "..." : scheme + ":") + " URLs; give jdbc:postgresql://host:port/database,"
                    + " jdbc:mariadb://host:port/database or an export file (switchover snapshot-prod)");
        };
    }

    /**
     * Opens the connection.
     *
     * @param user     null to take it from the URL
     * @param password null when the server needs none
     * @param timeout  how long to wait to connect, to log in, and for each answer; also the server's statement limit
     */
    static Connection open(String url, String user, String password, Duration timeout) throws SQLException {
        Driver driver = driverOf(url);
        if (JdbcUrls.carriesPassword(url)) {
            throw SwitchoverException.badInput("production's URL carries a password; pass it in the environment"
                    + " variable SWITCHOVER_PROD_PASSWORD or with --prod-password-file instead");
        }
        ownParameter(url, driver).ifPresent(parameter -> {
            throw SwitchoverException.badInput("production's URL may not set " + parameter + ": switchover sets it"
                    + " so that the connection is read-only, sends nothing but its SELECT and gives up after"
                    + " --prod-timeout; remove it from the URL");
        });
        Connection connection = DriverManager.getConnection(url, properties(driver, user, password, timeout));
        try {
            connection.setReadOnly(true); // a hint to the driver; the server already has it
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static Properties properties(Driver driver, String user, String password, Duration timeout) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        long millis = Math.max(1, timeout.toMillis());
        switch (driver) {
            case POSTGRESQL -> {
                properties.setProperty("options", "-c default_transaction_read_only=on -c statement_timeout="
                        + millis);
                properties.setProperty("assumeMinServerVersion", "10");
                properties.setProperty("ApplicationName", "switchover");
                properties.setProperty("connectTimeout", Long.toString(seconds));
                properties.setProperty("loginTimeout", Long.toString(seconds));
                properties.setProperty("socketTimeout", Long.toString(seconds));
            }
            case MARIADB -> {
                properties.setProperty("sessionVariables", "tx_read_only=1,max_statement_time=" + seconds);
                properties.setProperty("jdbcCompliantTruncation", "false");
                properties.setProperty("disableSessionTracking", "true");
                properties.setProperty("connectTimeout", Long.toString(millis));
                properties.setProperty("socketTimeout", Long.toString(millis));
            }
            default -> throw new IllegalStateException(driver.name());
        }
        return properties;
    }

    /** The first URL parameter that would override what this class sets. */
    private static Optional<String> ownParameter(String url, Driver driver) {
        int query = url.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : url.substring(query + 1).split("[&;]")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String decoded;
            try {
                decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                decoded = key;
            }
            if (driver.ownParameters.contains(decoded.toLowerCase(Locale.ROOT))) {
                return Optional.of(decoded);
            }
        }
        return Optional.empty();
    }
}
