package io.switchover.replay;

import io.switchover.SwitchoverException;
import io.switchover.migrations.ReplayableJavaMigration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Flyway pointed at a replay database, with the engine's rewrites of the scripts, and what its failures mean. */
final class ReplayFlyway {

    private ReplayFlyway() {
    }

    /**
     * {@code base} configured for {@code db}, taking no locks on its history table ({@link UnlockedHistory}): its SQL
     * files and its replayable Java migrations' SQL rewritten by the engine, each script's rewrites recorded in
     * {@code adapted}.
     */
    static FluentConfiguration configure(ReplayDatabase db, FluentConfiguration base,
                                         Map<String, Set<String>> adapted) {
        FluentConfiguration configuration = base.dataSource(db.url(), db.user(), db.password());
        configuration.dataSource(UnlockedHistory.around(configuration.getDataSource(), configuration.getTable()));
        configuration.resourceProvider(new AdaptingResourceProvider(configuration.getResourceProvider(), db::adapt,
                adapted));
        // The SQL a Java migration's source executes is rewritten for the engine as a SQL file's is.
        JavaMigration[] java = configuration.getJavaMigrations();
        for (int i = 0; i < java.length; i++) {
            if (java[i] instanceof ReplayableJavaMigration replayable) {
                java[i] = replayable.adaptedWith(sql -> {
                    AdaptedScript result = db.adapt(sql);
                    if (!result.changes().isEmpty()) {
                        synchronized (adapted) {
                            adapted.computeIfAbsent(replayable.script(), k -> new LinkedHashSet<>())
                                    .addAll(result.changes());
                        }
                    }
                    return result.script();
                });
            }
        }
        configuration.javaMigrations(java);
        return db.tune(configuration);
    }

    /** A Java migration that cannot run from the artifact it was given: the input is wrong, not the migration. */
    static void rethrowBadInput(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SwitchoverException bad) {
                throw bad;
            }
        }
    }

    /** The first SQL exception among {@code error}'s causes; {@code null} if none. */
    static SQLException rootSqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
