package io.switchover.replay;

import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnlockedHistoryTest {
    private static final String HISTORY = "flyway_schema_history";

    private final UnlockedHistory unlocked = (UnlockedHistory) UnlockedHistory.around(null, HISTORY);

    @Test
    void flywaysLockOfItsHistoryReadsNoRowOnEveryDialect() {
        assertEquals("SELECT * FROM \"public\".\"flyway_schema_history\" WHERE 1 = 0",
                unlocked.unlocked("select * from \"public\".\"flyway_schema_history\" for update"));
        assertEquals("SELECT * FROM \"public\".\"flyway_schema_history\" WHERE 1 = 0",
                unlocked.unlocked("SELECT * FROM \"public\".\"flyway_schema_history\" FOR UPDATE"));
        assertEquals("SELECT * FROM `shop`.`flyway_schema_history` WHERE 1 = 0",
                unlocked.unlocked("SELECT * FROM `shop`.`flyway_schema_history` FOR UPDATE"));
        UnlockedHistory named = (UnlockedHistory) UnlockedHistory.around(null, "schema_version");
        assertEquals("SELECT * FROM \"app\".\"schema_version\" WHERE 1 = 0",
                named.unlocked("SELECT * FROM \"app\".\"schema_version\" FOR UPDATE"));
    }

    @Test
    void everyOtherStatementRunsAsWrittenAMigrationsOwnLockIncluded() {
        for (String sql : List.of("SELECT * FROM orders FOR UPDATE",
                "SELECT * FROM \"public\".\"flyway_schema_history_old\" FOR UPDATE",
                "SELECT * FROM \"public\".\"flyway_schema_history\"",
                "SELECT id FROM \"public\".\"flyway_schema_history\" FOR UPDATE",
                "UPDATE person SET brian = alice WHERE brian IS NULL")) {
            assertEquals(sql, unlocked.unlocked(sql), sql);
        }
        assertEquals("SELECT * FROM \"public\".\"flyway_schema_history\" FOR UPDATE",
                ((UnlockedHistory) UnlockedHistory.around(null, "schema_version"))
                        .unlocked("SELECT * FROM \"public\".\"flyway_schema_history\" FOR UPDATE"));
    }

    @Test
    void aGroupedReplayHoldsNoLockOnTheHistoryWhilePlainFlywayHoldsOneOnEveryRow() {
        InMemorySnapshot project = new InMemorySnapshot("deploy-1");
        for (int v = 1; v <= 4; v++) {
            project = project.with("db/migration/V" + v + "__step.sql", "CREATE TABLE t" + v + " (id INT);");
        }
        try (ReplayDatabase db = new H2Engine().create()) {
            LockingFromOutside outside = new LockingFromOutside(db);
            ReplayFlyway.configure(db, grouped(project), new HashMap<>()).callbacks(outside).load().migrate();
            assertEquals(List.of(), outside.refused, "the replay's history rows are free for another connection");
            assertEquals(4, outside.tries);
        }
        try (ReplayDatabase db = new H2Engine().create()) {
            LockingFromOutside outside = new LockingFromOutside(db);
            grouped(project).dataSource(db.url(), db.user(), db.password()).callbacks(outside).load().migrate();
            assertFalse(outside.refused.isEmpty(), "plain Flyway keeps its history rows locked to the group's end");
            assertTrue(outside.refused.get(0).contains("flyway_schema_history"), outside.refused.get(0));
        }
    }

    /** Flyway as the check configures it for {@code project}'s migrations, as one group. */
    private static FluentConfiguration grouped(InMemorySnapshot project) {
        return new MigrationReader().read(project, List.of()).flyway().group(true);
    }

    /** After each migration, tries to lock the history's rows from a connection of its own. */
    private static final class LockingFromOutside implements Callback {
        private final ReplayDatabase db;
        private final List<String> refused = new ArrayList<>();
        private int tries;

        LockingFromOutside(ReplayDatabase db) {
            this.db = db;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            tries++;
            try (Connection other = DriverManager.getConnection(db.url(), db.user(), db.password());
                 Statement st = other.createStatement()) {
                other.setAutoCommit(false);
                st.execute("SET LOCK_TIMEOUT 50");
                st.executeQuery("SELECT * FROM \"" + HISTORY + "\" FOR UPDATE").close();
                other.rollback();
            } catch (SQLException e) {
                refused.add(e.getMessage());
            }
        }

        @Override
        public String getCallbackName() {
            return "locking-from-outside";
        }
    }
}
