package io.switchover.check;

import io.switchover.SwitchoverException;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file named like a migration but not one (V11_x.sql) never ran: Flyway skips it. Production is what it is, so there
 * it is a note; in the candidate it is a typo that would never run, and bad input.
 */
class MisnamedMigrationTest {
    private static final InMemorySnapshot PRODUCTION = new InMemorySnapshot("prod")
            .with("db/migration/V1__create_task.sql", "CREATE TABLE task (id BIGINT PRIMARY KEY, body VARCHAR(100));")
            .with("db/migration/V2_widen_output.sql", "ALTER TABLE task ALTER COLUMN body TYPE TEXT;")
            .with("src/main/java/com/example/Tasks.java", "package com.example;\nclass Tasks {\n"
                    + "    static final String FIND = \"SELECT body FROM task WHERE id = ?\";\n}\n");

    @Test
    void aMisnamedFileInProductionIsANoteAndItsFixedNameIsTheBatch() {
        InMemorySnapshot candidate = PRODUCTION.next("candidate").without("db/migration/V2_widen_output.sql")
                .with("db/migration/V3__widen_output.sql", "ALTER TABLE task ALTER COLUMN body TYPE TEXT;");

        Report report = new SwitchoverCheck().run(CheckRequest.of(PRODUCTION, candidate, List.of(), List.of(),
                new H2Engine(), Severity.ERROR));

        assertEquals(Verdict.PASS, report.verdict(), report.findings().toString());
        assertEquals(List.of("V3__widen_output.sql"), report.batch().stream().map(m -> m.script()).toList());
        assertTrue(report.notes().stream().anyMatch(w -> w.contains("db/migration/V2_widen_output.sql is named like"
                + " a migration but is not one: Flyway skipped it in production")), report.notes().toString());
    }

    @Test
    void aMisnamedFileNewInTheCandidateIsBadInput() {
        InMemorySnapshot production = PRODUCTION.next("prod").without("db/migration/V2_widen_output.sql");
        InMemorySnapshot candidate = production.next("candidate")
                .with("db/migration/V2_widen_output.sql", "ALTER TABLE task ALTER COLUMN body TYPE TEXT;");

        SwitchoverException error = assertThrows(SwitchoverException.class, () -> new SwitchoverCheck().run(
                CheckRequest.of(production, candidate, List.of(), List.of(), new H2Engine(), Severity.ERROR)));

        assertTrue(error.getMessage().contains("V2_widen_output.sql is named like a migration but is not one"),
                error.getMessage());
    }
}
