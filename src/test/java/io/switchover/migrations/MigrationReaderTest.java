package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationReaderTest {
    private final MigrationReader reader = new MigrationReader();

    @Test
    void ordersVersionsNumericallyAndRepeatablesLastAsFlywayDoes() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("db/migration/V10__ten.sql", "CREATE TABLE ten (id INT);")
                .with("db/migration/V2__two.sql", "CREATE TABLE two (id INT);")
                .with("db/migration/R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;")
                .with("db/migration/V1.1__one_point_one.sql", "CREATE TABLE opo (id INT);")
                .with("db/migration/sub/V3__in_a_subfolder.sql", "CREATE TABLE three (id INT);");

        MigrationSet set = reader.read(snapshot, List.of());

        assertEquals(List.of("V1.1__one_point_one.sql", "V2__two.sql", "sub/V3__in_a_subfolder.sql", "V10__ten.sql",
                "R__views.sql"), set.migrations().stream().map(Migration::script).toList());
        assertEquals("1.1", set.migrations().get(0).version());
        assertEquals("one point one", set.migrations().get(0).description());
        assertEquals("db/migration/sub/V3__in_a_subfolder.sql", set.migrations().get(2).path());
        assertNull(set.migrations().get(4).version());
        assertTrue(set.migrations().get(4).isRepeatable());
    }

    @Test
    void checksumsIgnoreLineEndingsButNotContent() {
        Migration unix = only(new InMemorySnapshot("a").with("db/migration/V1__t.sql", "CREATE TABLE t (id INT);\nSELECT 1;\n"));
        Migration windows = only(new InMemorySnapshot("b").with("db/migration/V1__t.sql", "CREATE TABLE t (id INT);\r\nSELECT 1;\r\n"));
        Migration edited = only(new InMemorySnapshot("c").with("db/migration/V1__t.sql", "CREATE TABLE t (id BIGINT);\nSELECT 1;\n"));

        assertEquals(unix.checksum(), windows.checksum());
        assertNotEquals(unix.checksum(), edited.checksum());
    }

    @Test
    void findsMigrationsUnderSpringBootsResourceFolder() {
        InMemorySnapshot snapshot = new InMemorySnapshot("boot")
                .with("src/main/resources/db/migration/V1__init.sql", "CREATE TABLE t (id INT);");

        MigrationSet set = reader.read(snapshot, List.of());

        assertEquals(List.of("src/main/resources/db/migration"), set.locations());
    }

    @Test
    void readsAnExplicitLocation() {
        InMemorySnapshot snapshot = new InMemorySnapshot("custom")
                .with("database/flyway/V1__init.sql", "CREATE TABLE t (id INT);")
                .with("db/migration/V1__decoy.sql", "CREATE TABLE decoy (id INT);");

        MigrationSet set = reader.read(snapshot, List.of("./database/flyway/"));

        assertEquals("V1__init.sql", set.migrations().get(0).script());
        assertEquals(1, set.migrations().size());
    }

    @Test
    void rejectsAFileNameFlywayWouldRejectWithTheNameInTheMessage() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("db/migration/V1__init.sql", "CREATE TABLE t (id INT);")
                .with("db/migration/V2_add_column.sql", "ALTER TABLE t ADD COLUMN c INT;");

        SwitchoverException error = assertThrows(SwitchoverException.class, () -> reader.read(snapshot, List.of()));

        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().contains("V2_add_column.sql"), error.getMessage());
        assertTrue(!error.getMessage().contains("\n"), "one line: " + error.getMessage());
    }

    @Test
    void listsAFileThatIsNoMigrationByItsNameAsFlywaySkipsIt() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("db/migration/V1__init.sql", "CREATE TABLE t (id INT);")
                .with("db/migration/update-sequences.sql", "SELECT setval('t_seq', 1);")
                .with("db/migration/afterMigrate__grants.sql", "GRANT SELECT ON t TO reporting;");

        MigrationSet set = reader.read(snapshot, List.of());

        assertEquals(1, set.migrations().size());
        assertEquals(List.of("db/migration/update-sequences.sql"), set.ignored(), "a callback is not ignored");
    }

    @Test
    void leavesOutABaselineMigrationWhichStandsInForTheVersionsBelowItOnAFreshDatabaseOnly() {
        InMemorySnapshot snapshot = new InMemorySnapshot("app")
                .with("db/migration/V1__a.sql", "CREATE TABLE a (id INT);")
                .with("db/migration/V2__b.sql", "CREATE TABLE b (id INT);")
                .with("db/migration/B2__baseline.sql", "CREATE TABLE a (id INT); CREATE TABLE b (id INT);")
                .with("db/migration/V3__c.sql", "CREATE TABLE c (id INT);");

        assertEquals(List.of("V1__a.sql", "V2__b.sql", "V3__c.sql"),
                reader.read(snapshot, List.of()).migrations().stream().map(Migration::script).toList());
    }

    @Test
    void rejectsASnapshotWithoutMigrations() {
        InMemorySnapshot snapshot = new InMemorySnapshot("nothing").with("src/Main.java", "class Main {}");

        SwitchoverException error = assertThrows(SwitchoverException.class, () -> reader.read(snapshot, List.of()));

        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().startsWith("no Flyway migrations found in nothing"), error.getMessage());
    }

    private Migration only(InMemorySnapshot snapshot) {
        return reader.read(snapshot, List.of()).migrations().get(0);
    }
}
