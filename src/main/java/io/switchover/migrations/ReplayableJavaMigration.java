package io.switchover.migrations;

import io.switchover.patterns.JdbcParameters;
import io.switchover.sql.SqlScriptSplitter;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.resolver.ResolvedMigrationImpl;
import org.flywaydb.core.internal.resolver.java.JavaMigrationExecutor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A Java migration of a snapshot handed to Flyway ({@code FluentConfiguration.javaMigrations}), so that Flyway itself
 * orders it among the SQL migrations and matches it with history rows: its resolved migration carries the real class
 * name as its script and type JDBC, exactly as Flyway resolves the class on a deployment. What it does when Flyway
 * runs it depends on its {@link Migration.Replay}: the class from the artifact, the SQL its source executes, or
 * nothing.
 */
public final class ReplayableJavaMigration implements JavaMigration {
    private static final Pattern QUERY = Pattern.compile("(?is)^\\s*(\\(\\s*)*(SELECT|WITH|VALUES|SHOW|EXPLAIN)\\b.*");
    private static final Pattern NOT_IN_TRANSACTION = Pattern.compile("(?i)\\bCONCURRENTLY\\b|\\bVACUUM\\b");

    private final JavaMigrationClass source;
    private final Migration.Replay replay;
    private final ClassArtifact artifact;
    private final UnaryOperator<String> adaptation;
    /** Where a statement that fails goes when failures are tolerated; null when a failure fails the migration. */
    private final Consumer<String> skipped;
    private JavaMigration loaded;

    ReplayableJavaMigration(JavaMigrationClass source, Migration.Replay replay, ClassArtifact artifact) {
        this(source, replay, artifact, UnaryOperator.identity(), null);
    }

    private ReplayableJavaMigration(JavaMigrationClass source, Migration.Replay replay, ClassArtifact artifact,
                                    UnaryOperator<String> adaptation, Consumer<String> skipped) {
        this.source = source;
        this.replay = replay;
        this.artifact = artifact;
        this.adaptation = adaptation;
        this.skipped = skipped;
    }

    /**
     * The same migration with each statement its source executes rewritten for the replay engine first (H2 needs it;
     * an empty result skips the statement). A class from the artifact runs as it is.
     */
    public ReplayableJavaMigration adaptedWith(UnaryOperator<String> adapt) {
        return new ReplayableJavaMigration(source, replay, artifact, adapt, skipped);
    }

    /**
     * The same migration, whose source's statements that fail are skipped and handed to {@code sink}: for production's
     * migrations after one the replay ran nothing for, which may have made what they need.
     */
    ReplayableJavaMigration tolerating(Consumer<String> sink) {
        return new ReplayableJavaMigration(source, replay, artifact, adaptation, sink);
    }

    /** The class name: the script Flyway records. */
    public String script() {
        return source.className();
    }

    public Migration.Replay replay() {
        return replay;
    }

    @Override
    public MigrationVersion getVersion() {
        return source.version() == null ? null : MigrationVersion.fromVersion(source.version());
    }

    @Override
    public String getDescription() {
        return source.description();
    }

    @Override
    public Integer getChecksum() {
        return source.checksum();
    }

    @Override
    public ResolvedMigration getResolvedMigration(Configuration configuration, StatementInterceptor interceptor) {
        return new ResolvedMigrationImpl(getVersion(), getDescription(), source.className(), getChecksum(), null,
                CoreMigrationType.JDBC, source.path(), new JavaMigrationExecutor(this, interceptor));
    }

    @Override
    public boolean canExecuteInTransaction() {
        if (replay instanceof Migration.Replay.FromClass) {
            try {
                return loaded().canExecuteInTransaction();
            } catch (RuntimeException e) {
                return true; // migrate says why it cannot run
            }
        }
        if (replay instanceof Migration.Replay.FromSource fromSource) {
            return fromSource.statements().stream().noneMatch(s -> NOT_IN_TRANSACTION.matcher(s).find());
        }
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (replay instanceof Migration.Replay.FromClass) {
            JavaMigration migration = loaded();
            try {
                artifact.within(() -> {
                    migration.migrate(context);
                    return null;
                });
            } catch (LinkageError e) {
                // A plain jar without the libraries the class uses: say so rather than let an Error end the run.
                throw new io.switchover.SwitchoverException(io.switchover.ExitCode.BAD_INPUT, source.className()
                        + " from " + artifact.name() + " needs " + e.getMessage() + ", which the artifact does not"
                        + " carry; give the fat jar, or a folder with its libraries", e);
            }
        } else if (replay instanceof Migration.Replay.FromSource fromSource) {
            run(context.getConnection(), fromSource);
        }
    }

    /**
     * Runs the statements the source executes. Queries change nothing and are skipped; a statement with parameters
     * (its values come from rows that the replay's empty tables do not have) is prepared, which checks it on H2, but
     * not run.
     */
    private void run(Connection connection, Migration.Replay.FromSource fromSource) throws Exception {
        SqlScriptSplitter splitter = new SqlScriptSplitter();
        for (String text : fromSource.statements()) {
            for (SqlScriptSplitter.ScriptStatement statement : splitter.split(text)) {
                String sql = adaptation.apply(statement.sql()).strip();
                while (sql.endsWith(";")) {
                    sql = sql.substring(0, sql.length() - 1).strip();
                }
                if (sql.isEmpty() || QUERY.matcher(sql).matches()) {
                    continue;
                }
                JdbcParameters.Positional positional = JdbcParameters.toPositional(sql);
                if (positional.parameterCount() > 0) {
                    connection.prepareStatement(positional.sql()).close(); // prepared, not run
                    continue;
                }
                if (skipped == null) {
                    try (Statement run = connection.createStatement()) {
                        run.execute(sql);
                    }
                    continue;
                }
                Savepoint guard = connection.getAutoCommit() ? null : connection.setSavepoint();
                try (Statement run = connection.createStatement()) {
                    run.execute(sql);
                } catch (SQLException e) {
                    if (guard != null) {
                        try {
                            connection.rollback(guard);
                        } catch (SQLException gone) {
                            // DDL committed the savepoint away (MariaDB, H2): the failed statement changed nothing
                        }
                    }
                    skipped.accept(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
    }

    private synchronized JavaMigration loaded() {
        if (loaded == null) {
            loaded = artifact.instantiate(source.className());
        }
        return loaded;
    }

    @Override
    public String toString() {
        return source.className() + " (" + replay.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }
}
