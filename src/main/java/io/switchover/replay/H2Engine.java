package io.switchover.replay;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.EngineKind;
import io.switchover.timeline.FailureKind;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;

/** Embedded in-memory H2 in PostgreSQL mode: the fast, offline default. Nothing touches the disk. */
public final class H2Engine implements ReplayEngine {
    private static final int FEATURE_NOT_SUPPORTED = 50100;
    /** Query forms H2 cannot run at all, whatever the schema: RETURNING, ON CONFLICT, jsonb operators, casts. */
    private static final Pattern POSTGRES_ONLY = Pattern.compile(
            "(?i)\\bRETURNING\\b|\\bON\\s+CONFLICT\\b|->>?|#>>?|@>|<@|\\?\\||\\?&|::\\s*jsonb?\\b|\\bjsonb_\\w+\\s*\\(");

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public ReplayDatabase create() {
        String name = "switchover_" + UUID.randomUUID().toString().replace("-", "");
        String url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try {
            // Holding one connection open keeps the in-memory database alive until close().
            return new H2Database(url, DriverManager.getConnection(url, "sa", ""));
        } catch (SQLException e) {
            throw new ReplayException("embedded H2 did not start: " + DatabaseErrors.of(e), e);
        }
    }

    private static final class H2Database implements ReplayDatabase {
        private final String url;
        private final Connection keepAlive;

        H2Database(String url, Connection keepAlive) {
            this.url = url;
            this.keepAlive = keepAlive;
        }

        @Override
        public EngineKind kind() {
            return EngineKind.H2;
        }

        @Override
        public String description() {
            return "H2 " + org.h2.engine.Constants.VERSION + " (PostgreSQL mode)";
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public String user() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, "sa", "");
        }

        @Override
        public void disableForeignKeyChecks(Connection connection) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute("SET REFERENTIAL_INTEGRITY FALSE");
            }
        }

        @Override
        public void enableForeignKeyChecks(Connection connection) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        }

        @Override
        public AdaptedScript adapt(String script) {
            return H2Adaptation.adapt(script);
        }

        @Override
        public DatabaseError explainInitialFailure(String sql, DatabaseError error) {
            boolean h2Limit = error.kind() == FailureKind.SYNTAX || error.vendorCode() == FEATURE_NOT_SUPPORTED
                    || POSTGRES_ONLY.matcher(sql).find();
            if (!h2Limit) {
                return error;
            }
            return new DatabaseError(error.sqlState(), error.vendorCode(),
                    "H2 cannot run this statement; use --engine embedded-postgres: " + error.message(), error.kind());
        }

        @Override
        public void close() {
            try (Statement st = keepAlive.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                // Already gone: nothing is left behind either way.
            } finally {
                try {
                    keepAlive.close();
                } catch (SQLException ignored) {
                    // closing a shut-down connection can only fail harmlessly
                }
            }
        }
    }
}
