package io.switchover.migrations;

import java.util.List;
import java.util.Optional;

/** The migrations of one snapshot, in the order Flyway applies them, with the locations they came from. */
public record MigrationSet(List<String> locations, List<Migration> migrations) {

    public Optional<Migration> find(Migration like) {
        return migrations.stream().filter(m -> m.identity().equals(like.identity())).findFirst();
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }
}
