package io.switchover.migrations;

import io.switchover.snapshot.Snapshot;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import java.util.List;
import java.util.Optional;

/**
 * The migrations of one snapshot, in the order Flyway applies them, with the Flyway settings they were read with.
 *
 * @param ignored     files under the locations that Flyway does not take for migrations (not named as one), which a
 *                    deployment skips without a word
 * @param javaClasses the Java-based migrations found in the snapshot's source
 * @param classpath   the built artifact their classes are loaded from, when the pipeline gives one
 * @param notes       what the report should say about how the migrations were found
 * @param warnings    what may make the check miss something (a location the snapshot lacks...)
 * @param otherJavaMigrations source files of Java migrations that are not this check's (another vendor's, another
 *                    database's)
 */
public record MigrationSet(Snapshot snapshot, FlywaySettings settings, List<Migration> migrations,
                           List<String> ignored, List<JavaMigrationClass> javaClasses,
                           Optional<ClassArtifact> classpath, List<String> notes, List<String> warnings,
                           List<String> otherJavaMigrations) {

    public MigrationSet(Snapshot snapshot, FlywaySettings settings, List<Migration> migrations, List<String> ignored) {
        this(snapshot, settings, migrations, ignored, List.of(), Optional.empty(), List.of(), List.of(), List.of());
    }

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

    /**
     * The source files of the Java migrations, this check's and others' (another vendor's folder): they change a
     * schema, the service does not send their SQL.
     */
    public List<String> javaSources() {
        return java.util.stream.Stream.concat(javaClasses.stream().map(JavaMigrationClass::path),
                otherJavaMigrations.stream()).distinct().toList();
    }

    /** These migrations but some, as if their files had never been written. */
    public MigrationSet without(java.util.Set<Migration> left) {
        java.util.Set<String> paths = new java.util.HashSet<>();
        java.util.Set<String> scripts = new java.util.HashSet<>();
        left.forEach(m -> {
            paths.add(m.path());
            scripts.add(m.script());
        });
        return new MigrationSet(snapshot.without(paths), settings,
                migrations.stream().filter(m -> !left.contains(m)).toList(), ignored,
                javaClasses.stream().filter(c -> !scripts.contains(c.className())).toList(), classpath, notes,
                warnings, otherJavaMigrations);
    }

    /** A Flyway configuration (without a data source) that resolves exactly these migrations. */
    public FluentConfiguration flyway() {
        return MigrationReader.configure(snapshot, settings).javaMigrations(javaMigrations(javaClasses));
    }

    /**
     * The SQL the replay runs for a migration: the file, or the statements a Java migration's source executes (none
     * for one the replay runs nothing for); empty when the replay runs a class, whose effects only the database sees.
     */
    public Optional<String> replayedSql(Migration migration) {
        if (migration.replay() instanceof Migration.Replay.FromClass) {
            return Optional.empty();
        }
        return Optional.of(readableSql(migration));
    }

    /** The SQL of a migration as far as it can be read: the file, or what a Java migration's source executes. */
    public String readableSql(Migration migration) {
        Migration.Replay replay = migration.replay();
        if (replay instanceof Migration.Replay.FromSource source) {
            return script(source.statements());
        }
        if (replay instanceof Migration.Replay.FromClass loaded) {
            return script(loaded.sourceStatements());
        }
        if (replay instanceof Migration.Replay.NotReplayed) {
            return "";
        }
        return snapshot.read(migration.path());
    }

    static String script(List<String> statements) {
        StringBuilder script = new StringBuilder();
        for (String statement : statements) {
            String sql = statement.strip();
            script.append(sql).append(sql.endsWith(";") ? "\n" : ";\n");
        }
        return script.toString();
    }

    /** What Flyway is handed for the Java migrations of this set, each to replay as its {@link Migration#replay()}. */
    JavaMigration[] javaMigrations(List<JavaMigrationClass> classes) {
        return classes.stream().map(this::javaMigration).toArray(JavaMigration[]::new);
    }

    ReplayableJavaMigration javaMigration(JavaMigrationClass source) {
        Migration.Replay replay = migrations.stream().filter(m -> m.script().equals(source.className())).findFirst()
                .map(Migration::replay).orElse(new Migration.Replay.NotReplayed("not resolved by Flyway"));
        return new ReplayableJavaMigration(source, replay, classpath.orElse(null));
    }

    Optional<JavaMigrationClass> javaClass(String className) {
        return javaClasses.stream().filter(c -> c.className().equals(className)).findFirst();
    }
}
