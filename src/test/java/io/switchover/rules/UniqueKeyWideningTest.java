package io.switchover.rules;

import io.switchover.replay.EmbeddedPostgresEngine;
import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A unique key widened to more columns rejects nothing the production key did not reject already: no old write that
 * works today fails on it. A key on fewer columns, or on other ones, may reject old writes.
 */
class UniqueKeyWideningTest {
    private static final String SCHEMA = "CREATE TABLE slot (id BIGINT PRIMARY KEY, room VARCHAR(20), slot_day DATE,"
            + " starts_at TIME, CONSTRAINT slot_room_day_uq UNIQUE (room, slot_day));";
    private static final String INSERT = "INSERT INTO slot (id, room, slot_day, starts_at) VALUES (?, ?, ?, ?)";
    private static final String RULE = "new-constraint-may-reject-old-writes";

    private static List<Finding> findings(String migration) {
        return findings(RuleScenario.production(SCHEMA, INSERT), migration);
    }

    private static List<Finding> findings(RuleScenario scenario, String migration) {
        Report report = scenario.migrate("slots", migration).check();
        return report.findings().stream().filter(f -> f.rule().equals(RULE)).toList();
    }

    @Test
    void acceptsTheWideningAndFlagsTheNarrowingOnPostgres() {
        try (EmbeddedPostgresEngine postgres = EmbeddedPostgresEngine.shared()) {
            assertEquals(List.of(), findings(RuleScenario.production(SCHEMA, INSERT).on(postgres),
                    "CREATE UNIQUE INDEX CONCURRENTLY slot_room_day_start ON slot (room, slot_day, starts_at);"));
            assertEquals(1, findings(RuleScenario.production(SCHEMA, INSERT).on(postgres),
                    "ALTER TABLE slot DROP CONSTRAINT slot_room_day_uq;\n"
                            + "ALTER TABLE slot ADD CONSTRAINT slot_room_uq UNIQUE (room);").size());
        }
    }

    @Test
    void flagsAPartialUniqueIndexWidenedOnPostgres() {
        try (EmbeddedPostgresEngine postgres = EmbeddedPostgresEngine.shared()) {
            // Production's key holds only for some rows; the new one holds for all.
            String partial = "CREATE TABLE slot (id BIGINT PRIMARY KEY, room VARCHAR(20), slot_day DATE,"
                    + " starts_at TIME);\nCREATE UNIQUE INDEX slot_room_day ON slot (room, slot_day) WHERE id > 0;";
            assertEquals(1, findings(RuleScenario.production(partial, INSERT).on(postgres),
                    "CREATE UNIQUE INDEX slot_room_day_start ON slot (room, slot_day, starts_at);").size());
        }
    }

    @Test
    void acceptsAUniqueConstraintWidenedAfterTheOldOneIsDropped() {
        assertEquals(List.of(), findings("ALTER TABLE slot DROP CONSTRAINT slot_room_day_uq;\n"
                + "ALTER TABLE slot ADD CONSTRAINT slot_room_day_start_uq UNIQUE (room, slot_day, starts_at);"));
    }

    @Test
    void acceptsAUniqueIndexWidenedBeforeTheOldOneIsDropped() {
        assertEquals(List.of(), findings("CREATE UNIQUE INDEX slot_room_day_start ON slot (room, slot_day, starts_at);\n"
                + "ALTER TABLE slot DROP CONSTRAINT slot_room_day_uq;"));
    }

    @Test
    void flagsAUniqueKeyNarrowedToFewerColumns() {
        List<Finding> found = findings("ALTER TABLE slot DROP CONSTRAINT slot_room_day_uq;\n"
                + "CREATE UNIQUE INDEX slot_room ON slot (room);");

        assertEquals(1, found.size(), found.toString());
        assertEquals("V2__slots.sql adds UNIQUE INDEX slot_room (room) on slot, and prod still writes slot.room: a"
                + " write the constraint rejects fails", found.get(0).message());
    }

    @Test
    void flagsAUniqueKeyOnOtherColumns() {
        assertEquals(1, findings("ALTER TABLE slot ADD CONSTRAINT slot_day_start_uq UNIQUE (slot_day, starts_at);").size());
    }
}
