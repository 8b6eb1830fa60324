package io.switchover.migrations;

import io.switchover.snapshot.Snapshot;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.List;
import java.util.Optional;

/**
 * The migrations of one snapshot, in the order Flyway applies them, with the Flyway settings they were read with.
 *
 * @param ignored files under the locations that Flyway does not take for migrations (not named as one), which a
 *                deployment skips without a word
 */
public record MigrationSet(Snapshot snapshot, FlywaySettings settings, List<Migration> migrations,
                           List<String> ignored) {

    public MigrationSet(Snapshot snapshot, FlywaySettings settings, List<Migration> migrations) {
        this(snapshot, settings, migrations, List.of());
    }

    public List<String> locations() {
        return settings.locations();
    }

    public Optional<Migration> find(Migration like) {
        return find(like.identity());
    }

    public Optional<Migration> find(String identity) {
        return migrations.stream().filter(m -> m.identity().equals(identity)).findFirst();
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    /** These migrations but some, as if their files had never been written. */
    public MigrationSet without(java.util.Set<Migration> left) {
        java.util.Set<String> paths = new java.util.HashSet<>();
        left.forEach(m -> paths.add(m.path()));
        return new MigrationSet(snapshot.without(paths), settings,
                migrations.stream().filter(m -> !left.contains(m)).toList(), ignored);
    }

    /** A Flyway configuration (without a data source) that resolves exactly these migrations. */
    public FluentConfiguration flyway() {
        return MigrationReader.configure(snapshot, settings);
    }
}
