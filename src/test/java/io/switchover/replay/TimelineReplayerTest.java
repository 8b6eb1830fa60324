package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineReplayerTest {
    private final InMemorySnapshot prod = new InMemorySnapshot("deploy-1")
            .with("db/migration/V1__create_person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));")
            .with("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);");
    private final InMemorySnapshot candidate = prod.next("deploy-5")
            .with("db/migration/V3__copy_alice_to_brian.sql", "UPDATE person SET brian = alice WHERE brian IS NULL;")
            .with("db/migration/V4__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;");

    private Timeline replay(InMemorySnapshot production, InMemorySnapshot next, List<ProbeStatement> statements) {
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(production, List.of()), reader.read(next, List.of()));
        return new TimelineReplayer(new H2Engine()).replay(batch, statements);
    }

    @Test
    void takesOneStatePerBatchMigrationAndSeesTheDropOfAliceAtTheLastStep() {
        ProbeStatement insert = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)", List.of("person"),
                List.of("person.id", "person.alice"));
        Timeline timeline = replay(prod, candidate, List.of(insert));

        assertEquals(3, timeline.states().size());
        assertTrue(timeline.states().get(0).outcomes().get(0).passed());
        assertTrue(timeline.states().get(1).outcomes().get(0).passed(), "copying data breaks nothing");
        SchemaState afterDrop = timeline.states().get(2);
        assertEquals("V4__drop_alice.sql", afterDrop.migration().script());
        assertFalse(afterDrop.outcomes().get(0).passed());
        assertEquals(FailureKind.UNDEFINED_COLUMN, afterDrop.outcomes().get(0).error().kind());
        assertEquals(List.of(new CatalogDiff.ColumnRef("person", "alice")), afterDrop.diff().droppedColumns());
        assertTrue(timeline.failure().isEmpty());
    }

    @Test
    void aWatchingReplayProbesOnlyTheStatementsItWatches() {
        ProbeStatement insert = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)", List.of("person"),
                List.of("person.id", "person.alice"));
        ProbeStatement select = new ProbeStatement("SELECT alice FROM person WHERE id = ?", List.of("person"),
                List.of("person.id", "person.alice"));
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));

        Timeline timeline = TimelineReplayer.watching(new H2Engine(), BaselineCache.none(), index -> index == 1)
                .replay(batch, List.of(insert, select));

        SchemaState afterDrop = timeline.states().get(2);
        assertTrue(afterDrop.outcomes().get(0).unaffected(), "the insert was not watched, so never run");
        assertEquals(FailureKind.UNDEFINED_COLUMN, afterDrop.outcomes().get(1).error().kind());
    }

    @Test
    void probesLeaveNoRowsBehindForTheNextState() {
        ProbeStatement insert = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)", List.of("person"),
                List.of("person.id", "person.alice"));
        InMemorySnapshot unique = prod.next("deploy-2")
                .with("db/migration/V3__unique_alice.sql", "ALTER TABLE person ADD CONSTRAINT person_alice UNIQUE (alice);");
        Timeline timeline = replay(prod, unique, List.of(insert));

        assertTrue(timeline.failure().isEmpty(), () -> "the probe row of S0 must not stay: " + timeline.failure());
        assertTrue(timeline.states().get(1).outcomes().get(0).passed());
    }

    @Test
    void aProbeDoesNotSeeTheRowsOfTheProbesBeforeIt() {
        ProbeStatement insert = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)", List.of("person"),
                List.of("person.id", "person.alice"));
        ProbeStatement sameInsertAgain = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?) ",
                List.of("person"), List.of("person.id", "person.alice"));

        Timeline timeline = replay(prod, candidate, List.of(insert, sameInsertAgain));

        // A duplicate key on made-up data would pass as no break; only a probe that sees the other's row gets one.
        assertTrue(timeline.initial().outcomes().stream().allMatch(outcome -> outcome.error() == null),
                () -> "the same made-up key twice: " + timeline.initial().outcomes());
    }

    @Test
    void seesAnInsertThatOmitsAColumnAddedNotNull() {
        ProbeStatement insert = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)", List.of("person"),
                List.of("person.id", "person.alice"));
        InMemorySnapshot notNull = prod.next("deploy-2")
                .with("db/migration/V3__add_country.sql", "ALTER TABLE person ADD COLUMN country VARCHAR(2) NOT NULL;");
        Timeline timeline = replay(prod, notNull, List.of(insert));

        assertEquals(FailureKind.NOT_NULL_VIOLATION, timeline.states().get(1).outcomes().get(0).error().kind());
    }

    @Test
    void probesNothingThatUsesOnlyTablesTheBatchLeavesAlone() {
        InMemorySnapshot withAudit = prod.next("deploy-1b")
                .with("db/migration/V2_1__audit.sql", "CREATE TABLE audit (id BIGINT PRIMARY KEY, what VARCHAR(100));");
        InMemorySnapshot next = withAudit.next("deploy-2")
                .with("db/migration/V3__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;");
        ProbeStatement audit = new ProbeStatement("SELECT no_such_column FROM audit", List.of("audit"), List.of());
        ProbeStatement onlyTheCandidate = new ProbeStatement("SELECT what FROM audit", List.of("audit"), List.of(), true);
        ProbeStatement person = new ProbeStatement("SELECT alice FROM person", List.of("person"), List.of());

        ProbeStatement notParsed = new ProbeStatement("SELECT what FROM audit WHERE what = 'person'", List.of(),
                List.of());
        ProbeStatement notParsedOnPerson = new ProbeStatement("SELECT alice FROM person", List.of(), List.of());

        Timeline timeline = replay(withAudit, next, List.of(audit, onlyTheCandidate, person, notParsed,
                notParsedOnPerson));

        assertTrue(timeline.initial().outcomes().get(0).unaffected(), "a statement on a table no migration names");
        assertTrue(timeline.initial().outcomes().get(3).unaffected(), "a statement whose text names no such table");
        assertFalse(timeline.initial().outcomes().get(4).unaffected(), "one whose tables are not known but named");
        assertTrue(timeline.states().get(1).outcomes().get(0).unaffected());
        assertFalse(timeline.initial().outcomes().get(1).unaffected(), "the candidate's own statement is seen working");
        assertFalse(timeline.states().get(1).outcomes().get(2).passed());
    }

    @Test
    void probesManyStatementsAtS0OnSeveralConnectionsAndKeepsEachOutcomeWithItsStatement() {
        List<ProbeStatement> statements = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String column = i % 3 == 0 ? "no_such_column" : "alice";
            statements.add(new ProbeStatement("SELECT " + column + " FROM person WHERE id = " + i, List.of("person"),
                    List.of()));
        }
        Timeline timeline = replay(prod, candidate, statements);

        for (int i = 0; i < 300; i++) {
            assertEquals(i % 3 != 0, timeline.initial().outcomes().get(i).passed(), "statement " + i + " at S0");
            assertEquals(FailureKind.UNDEFINED_COLUMN, timeline.states().get(2).outcomes().get(i).error().kind(),
                    "statement " + i + " after the drop of alice");
        }
    }

    @Test
    void leavesTheProjectsOwnHistoryTableOutOfTheCatalog() {
        InMemorySnapshot named = prod.next("deploy-1").with("flyway.conf", "flyway.table=schema_version\n");
        Timeline timeline = replay(named, candidate.next("deploy-5").with("flyway.conf", "flyway.table=schema_version\n"),
                List.of());

        assertTrue(timeline.initial().catalog().table("schema_version").isEmpty(), timeline.initial().catalog().tables().keySet().toString());
        assertTrue(timeline.initial().catalog().table("person").isPresent());
    }

    @Test
    void stopsAtAMigrationTheDatabaseRefuses() {
        InMemorySnapshot broken = prod.next("deploy-2")
                .with("db/migration/V3__typo.sql", "ALTER TABLE persn ADD COLUMN x INT;")
                .with("db/migration/V4__more.sql", "ALTER TABLE person ADD COLUMN y INT;");
        Timeline timeline = replay(prod, broken, List.of());

        assertTrue(timeline.failure().isPresent());
        assertEquals("V3__typo.sql", timeline.failure().get().migration().script());
        assertEquals(1, timeline.failure().get().step());
        assertEquals(1, timeline.states().size());
    }

    @Test
    void disablesForeignKeyChecksForProbesOnly() {
        InMemorySnapshot withOrders = prod.next("deploy-2")
                .with("db/migration/V3__orders.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, person_id BIGINT REFERENCES person(id));");
        ProbeStatement insert = new ProbeStatement("INSERT INTO orders (id, person_id) VALUES (?, ?)", List.of("orders"),
                List.of("orders.id", "orders.person_id"));
        Timeline timeline = replay(prod, withOrders, List.of(insert));

        assertEquals(null, timeline.states().get(1).outcomes().get(0).error());
    }

    @Test
    void replaysOnTheFallbackWhereH2CannotDoWhatAStatementDoesAtALaterState() {
        InMemorySnapshot borrower = new InMemorySnapshot("deploy-0")
                .with("db/migration/V1__borrower.sql", "CREATE TABLE borrower (id BIGINT PRIMARY KEY, email VARCHAR(100));");
        InMemorySnapshot behindView = borrower.next("deploy-1").with("db/migration/V2__rename.sql",
                "ALTER TABLE borrower RENAME TO member;\nCREATE VIEW borrower AS SELECT id, email FROM member;");
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(borrower, List.of()), reader.read(behindView, List.of()));
        ProbeStatement insert = new ProbeStatement("INSERT INTO borrower (id, email) VALUES (?, ?)", List.of("borrower"),
                List.of("borrower.id", "borrower.email"));

        Timeline onH2 = new TimelineReplayer(new H2Engine()).replay(batch, List.of(insert));
        assertEquals(FailureKind.UNSUPPORTED, onH2.states().get(1).outcomes().get(0).error().kind(),
                "H2 cannot write through a view");

        Timeline auto = new TimelineReplayer(AutoEngine.forDialect(null)).replay(batch, List.of(insert));
        assertTrue(auto.engine().startsWith("embedded PostgreSQL"), auto.engine());
        assertTrue(auto.states().get(1).outcomes().get(0).passed(), "PostgreSQL writes through a simple view");
        assertTrue(auto.notes().get(0).contains("cannot run INSERT INTO borrower"), auto.notes().toString());
    }
}
