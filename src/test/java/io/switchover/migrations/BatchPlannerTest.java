package io.switchover.migrations;

import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchPlannerTest {
    private final MigrationReader reader = new MigrationReader();
    private final InMemorySnapshot prod = new InMemorySnapshot("prod")
            .with("db/migration/V1__init.sql", "CREATE TABLE t (id INT);")
            .with("db/migration/V2__add_c.sql", "ALTER TABLE t ADD COLUMN c INT;")
            .with("db/migration/R__report_view.sql", "CREATE OR REPLACE VIEW report AS SELECT id FROM t;");

    private List<String> batch(InMemorySnapshot candidate) {
        return new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()))
                .migrations().stream().map(Migration::script).toList();
    }

    @Test
    void holdsTheVersionedMigrationsProductionLacksInVersionOrder() {
        InMemorySnapshot candidate = prod.next("candidate")
                .with("db/migration/V10__ten.sql", "ALTER TABLE t ADD COLUMN ten INT;")
                .with("db/migration/V3__three.sql", "ALTER TABLE t ADD COLUMN three INT;");

        assertEquals(List.of("V3__three.sql", "V10__ten.sql"), batch(candidate));
    }

    @Test
    void holdsARepeatableMigrationWhoseChecksumChangedAfterTheVersionedOnes() {
        InMemorySnapshot candidate = prod.next("candidate")
                .with("db/migration/V3__three.sql", "ALTER TABLE t ADD COLUMN three INT;")
                .with("db/migration/R__report_view.sql", "CREATE OR REPLACE VIEW report AS SELECT id, c FROM t;");

        assertEquals(List.of("V3__three.sql", "R__report_view.sql"), batch(candidate));
    }

    @Test
    void leavesOutAnUnchangedRepeatableMigration() {
        InMemorySnapshot candidate = prod.next("candidate")
                .with("db/migration/V3__three.sql", "ALTER TABLE t ADD COLUMN three INT;");

        assertEquals(List.of("V3__three.sql"), batch(candidate));
    }

    @Test
    void isEmptyWhenTheCandidateAddsNoMigration() {
        assertTrue(batch(prod.next("same")).isEmpty());
    }

    @Test
    void holdsANewRepeatableMigration() {
        InMemorySnapshot candidate = prod.next("candidate")
                .with("db/migration/R__another_view.sql", "CREATE OR REPLACE VIEW another AS SELECT c FROM t;");

        assertEquals(List.of("R__another_view.sql"), batch(candidate));
    }

    @Test
    void aHistoryRowWithAVersionFlywayCannotReadIsBadInputNamingTheRow() {
        ProductionHistory history = new ProductionHistory("jdbc:postgresql://prod/app", List.of(
                new AppliedMigration(1, "1", "init", "SQL", "V1__init.sql", null, true),
                new AppliedMigration(2, "1.x.y", "add c", "SQL", "V2__add_c.sql", null, true)), false);

        io.switchover.SwitchoverException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.switchover.SwitchoverException.class, () -> new BatchPlanner().plan(history,
                        java.util.Optional.empty(), reader.read(prod, List.of())));

        assertEquals(io.switchover.ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("jdbc:postgresql://prod/app: the row of rank 2 (V2__add_c.sql) has version '1.x.y', which is not a"
                + " Flyway version (digits separated by dots or underscores)", e.getMessage());
    }
}
