package io.switchover.check;

import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A project whose history is made of Java migrations only is checked like one of SQL files. */
class JavaOnlyHistoryTest {
    private static String migration(String name, String sql) {
        return "package db.migration;\n\nimport org.flywaydb.core.api.migration.BaseJavaMigration;\n"
                + "import org.flywaydb.core.api.migration.Context;\n\npublic class " + name
                + " extends BaseJavaMigration {\n    public void migrate(Context context) throws Exception {\n"
                + "        context.getConnection().createStatement().execute(\"" + sql + "\");\n    }\n}\n";
    }

    @Test
    void findsTheBreakOfAJavaMigrationInAHistoryOfJavaMigrations() {
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with("src/main/java/db/migration/V1__Create_person.java", migration("V1__Create_person",
                        "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100))"))
                .with("src/main/java/com/example/PersonRepository.java", "package com.example;\nclass PersonRepository {\n"
                        + "    static final String FIND = \"SELECT alice FROM person WHERE id = ?\";\n}\n");
        InMemorySnapshot candidate = production.next("candidate")
                .with("src/main/java/db/migration/V2__Drop_alice.java", migration("V2__Drop_alice",
                        "ALTER TABLE person DROP COLUMN alice"))
                .with("src/main/java/com/example/PersonRepository.java", "package com.example;\nclass PersonRepository { }\n");

        Report report = new SwitchoverCheck().run(CheckRequest.of(production, candidate, List.of(), List.of(),
                new H2Engine(), Severity.ERROR));

        assertEquals(Verdict.FAIL, report.verdict());
        List<Finding> errors = report.findingsAtOrAbove(Severity.ERROR);
        assertEquals(1, errors.size(), report.findings().toString());
        assertEquals("dropped-column-still-used", errors.get(0).rule());
        assertEquals("db.migration.V2__Drop_alice", errors.get(0).migration().script());
        assertEquals("src/main/java/com/example/PersonRepository.java:3", errors.get(0).pattern().origin().toString());
        assertEquals(List.of("db.migration.V2__Drop_alice"), report.batch().stream().map(m -> m.script()).toList());
    }
}
