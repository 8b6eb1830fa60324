package io.switchover.migrations;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Production's schema as migrations: the history it applied, and for each applied migration the text that ran,
 * taken from the production snapshot when it has the migration and from the candidate otherwise.
 */
public final class ProductionState {
    private final ProductionHistory history;
    private final List<MigrationFile> files;
    /** Production's SQL callbacks ({@code afterMigrate__views.sql}...): Flyway ran them with its migrations. */
    private final List<MigrationFile> callbacks;
    private final List<AppliedJava> java;
    private final FlywaySettings settings;
    private final Optional<ProductionSchema> schema;
    /** Production's Java migrations of the last replay whose statements failed, and the first failure of each. */
    private volatile Map<String, String> partlyReplayed = Map.of();

    /** An applied Java migration: its class, from the set (production's, else the candidate's) that has it. */
    record AppliedJava(MigrationSet from, JavaMigrationClass source, Migration migration) {
    }

    ProductionState(ProductionHistory history, List<MigrationFile> files, List<MigrationFile> callbacks,
                    List<AppliedJava> java, FlywaySettings settings) {
        this(history, files, callbacks, java, settings, Optional.empty());
    }

    private ProductionState(ProductionHistory history, List<MigrationFile> files, List<MigrationFile> callbacks,
                            List<AppliedJava> java, FlywaySettings settings, Optional<ProductionSchema> schema) {
        this.history = history;
        this.files = List.copyOf(files);
        this.callbacks = List.copyOf(callbacks);
        this.java = List.copyOf(java);
        this.settings = settings;
        this.schema = schema;
    }

    /** The same state, reached by loading production's schema rather than by running its migrations. */
    ProductionState withSchema(ProductionSchema exported) {
        return new ProductionState(history, files, callbacks, java, settings, Optional.of(exported));
    }

    /** Production's schema as exported from its catalog, when the replay starts from it ({@code --prod-schema}). */
    public Optional<ProductionSchema> schema() {
        return schema;
    }

    public ProductionHistory history() {
        return history;
    }

    public FlywaySettings settings() {
        return settings;
    }

    List<MigrationFile> files() {
        return files;
    }

    /** The text of each migration the replay applies, and of each SQL callback it runs, read as consumed. */
    public Stream<String> texts() {
        return Stream.of(files.stream().map(file -> file.snapshot().read(file.path())),
                callbacks.stream().map(file -> "callback " + file.script() + "\n" + file.snapshot().read(file.path())),
                java.stream().map(applied -> applied.from().readableSql(applied.migration()))).flatMap(t -> t);
    }

    /** Production's SQL callbacks the replay runs with its migrations, by their names. */
    public List<String> callbacks() {
        return callbacks.stream().map(MigrationFile::script).toList();
    }

    /** How many of production's migrations the replay applies to build S0. */
    public int size() {
        return files.size() + java.size();
    }

    /**
     * Production's Java migrations for which the replay ran nothing, or (after one of those) only the statements that
     * did not fail: S0 may lack what they made.
     */
    public List<Migration> notReplayed() {
        if (schema.isPresent()) {
            return List.of(); // S0 is production's own schema: nothing of it is replayed
        }
        Map<String, String> partly = partlyReplayed;
        List<Migration> missing = new java.util.ArrayList<>();
        for (AppliedJava applied : java) {
            Migration migration = applied.migration();
            if (migration.notReplayed()) {
                missing.add(migration);
            } else if (partly.containsKey(migration.script())) {
                missing.add(new Migration(migration.version(), migration.description(), migration.script(),
                        migration.checksum(), migration.path(), new Migration.Replay.NotReplayed("of the SQL its source"
                        + " executes, what fails on the replay was skipped (" + partly.get(migration.script())
                        + "): an earlier Java migration the replay ran nothing for may have made what it needs")));
            }
        }
        return List.copyOf(missing);
    }

    /** Production's Java migrations, each with how the replay runs it. */
    public List<Migration> javaMigrations() {
        return java.stream().map(AppliedJava::migration).toList();
    }

    /**
     * A Flyway configuration (without a data source) that applies exactly production's migrations. After a Java
     * migration the replay runs nothing for, the statements of later ones' sources that fail are skipped (and
     * counted as not replayed) rather than failing the replay of production.
     */
    public FluentConfiguration flyway() {
        Map<String, String> partly = new java.util.concurrent.ConcurrentHashMap<>();
        partlyReplayed = partly;
        List<org.flywaydb.core.api.migration.JavaMigration> migrations = new java.util.ArrayList<>();
        boolean afterSkipped = false;
        for (AppliedJava applied : java) {
            ReplayableJavaMigration migration = applied.from().javaMigration(applied.source());
            if (afterSkipped) {
                String script = applied.migration().script();
                migration = migration.tolerating(failure -> partly.putIfAbsent(script, failure));
            }
            afterSkipped |= applied.migration().notReplayed();
            migrations.add(migration);
        }
        List<MigrationFile> resources = new java.util.ArrayList<>(files);
        resources.addAll(callbacks);
        return MigrationReader.configure(new MigrationFileProvider(resources), settings)
                .javaMigrations(migrations.toArray(org.flywaydb.core.api.migration.JavaMigration[]::new));
    }
}
