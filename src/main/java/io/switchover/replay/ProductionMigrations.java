package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.ShortList;
import io.switchover.SwitchoverException;
import io.switchover.migrations.Batch;
import io.switchover.migrations.FlywayMessages;
import io.switchover.migrations.Migration;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs production's migrations on a replay database; where they fail, says so with a {@link ProductionDoesNotReplay}:
 * the failing script and advice on what the user can give instead.
 */
final class ProductionMigrations {

    /** PostgreSQL refuses an enum value in the transaction that added it; production that does so is not grouped. */
    private static final Pattern ADD_ENUM_VALUE = Pattern.compile("\\bALTER\\s+TYPE\\s+\\S+\\s+ADD\\s+VALUE\\b",
            Pattern.CASE_INSENSITIVE);

    private ProductionMigrations() {
    }

    /**
     * Production's migrations on {@code db}, as one group where that is safe; where DDL is transactional and the group
     * fails, {@code db} is thrown away and production replayed again one by one on a database from {@code create}.
     * Whatever fails closes the database it failed on.
     */
    static ProductionRun replay(Supplier<ReplayDatabase> create, ReplayDatabase db, Batch batch,
                                Map<String, Set<String>> adapted) {
        Optional<ProductionDoesNotReplay> failure;
        boolean again;
        try {
            BatchAs batchAs = db.transactionalDdl() && addsEnumValues(batch) ? BatchAs.ONE_BY_ONE : BatchAs.ONE_GROUP;
            failure = migrate(db, batch, adapted, batchAs);
            if (failure.isEmpty()) {
                return new ProductionRun.Ready(db);
            }
            again = batchAs.grouped() && db.transactionalDdl();
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
        db.close();
        if (!again) {
            return new ProductionRun.Failed(failure.get());
        }
        adapted.clear();
        return oneByOne(create.get(), batch, adapted);
    }

    /** Production's migrations one by one on {@code db}; where they fail, how (the database closed). */
    private static ProductionRun oneByOne(ReplayDatabase db, Batch batch, Map<String, Set<String>> adapted) {
        Optional<ProductionDoesNotReplay> failure;
        try {
            failure = migrate(db, batch, adapted, BatchAs.ONE_BY_ONE);
            if (failure.isEmpty()) {
                return new ProductionRun.Ready(db);
            }
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
        db.close();
        return new ProductionRun.Failed(failure.get());
    }

    /** Runs production's migrations on {@code db} as {@code batchAs} says; how they failed, if they did. */
    static Optional<ProductionDoesNotReplay> migrate(ReplayDatabase db, Batch batch, Map<String, Set<String>> adapted,
                                                     BatchAs batchAs) {
        FailedScript failed = new FailedScript();
        try {
            ReplayFlyway.configure(db, batch.production().flyway(), adapted).group(batchAs.grouped()).callbacks(failed)
                    .load().migrate();
            return Optional.empty();
        } catch (FlywayException e) {
            ReplayFlyway.rethrowBadInput(e);
            SQLException cause = ReplayFlyway.rootSqlException(e);
            String reason = cause == null ? FlywayMessages.firstLine(e) : DatabaseErrors.of(cause).toString();
            DatabaseError databaseError = cause == null ? null : DatabaseErrors.of(cause);
            Optional<String> notInstalled = ProductionExtensions.notInstalled(reason);
            SwitchoverException error = new SwitchoverException(notInstalled.isPresent() ? ExitCode.INFRASTRUCTURE
                    : ExitCode.BAD_INPUT, "production's migrations do not replay on " + db.description() + ": "
                    + FlywayMessages.firstLine(e) + (cause == null ? "" : ": " + databaseError)
                    + notInstalled.map(extension -> "; production's migrations create the extension " + extension
                            + ", " + ProductionExtensions.notInstalledOn(db))
                    .orElseGet(() -> advice(batch, databaseError) + newerServer(db, databaseError)), e);
            return Optional.of(new ProductionDoesNotReplay(error, failed.script == null ? "migrations" : failed.script,
                    db.description(), reason, databaseError));
        }
    }

    private static boolean addsEnumValues(Batch batch) {
        try {
            return batch.production().texts().anyMatch(text -> ADD_ENUM_VALUE.matcher(text).find());
        } catch (RuntimeException e) {
            return false; // Flyway reports an unreadable migration better
        }
    }

    /**
     * Production's Java migrations the replay ran nothing for: what they would have made (or dropped) is the likelier
     * cause of a failure, and the way out is production's artifact or its schema.
     */
    private static String advice(Batch batch, DatabaseError error) {
        String unreplayed = unreplayed(batch);
        if (unreplayed.isEmpty() && error != null && error.kind() == FailureKind.UNDEFINED_TABLE) {
            return "; if no migration creates it, production's database holds it (another application's"
                    + " tables, objects made by hand or by the database's image), so give production's schema"
                    + " (--prod-schema, from switchover snapshot-prod --schema)";
        }
        return unreplayed;
    }

    /**
     * A migration PostgreSQL cannot parse or does not support may be written for a newer one than the replay's (a
     * subquery in FROM without an alias is PostgreSQL 16's): production's own version is the engine to use.
     */
    private static String newerServer(ReplayDatabase db, DatabaseError error) {
        if (db.kind() != io.switchover.timeline.EngineKind.POSTGRESQL || error == null
                || error.kind() != FailureKind.SYNTAX && error.kind() != FailureKind.UNSUPPORTED
                && error.kind() != FailureKind.UNDEFINED_FUNCTION) {
            return "";
        }
        return "; if production runs a newer PostgreSQL than " + db.description() + ", replay on its version:"
                + " --engine postgres --engine-url <a server of that version>, or --engine testcontainers --image"
                + " postgres:<version>";
    }

    private static String unreplayed(Batch batch) {
        List<String> skipped = batch.production().javaMigrations().stream().filter(Migration::notReplayed)
                .map(Migration::script).toList();
        if (skipped.isEmpty()) {
            return "";
        }
        String named = ShortList.of(skipped, 3);
        return "; the replay ran nothing for production's Java migration" + (skipped.size() == 1 ? " " : "s ") + named
                + ", which may have made or removed what it needs: give production's built artifact"
                + " (--prod-classpath) or its schema (--prod-schema, from switchover snapshot-prod --schema)";
    }

    /** Remembers which production migration failed. */
    private static final class FailedScript implements Callback {
        private String script;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            script = context.getMigrationInfo().getScript();
        }

        @Override
        public String getCallbackName() {
            return "switchover-production-failure";
        }
    }
}
