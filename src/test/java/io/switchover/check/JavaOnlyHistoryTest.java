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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchover.SwitchoverException;

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

    @Test
    void aHistoryThatDoesNotReplayNamesTheJavaMigrationsTheReplayRanNothingFor() {
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with("src/main/java/db/migration/V1__Create_person.java", "package db.migration;\n\n"
                        + "import org.flywaydb.core.api.migration.BaseJavaMigration;\n"
                        + "import org.flywaydb.core.api.migration.Context;\n\n"
                        + "public class V1__Create_person extends BaseJavaMigration {\n"
                        + "    public void migrate(Context context) throws Exception {\n"
                        + "        SchemaHelper.createFrom(context, \"person.ddl\");\n    }\n}\n")
                .with("src/main/resources/db/migration/V2__Add_bob.sql", "ALTER TABLE person ADD COLUMN bob INT;\n");
        InMemorySnapshot candidate = production.next("candidate")
                .with("src/main/resources/db/migration/V3__Add_carol.sql", "ALTER TABLE person ADD COLUMN carol INT;\n");

        SwitchoverException error = assertThrows(SwitchoverException.class, () -> new SwitchoverCheck().run(
                CheckRequest.of(production, candidate, List.of(), List.of(), new H2Engine(), Severity.ERROR)));

        assertTrue(error.getMessage().startsWith("production's migrations do not replay"), error.getMessage());
        assertTrue(error.getMessage().contains("the replay ran nothing for production's Java migration"
                + " db.migration.V1__Create_person, which may have made or removed what it needs"), error.getMessage());
        assertTrue(error.getMessage().endsWith("(--prod-schema, from switchover snapshot-prod --schema)"), error.getMessage());
    }
}
