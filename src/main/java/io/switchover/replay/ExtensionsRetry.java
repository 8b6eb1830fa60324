package io.switchover.replay;

import io.switchover.migrations.Batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays production's history; where it fails on a type, function or operator class of a PostgreSQL extension that
 * no migration creates, production's database evidently had that extension before its first migration, so the replay
 * starts again on a fresh database that has it (see {@link ProductionExtensions}).
 */
final class ExtensionsRetry {

    private ExtensionsRetry() {
    }

    /**
     * Production's history replayed on {@code first}, or on fresh databases with the extensions it turned out to
     * need; a note in {@code notes} names the extensions created. Where it fails otherwise, the failure (its database
     * closed).
     */
    static ProductionRun replay(ReplayEngine on, ReplayDatabase first, Batch batch, Map<String, Set<String>> adapted,
                                List<String> notes) {
        Set<String> created = new LinkedHashSet<>();
        ReplayDatabase db = first;
        while (true) {
            ProductionRun run = ProductionMigrations.replay(() -> withExtensions(on, created), db, batch, adapted);
            if (run instanceof ProductionRun.Ready) {
                if (!created.isEmpty()) {
                    notes.add(createdNote(created));
                }
                return run;
            }
            ProductionDoesNotReplay failure = ((ProductionRun.Failed) run).failure();
            Optional<ProductionExtensions.Missing> missing = Optional.ofNullable(failure.databaseError())
                    .flatMap(ProductionExtensions::explain);
            if (missing.isEmpty() || created.contains(missing.get().extension())) {
                return run;
            }
            ProductionRun withIt = withExtension(on, created, missing.get(), failure);
            if (!(withIt instanceof ProductionRun.Ready ready)) {
                return withIt;
            }
            db = ready.db();
            created.add(missing.get().extension());
            adapted.clear();
        }
    }

    private static String createdNote(Set<String> created) {
        boolean one = created.size() == 1;
        return "production's migrations use what the PostgreSQL extension" + (one ? " " : "s ")
                + String.join(", ", created) + (one ? " provides without creating it: production's"
                + " database has it, so the replay created it first" : " provide without creating them:"
                + " production's database has them, so the replay created them first");
    }

    /**
     * A fresh database with the extensions created so far and the one missing; where it cannot, {@code failure}
     * (advised where the extension is not available there), the database closed.
     */
    private static ProductionRun withExtension(ReplayEngine on, Set<String> created,
                                               ProductionExtensions.Missing missing, ProductionDoesNotReplay failure) {
        ReplayDatabase fresh = withExtensions(on, created);
        boolean available;
        try (Connection connection = fresh.connect()) {
            available = ProductionExtensions.available(connection, missing.extension());
            if (available) {
                ProductionExtensions.create(connection, missing.extension());
            }
        } catch (SQLException e) {
            fresh.close();
            return new ProductionRun.Failed(failure);
        } catch (RuntimeException | Error e) {
            fresh.close();
            throw e;
        }
        if (available) {
            return new ProductionRun.Ready(fresh);
        }
        ProductionDoesNotReplay advised = failure.advising("; production's migrations use " + missing.describe()
                + " without creating it, so production's database has it, but " + fresh.description()
                + " cannot create it: install the extension there (or point --engine-url at a server that has it),"
                + " or give production's schema (--prod-schema)");
        fresh.close();
        return new ProductionRun.Failed(advised);
    }

    /** A fresh database with these extensions (found before to be production's). */
    private static ReplayDatabase withExtensions(ReplayEngine on, Set<String> extensions) {
        ReplayDatabase fresh = on.create();
        if (extensions.isEmpty()) {
            return fresh;
        }
        try (Connection connection = fresh.connect()) {
            for (String extension : extensions) {
                ProductionExtensions.create(connection, extension);
            }
            return fresh;
        } catch (SQLException e) {
            fresh.close();
            throw new ReplayException("cannot create the extensions " + extensions + " on " + fresh.description()
                    + " again: " + DatabaseErrors.of(e), e);
        } catch (RuntimeException | Error e) {
            fresh.close();
            throw e;
        }
    }
}
