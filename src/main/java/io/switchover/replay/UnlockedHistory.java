package io.switchover.replay;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's connections to a replay database, without the row locks Flyway takes on its schema history table.
 *
 * <p>Before it records each applied migration Flyway locks the whole history table ({@code SELECT * FROM
 * <history> FOR UPDATE}, on H2, PostgreSQL and MySQL alike), and as one group it holds every lock to the end:
 * N migrations take N²/2 row locks. On H2 each is an undo record on the heap, so replaying 2,000 production
 * migrations held about 1.2 million of them (450 MB resident, 8 s, against 110 MB and 3.4 s without the locks). The
 * locks keep two deployments from migrating at once; a replay database has one user, this check, so they guard
 * nothing there. The lock statement is rewritten to read no row of the same table (it still fails if the table is
 * missing, as the lock would); every other statement, a migration's own {@code FOR UPDATE} included, runs as written.
 */
final class UnlockedHistory implements DataSource {

    private static final Pattern LOCK = Pattern.compile("(?i)\\s*select\\s+\\*\\s+from\\s+(\\S+)\\s+for\\s+update\\s*");

    private final DataSource connections;
    private final String table;

    private UnlockedHistory(DataSource connections, String table) {
        this.connections = connections;
        this.table = table.toLowerCase(Locale.ROOT);
    }

    /** {@code connections}, whose Flyway locks no rows of the history table named {@code table}. */
    static DataSource around(DataSource connections, String table) {
        return new UnlockedHistory(connections, table);
    }

    /** {@code sql} as it runs on a replay database: the lock of the history table reads no row, the rest unchanged. */
    String unlocked(String sql) {
        Matcher lock = LOCK.matcher(sql);
        if (!lock.matches() || !names(lock.group(1))) {
            return sql;
        }
        return "SELECT * FROM " + lock.group(1) + " WHERE 1 = 0";
    }

    /** Whether {@code qualified} ({@code "public"."flyway_schema_history"}, backticked on MySQL) is the history. */
    private boolean names(String qualified) {
        String last = qualified.substring(qualified.lastIndexOf('.') + 1);
        return last.replaceAll("^[\"`\\[]|[\"`\\]]$", "").toLowerCase(Locale.ROOT).equals(table);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return unlocking(connections.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return unlocking(connections.getConnection(username, password));
    }

    private Connection unlocking(Connection connection) {
        return (Connection) Proxy.newProxyInstance(UnlockedHistory.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql) {
                        args[0] = unlocked(sql);
                    }
                    return call(connection, proxy, method, args);
                });
    }

    private static Object call(Connection connection, Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return connections.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        connections.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        connections.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return connections.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return connections.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return connections.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return connections.isWrapperFor(type);
    }
}
