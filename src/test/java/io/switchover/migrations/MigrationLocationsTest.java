package io.switchover.migrations;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flyway's rules for locations: missing ones skipped, several, prefixes, {vendor}, packages of Java migrations. */
class MigrationLocationsTest {
    private final MigrationReader reader = new MigrationReader();

    private static List<String> scripts(MigrationSet set) {
        return set.migrations().stream().map(Migration::script).toList();
    }

    @Test
    void aLocationTheCandidateLacksIsAWarningNotAnError() {
        InMemorySnapshot candidate = new InMemorySnapshot("candidate")
                .with("src/main/resources/db/migration/V1__init.sql", "CREATE TABLE t (id INT);");

        MigrationSet set = reader.read(candidate, List.of("src/main/resources/db/migration", "src/main/java/db/pg"));

        assertEquals(List.of("V1__init.sql"), scripts(set));
        assertEquals(List.of("location src/main/java/db/pg is not in candidate: Flyway skips a missing location"
                + " (failOnMissingLocations=false), and so does the check"), set.warnings());
    }

    @Test
    void aLocationNewInTheCandidateIsOnlyANoteForProduction() {
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with("src/main/resources/alfio/db/PGSQL/V1__init.sql", "CREATE TABLE t (id INT);");
        List<String> locations = List.of("src/main/resources/alfio/db/PGSQL", "src/main/java/alfio/db/PGSQL");

        MigrationSet set = reader.read(production, locations, Map.of(),
                MigrationReader.JavaReplay.production(Optional.empty()));
        MigrationSet none = reader.read(new InMemorySnapshot("older").with("README", ""),
                List.of("src/main/java/alfio/db/PGSQL"), Map.of(), MigrationReader.JavaReplay.production(Optional.empty()));

        assertEquals(List.of("V1__init.sql"), scripts(set));
        assertEquals(List.of(), set.warnings());
        assertEquals(List.of("location src/main/java/alfio/db/PGSQL is not in prod: production applied nothing from it"),
                set.notes());
        assertEquals(List.of(), scripts(none), "production that had none of the locations yet applied nothing of them");
    }

    @Test
    void everyLocationMissingFromTheCandidateIsStillAnError() {
        SwitchoverException error = assertThrows(SwitchoverException.class, () -> reader.read(
                new InMemorySnapshot("c").with("db/migration/V1__a.sql", "SELECT 1;"), List.of("sql/flyway")));

        assertTrue(error.getMessage().startsWith("migration folder 'sql/flyway' does not exist in c"), error.getMessage());
    }

    @Test
    void readsSeveralLocationsAndTheirPrefixes() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("src/main/resources/db/common/V1__common.sql", "CREATE TABLE a (id INT);")
                .with("sql/V2__more.sql", "CREATE TABLE b (id INT);")
                .with("src/main/java/com/example/migrations/V3__Java.java", JavaMigrationReadingTest.java(
                        "com.example.migrations", "V3__Java", JavaMigrationReadingTest.executes("CREATE TABLE c (id INT)")));

        MigrationSet set = reader.read(snapshot, List.of("classpath:db/common", "filesystem:sql",
                "classpath:com/example/migrations"));

        assertEquals(List.of("V1__common.sql", "V2__more.sql", "com.example.migrations.V3__Java"), scripts(set));
    }

    @Test
    void readsSpringBootsVendorFolderForTheReplayEnginesDatabase() {
        InMemorySnapshot snapshot = new InMemorySnapshot("boot")
                .with("src/main/resources/application.properties", "spring.flyway.locations=classpath:db/migration/{vendor}")
                .with("src/main/resources/db/migration/postgresql/V1__pg.sql", "CREATE TABLE t (id SERIAL);")
                .with("src/main/resources/db/migration/mysql/V1__my.sql", "CREATE TABLE t (id INT AUTO_INCREMENT);");

        assertEquals(List.of("V1__pg.sql"), scripts(reader.read(snapshot, List.of())));
        assertEquals(List.of("V1__my.sql"), scripts(new MigrationReader("mariadb").read(snapshot, List.of())));
        assertEquals(List.of("V1__pg.sql"), scripts(reader.read(snapshot, List.of("db/migration/{vendor}"))));
    }

    @Test
    void aConfiguredLocationHoldingOnlyJavaMigrationsExists() {
        InMemorySnapshot snapshot = new InMemorySnapshot("boot")
                .with("src/main/resources/application.yml", "spring:\n  flyway:\n    locations: classpath:db/changes\n")
                .with("src/main/java/db/changes/V1__Create.java", JavaMigrationReadingTest.java("db.changes",
                        "V1__Create", JavaMigrationReadingTest.executes("CREATE TABLE t (id INT)")));

        MigrationSet set = reader.read(snapshot, List.of());

        assertEquals(List.of("db.changes.V1__Create"), scripts(set));
        assertEquals(List.of("src/main/resources/db/changes"), set.locations());
    }

    @Test
    void findsJavaMigrationsUnderTheConventionalPackageWithoutAnySqlFolder() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("service/src/main/kotlin/db/migration/V1__create.kt", JavaMigrationReadingTest.kotlin(
                        "db.migration", "V1__create", "CREATE TABLE t (id INT)"))
                .with("service/src/test/kotlin/db/migration/V2__test.kt", JavaMigrationReadingTest.kotlin(
                        "db.migration", "V2__test", "DROP TABLE t"));

        assertEquals(List.of("db.migration.V1__create"), scripts(reader.read(snapshot, List.of())));
    }

    @Test
    void anIntegrationTestSourceSetsMigrationsAreTestDataNotProductionsHistory() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("api/src/main/resources/db/migration/V1__init.sql", "CREATE TABLE t (id INT);")
                .with("api/src/integrationTest/resources/db/migration/V2__seed.sql", "INSERT INTO t VALUES (1);")
                .with("api/src/integration-test/resources/db/migration/V3__seed.sql", "INSERT INTO t VALUES (2);")
                .with("api/src/it/resources/db/migration/V4__seed.sql", "INSERT INTO t VALUES (3);");

        assertEquals(List.of("api/src/main/resources/db/migration"), MigrationLocations.find(snapshot, List.of()));
    }
}
