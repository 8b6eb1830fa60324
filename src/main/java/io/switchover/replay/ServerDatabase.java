package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.timeline.EngineKind;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    private Set<String> roles;

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
    public EngineKind kind() {
        return dialect == ServerDialect.POSTGRESQL ? EngineKind.POSTGRESQL : EngineKind.MARIADB;
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
        AdaptedScript withoutSlots = ReplicationSetup.skip(script);
        Set<String> known = dialect == ServerDialect.POSTGRESQL ? roles() : null;
        if (known == null) {
            return withoutSlots;
        }
        AdaptedScript withoutRoles = AbsentRoles.skip(withoutSlots.script(), known);
        Set<String> changes = new LinkedHashSet<>(withoutSlots.changes());
        changes.addAll(withoutRoles.changes());
        return new AdaptedScript(withoutRoles.script(), Set.copyOf(changes));
    }

    @Override
    public List<String> baselineFacts(Batch batch) {
        if (dialect != ServerDialect.POSTGRESQL) {
            return List.of();
        }
        Set<String> known = roles();
        if (known == null) {
            return List.of("roles unknown");
        }
        Set<String> absent = new java.util.TreeSet<>();
        batch.production().texts().forEach(script -> absent.addAll(AbsentRoles.absent(script, known)));
        return absent.isEmpty() ? List.of() : List.of("absent-roles " + String.join(",", absent));
    }

    /** The server's roles, read once (null when they cannot be read): migrations name production's cluster's. */
    private synchronized Set<String> roles() {
        if (roles == null) {
            Set<String> names = new HashSet<>();
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT rolname FROM pg_roles")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            } catch (SQLException e) {
                return null; // unknown: a statement naming a role runs as written, and fails as it would
            }
            roles = Set.copyOf(names);
        }
        return roles;
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
