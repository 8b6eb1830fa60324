package io.switchover.check;

import io.switchover.migrations.Batch;
import io.switchover.migrations.Migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The report's line on how the Java migrations of production and of the batch were replayed. */
final class JavaMigrationNotes {
    private JavaMigrationNotes() {
    }

    static Optional<String> of(Batch batch) {
        List<Migration> java = Stream.concat(batch.production().javaMigrations().stream(),
                batch.migrations().stream().filter(Migration::isJava)).toList();
        if (java.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> byWay = new LinkedHashMap<>();
        for (Migration migration : java) {
            String way = migration.replay() instanceof Migration.Replay.FromClass loaded ? "ran from " + loaded.artifact()
                    : migration.replay() instanceof Migration.Replay.FromSource ? "replayed from the SQL their source"
                    + " executes" : "not replayed (java-migration-not-replayed)";
            byWay.computeIfAbsent(way, k -> new ArrayList<>()).add(migration.script().substring(
                    migration.script().lastIndexOf('.') + 1));
        }
        List<String> parts = new ArrayList<>();
        byWay.forEach((way, names) -> parts.add(io.switchover.ShortList.of(names, 5) + " " + way));
        boolean missing = java.stream().anyMatch(Migration::notReplayed);
        return Optional.of("Java migrations: " + String.join("; ", parts) + (missing ? "; give --classpath (and"
                + " --prod-classpath for production's) with the built jar, Spring Boot fat jar or classes folder to"
                + " run their classes as Flyway does" : ""));
    }
}
