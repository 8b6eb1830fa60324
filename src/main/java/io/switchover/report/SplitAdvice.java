package io.switchover.report;

import io.switchover.migrations.Migration;
import org.flywaydb.core.api.MigrationVersion;

import java.util.List;
import java.util.Optional;

/**
 * How to split the batch so that the running version survives: the migrations before the first breaking one can go
 * now; the breaking one and those after it wait for a later deployment. Or, {@code verified}, the fewest to hold back:
 * the breaking ones alone, the batch replayed again without them and seen to break nothing that was checked.
 */
public record SplitAdvice(List<Migration> promoteNow, List<Migration> holdBack, boolean verified) {

    public SplitAdvice(List<Migration> promoteNow, List<Migration> holdBack) {
        this(promoteNow, holdBack, false);
    }

    /**
     * The held-back migrations whose version is below one promoted now: once that one is applied, Flyway ignores them
     * and its validation fails, unless {@code outOfOrder} is set (veilarbportefolje held back V1_112 and promoted
     * V1_113; its later deployment needed outOfOrder). Such a migration needs a version above the batch's when it is
     * promoted.
     */
    public List<Migration> belowAPromotedVersion() {
        return highestPromoted().map(highest -> holdBack.stream().filter(m -> m.version() != null
                && version(m).compareTo(version(highest)) < 0).toList()).orElse(List.of());
    }

    /** The versioned migration promoted now with the highest version (repeatable ones have none). */
    public Optional<Migration> highestPromoted() {
        return promoteNow.stream().filter(m -> m.version() != null)
                .max(java.util.Comparator.comparing(SplitAdvice::version));
    }

    private static MigrationVersion version(Migration migration) {
        return MigrationVersion.fromVersion(migration.version());
    }
}
