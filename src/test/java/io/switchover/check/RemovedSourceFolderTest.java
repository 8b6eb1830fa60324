package io.switchover.check;

import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A source folder of the running version that the candidate removes is a module it drops, not a typo. */
class RemovedSourceFolderTest {

    @Test
    void checksTheRunningVersionsFolderAndWarnsThatTheCandidateRemovesIt() {
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with("db/migration/V1__init.sql", "CREATE TABLE task (id INT, name VARCHAR(10));")
                .with("service/src/main/java/com/example/Service.java",
                        "class Service { static final String SQL = \"SELECT name FROM task WHERE id = ?\"; }")
                .with("aggregate/src/main/java/com/example/Aggregate.java",
                        "class Aggregate { static final String SQL = \"SELECT id FROM task WHERE name = ?\"; }");
        InMemorySnapshot candidate = new InMemorySnapshot("candidate")
                .with("db/migration/V1__init.sql", "CREATE TABLE task (id INT, name VARCHAR(10));")
                .with("db/migration/V2__drop_name.sql", "ALTER TABLE task DROP COLUMN name;")
                .with("service/src/main/java/com/example/Service.java", "class Service { }");

        Report report = new SwitchoverCheck().run(CheckRequest.of(production, candidate, List.of(),
                List.of("service/src/main/java", "aggregate/src/main/java"), new H2Engine(), Severity.ERROR));

        assertEquals(Verdict.FAIL, report.verdict(), report.findings().toString());
        assertEquals(2, report.findingsAtOrAbove(Severity.ERROR).size(), report.findings().toString());
        assertTrue(report.warnings().contains("source folder aggregate/src/main/java is not in candidate: the candidate"
                + " removes it"), report.warnings().toString());
    }
}
