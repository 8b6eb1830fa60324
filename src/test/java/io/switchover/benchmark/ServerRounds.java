package io.switchover.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the benchmark's fresh-JVM rounds replay on: whether it answers, and the baseline templates
 * ({@code switchover_tpl_...}) its cold rounds leave, which it drops again so that the next cold round is cold too.
 * Only templates that appeared during the benchmark are dropped; other runs' stay.
 */
final class ServerRounds {
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)[^?]*(\\?.*)?$");

    private final String adminUrl;
    private final Set<String> before;

    private ServerRounds(String adminUrl, Set<String> before) {
        this.adminUrl = adminUrl;
        this.before = before;
    }

    /** The server at {@code adminUrl} with the templates it holds now; null (and why, printed) if it does not answer. */
    static ServerRounds at(String adminUrl) {
        try {
            return new ServerRounds(adminUrl, templates(adminUrl));
        } catch (SQLException e) {
            System.out.println("PostgreSQL server at " + adminUrl + " does not answer (" + e.getMessage()
                    + "): its lines are skipped; name another with -Dswitchover.benchmark.postgres=<jdbc-url>");
            return null;
        }
    }

    String adminUrl() {
        return adminUrl;
    }

    /** Drops the baseline templates made since this benchmark began. */
    void dropNewTemplates() throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
            for (String template : templates(adminUrl)) {
                if (!before.contains(template)) {
                    statement.execute("DROP DATABASE \"" + template + "\"");
                }
            }
        }
    }

    /** {@code adminUrl} with its database replaced by {@code database}, its parameters kept. */
    static String urlOf(String adminUrl, String database) {
        Matcher url = URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + adminUrl);
        }
        return url.group(1) + database + (url.group(2) == null ? "" : url.group(2));
    }

    private static Set<String> templates(String adminUrl) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_catalog.pg_database"
                     + " WHERE datname LIKE 'switchover\\_tpl\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
