package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only plain names reach production's SQL: whatever else is given as a table or schema is refused before. */
class HistoryTableTest {

    @Test
    void acceptsThePlainNamesFlywayUses() {
        for (String name : new String[] {"flyway_schema_history", "schema_version", "FlywayHistory", "_history",
                "history$2", "a".repeat(63)}) {
            assertEquals(name, new HistoryTable(name, name).table());
        }
    }

    @Test
    void refusesAnythingThatCouldLeaveTheIdentifier() {
        for (String name : new String[] {"flyway_schema_history\"; CREATE TABLE pwned (x int); --",
                "flyway_schema_history`; DROP DATABASE prod; -- ", "people.flyway_schema_history",
                "flyway schema history", "history'", "history\u0000", "history\n", "1history", "", "a".repeat(64),
                "histörie", "hist\u200Bory", "\"flyway_schema_history\""}) {
            SwitchoverException error = assertThrows(SwitchoverException.class,
                    () -> HistoryTable.requirePlain(name, "--history-table"), name);
            assertEquals(ExitCode.BAD_INPUT, error.exitCode());
            assertTrue(error.getMessage().startsWith("--history-table: '"), error.getMessage());
            assertEquals(1, error.getMessage().lines().count(), error.getMessage());
            assertThrows(SwitchoverException.class, () -> new HistoryTable("public", name), name);
            assertThrows(SwitchoverException.class, () -> new HistoryTable(name, "flyway_schema_history"), name);
        }
    }
}
