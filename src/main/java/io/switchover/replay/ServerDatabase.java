package io.switchover.replay;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A database on a PostgreSQL or MariaDB server that one replay owns; {@code onClose} destroys it. */
final class ServerDatabase implements ReplayDatabase {
    private final ServerDialect dialect;
    private final String description;
    private final String url;
    private final Credentials credentials;
    private final Runnable onClose;
    private final List<String> notes;
    private final Optional<ServerTemplates> templates;
    private Boolean foreignKeysSwitchable;

    ServerDatabase(ServerDialect dialect, String description, String url, Credentials credentials, Runnable onClose,
                   List<String> notes) {
        this(dialect, description, url, credentials, onClose, notes, Optional.empty());
    }

    ServerDatabase(ServerDialect dialect, String description, String url, Credentials credentials, Runnable onClose,
                   List<String> notes, Optional<ServerTemplates> templates) {
        this.templates = templates;
        this.dialect = dialect;
        this.description = description;
        this.url = url;
        this.credentials = credentials;
        this.onClose = onClose;
        this.notes = List.copyOf(notes);
    }

    @Override
    public boolean transactionalDdl() {
        return dialect == ServerDialect.POSTGRESQL;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String user() {
        return credentials.user().orElse(null);
    }

    @Override
    public String password() {
        return credentials.password().orElse(null);
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials.properties());
    }

    @Override
    public void disableForeignKeyChecks(Connection connection) throws SQLException {
        if (foreignKeysSwitchable == null) {
            foreignKeysSwitchable = dialect.canDisableForeignKeyChecks(connection);
        }
        // Without the right to switch them off, made-up rows trip foreign keys: a data conflict, which counts as passing.
        if (foreignKeysSwitchable) {
            dialect.foreignKeyChecks(connection, false);
        }
    }

    @Override
    public void enableForeignKeyChecks(Connection connection) throws SQLException {
        if (Boolean.TRUE.equals(foreignKeysSwitchable)) {
            dialect.foreignKeyChecks(connection, true);
        }
    }

    @Override
    public AdaptedScript adapt(String script) {
        return ReplicationSetup.skip(script);
    }

    @Override
    public FluentConfiguration tune(FluentConfiguration configuration) {
        return dialect.tune(configuration);
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public Optional<ServerTemplates> templates() {
        return templates;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
