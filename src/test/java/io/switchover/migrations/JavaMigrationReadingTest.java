package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Java and Kotlin migrations found in a snapshot's source, named, ordered and matched as Flyway does. */
class JavaMigrationReadingTest {
    private final MigrationReader reader = new MigrationReader();

    static String java(String pkg, String name, String body) {
        return "package " + pkg + ";\n\nimport org.flywaydb.core.api.migration.BaseJavaMigration;\n"
                + "import org.flywaydb.core.api.migration.Context;\n\npublic class " + name
                + " extends BaseJavaMigration {\n" + body + "\n}\n";
    }

    static String executes(String sql) {
        return "    public void migrate(Context context) throws Exception {\n"
                + "        context.getConnection().createStatement().execute(\"" + sql + "\");\n    }";
    }

    static String kotlin(String pkg, String name, String sql) {
        return "package " + pkg + "\n\nimport org.flywaydb.core.api.migration.BaseJavaMigration\n"
                + "import org.flywaydb.core.api.migration.Context\n\nclass " + name + " : BaseJavaMigration() {\n"
                + "    override fun migrate(context: Context) {\n"
                + "        context.connection.createStatement().use { it.execute(\"\"\"" + sql + "\"\"\") }\n"
                + "    }\n}\n";
    }

    private static InMemorySnapshot mixed() {
        return new InMemorySnapshot("app")
                .with("src/main/resources/db/migration/V1__create_person.sql", "CREATE TABLE person (id INT);")
                .with("src/main/java/db/migration/V1_2__Add_thing.java", java("db.migration", "V1_2__Add_thing",
                        executes("ALTER TABLE person ADD COLUMN thing INT")))
                .with("src/main/resources/db/migration/V2__index.sql", "CREATE INDEX i ON person (thing);")
                .with("src/main/kotlin/db/migration/V10__view.kt", kotlin("db.migration", "V10__view",
                        "CREATE VIEW person_view AS SELECT id FROM person"))
                .with("src/main/java/db/migration/R__Refresh.java", java("db.migration", "R__Refresh",
                        executes("DELETE FROM person WHERE id < 0")))
                .with("src/main/java/db/migration/MigrationHelper.java", "package db.migration;\nclass MigrationHelper {}")
                .with("src/test/java/db/migration/V99__Test_only.java", java("db.migration", "V99__Test_only",
                        executes("DROP TABLE person")));
    }

    @Test
    void ordersJavaAndKotlinMigrationsAmongTheSqlOnesAndNamesThemAsFlywayDoes() {
        MigrationSet set = reader.read(mixed(), List.of());

        assertEquals(List.of("V1__create_person.sql", "db.migration.V1_2__Add_thing", "V2__index.sql",
                "db.migration.V10__view", "db.migration.R__Refresh"), set.migrations().stream()
                .map(Migration::script).toList());
        Migration thing = set.migrations().get(1);
        assertEquals("1.2", thing.version());
        assertEquals("Add thing", thing.description());
        assertNull(thing.checksum(), "Flyway records no checksum for a Java migration");
        assertEquals("src/main/java/db/migration/V1_2__Add_thing.java", thing.path());
        assertEquals("JDBC", thing.type());
        assertEquals(new Migration.Replay.FromSource(List.of("ALTER TABLE person ADD COLUMN thing INT")), thing.replay());
        assertEquals("src/main/kotlin/db/migration/V10__view.kt", set.migrations().get(3).path());
        assertTrue(set.migrations().get(4).isRepeatable());
        assertEquals(List.of("src/main/java/db/migration/V1_2__Add_thing.java",
                "src/main/java/db/migration/R__Refresh.java", "src/main/kotlin/db/migration/V10__view.kt"),
                set.javaSources().stream().sorted((a, b) -> a.contains("kotlin") ? 1 : b.contains("kotlin") ? -1
                        : b.compareTo(a)).toList());
    }

    @Test
    void readsAHistoryMadeOnlyOfJavaMigrations() {
        InMemorySnapshot snapshot = new InMemorySnapshot("java-only")
                .with("src/main/java/db/migration/V1__Create.java", java("db.migration", "V1__Create",
                        executes("CREATE TABLE t (id INT)")))
                .with("src/main/java/db/migration/V2__Grow.java", java("db.migration", "V2__Grow",
                        executes("ALTER TABLE t ADD COLUMN c INT")));

        MigrationSet set = reader.read(snapshot, List.of());

        assertEquals(List.of("db.migration.V1__Create", "db.migration.V2__Grow"),
                set.migrations().stream().map(Migration::script).toList());
    }

    @Test
    void takesVersionDescriptionAndChecksumFromLiteralOverrides() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("src/main/resources/db/migration/V57__tables.sql", "CREATE TABLE facets (id INT);")
                .with("src/main/java/db/migration/V57_1__BackfillFacets.java", """
                        package db.migration;
                        import org.flywaydb.core.api.MigrationVersion;
                        import org.flywaydb.core.api.migration.*;
                        public class V57_1__BackfillFacets implements JavaMigration {
                          public MigrationVersion getVersion() { return MigrationVersion.fromVersion("57.2"); }
                          public String getDescription() { return "BackfillFacets"; }
                          public Integer getChecksum() { return 42; }
                          public boolean canExecuteInTransaction() { return true; }
                          public void migrate(Context context) { }
                        }
                        """);

        Migration migration = reader.read(snapshot, List.of()).migrations().get(1);

        assertEquals("57.2", migration.version());
        assertEquals("BackfillFacets", migration.description());
        assertEquals(42, migration.checksum());
        assertEquals("db.migration.V57_1__BackfillFacets", migration.script());
    }

    @Test
    void takesAClassOutsideTheLocationsThatClearlyIsAMigrationAndSaysSo() {
        InMemorySnapshot snapshot = new InMemorySnapshot("marquez")
                .with("api/src/main/resources/marquez/db/migration/V1__init.sql", "CREATE TABLE runs (id INT);")
                .with("api/src/main/java/marquez/db/migrations/V1_1__Backfill.java", java("marquez.db.migrations",
                        "V1_1__Backfill", executes("UPDATE runs SET id = id")))
                // another database vendor's copy, and another module's: not this check's
                .with("api/src/main/java/marquez/db/mysql/V1_2__Other.java", java("marquez.db.mysql", "V1_2__Other",
                        executes("UPDATE runs SET id = 1")))
                .with("cli/src/main/java/marquez/cli/V1_3__Other.java", java("marquez.cli", "V1_3__Other",
                        executes("UPDATE runs SET id = 2")));

        MigrationSet set = reader.read(snapshot, List.of("api/src/main/resources/marquez/db/migration"));

        assertEquals(List.of("V1__init.sql", "marquez.db.migrations.V1_1__Backfill"),
                set.migrations().stream().map(Migration::script).toList());
        assertTrue(set.notes().stream().anyMatch(n -> n.startsWith("Java migrations of package marquez.db.migrations"
                + " (V1_1__Backfill) are taken though no location names it")), set.notes().toString());
        assertTrue(set.javaSources().contains("api/src/main/java/marquez/db/mysql/V1_2__Other.java"),
                "another vendor's migration is no service's SQL either");
    }

    @Test
    void theAbstractBaseThatVendorMigrationsExtendIsAMigrationsSourceNotTheServices() {
        // UAA: each vendor's V2_5_3 extends one abstract base in the parent package, which formats and runs the SQL
        String base = "src/main/java/org/example/db/CreateGroupsForZones.java";
        InMemorySnapshot snapshot = new InMemorySnapshot("uaa")
                .with("src/main/resources/org/example/db/postgresql/V1__init.sql", "CREATE TABLE groups (id INT);")
                .with(base, """
                        package org.example.db;

                        import org.flywaydb.core.api.migration.BaseJavaMigration;
                        import org.flywaydb.core.api.migration.Context;

                        public abstract class CreateGroupsForZones extends BaseJavaMigration {
                            protected abstract String quoted(String name);

                            public void migrate(Context context) throws Exception {
                                context.getConnection().createStatement()
                                        .execute(String.format("UPDATE %s SET id = id", quoted("groups")));
                            }
                        }
                        """)
                .with("src/main/java/org/example/db/postgresql/V2__Migrate_Groups.java", """
                        package org.example.db.postgresql;

                        import org.example.db.CreateGroupsForZones;

                        public class V2__Migrate_Groups extends CreateGroupsForZones {
                            protected String quoted(String name) { return "\"" + name + "\""; }
                        }
                        """)
                .with("src/main/java/org/example/db/GroupDao.java", "package org.example.db;\nclass GroupDao {}");

        MigrationSet set = reader.read(snapshot, List.of("src/main/resources/org/example/db/postgresql"));

        assertEquals(List.of("V1__init.sql", "org.example.db.postgresql.V2__Migrate_Groups"),
                set.migrations().stream().map(Migration::script).toList());
        assertTrue(set.javaSources().contains(base), set.javaSources().toString());
        assertFalse(set.javaSources().contains("src/main/java/org/example/db/GroupDao.java"),
                "a class of the same package that is no migration stays the service's");
    }

    @Test
    void takesNoClassOutsideLocationsThatHoldJavaMigrations() {
        InMemorySnapshot snapshot = new InMemorySnapshot("airbyte")
                .with("db/src/main/kotlin/io/db/configs/migrations/V1__Configs.kt", kotlin("io.db.configs.migrations",
                        "V1__Configs", "CREATE TABLE actor (id INT)"))
                .with("db/src/main/kotlin/io/db/jobs/migrations/V2__Jobs.kt", kotlin("io.db.jobs.migrations",
                        "V2__Jobs", "CREATE TABLE jobs (id INT)"));

        MigrationSet set = reader.read(snapshot, List.of("db/src/main/kotlin/io/db/configs/migrations"));

        assertEquals(List.of("io.db.configs.migrations.V1__Configs"),
                set.migrations().stream().map(Migration::script).toList());
    }

    @Test
    void refusesTwoJavaMigrationsOfOneVersion() {
        InMemorySnapshot snapshot = mixed().with("src/main/java/db/migration/sub/V1_2__Again.java",
                java("db.migration.sub", "V1_2__Again", executes("SELECT 1")));

        SwitchoverException error = assertThrows(SwitchoverException.class, () -> reader.read(snapshot, List.of()));

        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().contains("are both migration version 1.2"), error.getMessage());
    }

    @Test
    void saysWhyAMigrationWhoseSqlIsBuiltAtRunTimeIsNotReplayed() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("src/main/java/db/migration/V1__Dynamic.java", java("db.migration", "V1__Dynamic", """
                            public void migrate(Context context) throws Exception {
                                String table = System.getenv("TABLE");
                                context.getConnection().createStatement().execute("DROP TABLE " + table);
                            }"""));

        Migration migration = reader.read(snapshot, List.of()).migrations().get(0);

        Migration.Replay.NotReplayed replay = assertInstanceOf(Migration.Replay.NotReplayed.class, migration.replay());
        assertTrue(replay.reason().contains("is built at run time"), replay.reason());
        assertTrue(migration.notReplayed());
    }

    @Test
    void matchesJavaMigrationsWithHistoryRowsByVersionAsFlywayDoes() {
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with("src/main/java/db/migration/V1__Create.java", java("db.migration", "V1__Create",
                        executes("CREATE TABLE t (id INT)")));
        InMemorySnapshot candidate = production.next("candidate")
                .with("src/main/java/db/migration/V2__Grow.java", java("db.migration", "V2__Grow",
                        executes("ALTER TABLE t ADD COLUMN c INT")));
        ProductionHistory history = new ProductionHistory("db", List.of(
                new AppliedMigration(1, "1", "Create", "JDBC", "db.migration.V1__Create", null, true)), true);

        Batch batch = new BatchPlanner().plan(history, java.util.Optional.of(reader.read(production, List.of())),
                reader.read(candidate, List.of()));

        assertEquals(List.of("db.migration.V2__Grow"), batch.migrations().stream().map(Migration::script).toList());
        assertEquals(List.of(), batch.problems());
        assertEquals(1, batch.production().size());
        assertEquals("JDBC", ProductionHistory.fromSnapshot(reader.read(production, List.of()), "prod").rows().get(0)
                .type());
    }

    @Test
    void findsAJavaMigrationEditedRemovedOrOutOfOrderAgainstTheHistory() {
        InMemorySnapshot candidate = new InMemorySnapshot("candidate")
                .with("src/main/java/db/migration/V1__Create.java", java("db.migration", "V1__Create",
                        "    public Integer getChecksum() { return 7; }\n" + executes("CREATE TABLE t (id INT)")))
                .with("src/main/java/db/migration/V2__Late.java", java("db.migration", "V2__Late",
                        executes("ALTER TABLE t ADD COLUMN c INT")));
        ProductionHistory history = new ProductionHistory("db", List.of(
                new AppliedMigration(1, "1", "Create", "JDBC", "db.migration.V1__Create", 6, true),
                new AppliedMigration(2, "3", "Gone", "JDBC", "db.migration.V3__Gone", null, true)), true);

        Batch batch = new BatchPlanner().plan(history, java.util.Optional.empty(), reader.read(candidate, List.of()));

        assertEquals(List.of(HistoryProblem.Kind.EDITED_AFTER_APPLY, HistoryProblem.Kind.OUT_OF_ORDER,
                HistoryProblem.Kind.MISSING_FROM_CANDIDATE), batch.problems().stream().map(HistoryProblem::kind)
                .toList());
    }

    @Test
    void placeholdersAreNotLookedForInJavaMigrations() {
        InMemorySnapshot candidate = new InMemorySnapshot("c")
                .with("src/main/java/db/migration/V1__Create.java", java("db.migration", "V1__Create",
                        executes("CREATE TABLE t (id INT) -- ${not_a_placeholder}")));
        MigrationSet set = reader.read(candidate, List.of(), Map.of());
        Batch batch = new BatchPlanner().plan(new ProductionHistory("db", List.of(), true), java.util.Optional.empty(),
                set);

        PlaceholderCheck.requireValues(batch);
        assertFalse(batch.isEmpty());
    }
}
