package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Probing on real PostgreSQL (embedded, started once for the class): what the driver's prepare alone would miss. */
class PostgresProbeTest {
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    private final InMemorySnapshot prod = new InMemorySnapshot("deploy-1")
            .with("db/migration/V1__person.sql", "CREATE TABLE person (id bigint PRIMARY KEY, alice varchar(100),"
                    + " created_at timestamptz NOT NULL DEFAULT now());");
    private final ProbeStatement insert = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)",
            List.of("person"), List.of("person.id", "person.alice"));
    private final ProbeStatement select = new ProbeStatement("SELECT alice FROM person WHERE id = ?",
            List.of("person"), List.of("person.id"));

    private Timeline replay(InMemorySnapshot candidate, ProbeStatement... statements) {
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
        return new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of(statements));
    }

    @Test
    void catalogsTheFunctionsSequencesTypesAndEnumValuesThatAStepRemoves() {
        InMemorySnapshot before = prod.next("deploy-1b")
                .with("db/migration/V2__objects.sql", """
                        CREATE TYPE order_status AS ENUM ('NEW', 'PAID', 'ARCHIVED');
                        CREATE SEQUENCE invoice_number;
                        CREATE FUNCTION full_name(p person) RETURNS text AS $$ SELECT p.alice $$ LANGUAGE sql;
                        CREATE TABLE orders (id bigint PRIMARY KEY, status order_status,
                            kind varchar(10) CHECK (kind IN ('retail', 'bulk')));
                        """);
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(before, List.of()), reader.read(before.next("deploy-2")
                .with("db/migration/V3__contract.sql", """
                        DROP FUNCTION full_name(person);
                        DROP SEQUENCE invoice_number;
                        ALTER TYPE order_status RENAME TO order_status_old;
                        CREATE TYPE order_status AS ENUM ('NEW', 'PAID');
                        ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::text::order_status;
                        DROP TYPE order_status_old;
                        ALTER TABLE orders DROP CONSTRAINT orders_kind_check,
                            ADD CONSTRAINT orders_kind_check CHECK (kind IN ('retail'));
                        """), List.of()));
        Timeline timeline = new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of());

        CatalogDiff diff = timeline.states().get(1).diff();
        assertEquals(List.of(new CatalogDiff.ObjectRef("function", "full_name"),
                new CatalogDiff.ObjectRef("sequence", "invoice_number")), diff.removedObjects());
        assertEquals(List.of(new CatalogDiff.ValueRef("order_status", "ARCHIVED"),
                new CatalogDiff.ValueRef("orders.kind", "bulk")), diff.removedValues());
    }

    @Test
    void skipsTheSetUpOfAReplicationSlotWhichNoThrowawayServerCanRunAndSaysSo() {
        InMemorySnapshot withSlot = prod.next("deploy-1c").with("db/migration/V2__replication.sql", """
                DO
                $$
                    BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'ds_replication') THEN
                            PERFORM PG_CREATE_LOGICAL_REPLICATION_SLOT('ds_replication', 'pgoutput');
                        END IF;
                    END
                $$;
                CREATE TABLE export_marker (id bigint PRIMARY KEY);
                """);
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(withSlot, List.of()), reader.read(withSlot.next("deploy-2")
                .with("db/migration/V3__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;"), List.of()));
        Timeline timeline = new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of(select));

        assertTrue(timeline.initial().catalog().table("export_marker").isPresent(), "the rest of V2 ran");
        assertTrue(timeline.notes().stream().anyMatch(n -> n.contains("V2__replication.sql")
                && n.contains("replication slot")), timeline.notes().toString());
        assertEquals(FailureKind.UNDEFINED_COLUMN, timeline.states().get(1).outcomes().get(0).error().kind());
    }

    @Test
    void executesEveryProbeSoThatADroppedColumnAndAMissingNotNullValueShow() {
        Timeline timeline = replay(prod.next("deploy-2")
                        .with("db/migration/V2__country.sql", "ALTER TABLE person ADD COLUMN country char(2) NOT NULL;")
                        .with("db/migration/V3__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;"),
                insert, select);

        assertTrue(timeline.engine().startsWith("embedded PostgreSQL"), timeline.engine());
        assertTrue(timeline.initial().outcomes().stream().allMatch(ProbeOutcome::passed), timeline.initial().toString());
        assertEquals(FailureKind.NOT_NULL_VIOLATION, timeline.states().get(1).outcomes().get(0).error().kind());
        assertEquals("23502", timeline.states().get(1).outcomes().get(0).error().sqlState());
        assertTrue(timeline.states().get(1).outcomes().get(1).passed());
        assertEquals(FailureKind.UNDEFINED_COLUMN, timeline.states().get(2).outcomes().get(1).error().kind());
    }

    @Test
    void makesUpValuesThatEnumsJsonArraysAndUuidsAccept() {
        InMemorySnapshot typed = new InMemorySnapshot("deploy-1")
                .with("db/migration/V1__notes.sql", "CREATE TYPE note_kind AS ENUM ('PUBLIC', 'PRIVATE');\n"
                        + "CREATE TABLE note (id uuid PRIMARY KEY, kind note_kind NOT NULL, body jsonb NOT NULL,"
                        + " tags text[] NOT NULL);");
        ProbeStatement insertNote = new ProbeStatement("INSERT INTO note (id, kind, body, tags) VALUES (?, ?, ?, ?)",
                List.of("note"), List.of("note.id", "note.kind", "note.body", "note.tags"));
        ProbeStatement byKind = new ProbeStatement("SELECT id FROM note WHERE kind = ?", List.of("note"),
                java.util.Arrays.asList((String) null));
        MigrationReader reader = new MigrationReader();
        InMemorySnapshot next = typed.next("deploy-2").with("db/migration/V2__more.sql", "ALTER TABLE note ADD COLUMN x int;");
        Batch batch = new BatchPlanner().plan(reader.read(typed, List.of()), reader.read(next, List.of()));

        Timeline timeline = new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of(insertNote, byKind));

        assertTrue(timeline.initial().outcomes().get(0).passed(), () -> timeline.initial().outcomes().toString());
        assertTrue(timeline.initial().outcomes().get(1).passed(), () -> timeline.initial().outcomes().toString());
    }

    @Test
    void aFailedProbeDoesNotAbortTheMigrationsTransaction() {
        Timeline timeline = replay(prod.next("deploy-2")
                        .with("db/migration/V2__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;\n"
                                + "ALTER TABLE person ADD COLUMN brian text;")
                        .with("db/migration/V3__more.sql", "ALTER TABLE person ADD COLUMN x int;"),
                select, insert);

        assertTrue(timeline.failure().isEmpty(), () -> timeline.failure().toString());
        assertEquals(3, timeline.states().size());
        assertEquals(FailureKind.UNDEFINED_COLUMN, timeline.states().get(2).outcomes().get(0).error().kind());
    }

    @Test
    void madeUpRowsTrippingAForeignKeyAreNoBreakAndTriggersStillFire() {
        Timeline timeline = replay(prod.next("deploy-2")
                        .with("db/migration/V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY,"
                                + " person_id bigint NOT NULL REFERENCES person (id));")
                        .with("db/migration/V3__guard.sql", """
                                CREATE FUNCTION no_alice() RETURNS trigger LANGUAGE plpgsql AS $$
                                BEGIN
                                    IF NEW.alice IS NOT NULL THEN RAISE EXCEPTION 'alice is read-only now'; END IF;
                                    RETURN NEW;
                                END;
                                $$;
                                CREATE TRIGGER no_alice BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION no_alice();
                                """),
                new ProbeStatement("INSERT INTO orders (id, person_id) VALUES (?, ?)", List.of("orders"),
                        List.of("orders.id", "orders.person_id")), insert);

        assertFalse(timeline.initial().outcomes().get(0).passed(), "orders does not exist at S0");
        assertTrue(timeline.initial().outcomes().get(1).passed(), "a statement that fails at S0 spoils none after it");
        assertTrue(timeline.states().get(2).outcomes().get(0).passed(), "a foreign-key violation of made-up data");
        assertEquals("P0001", timeline.states().get(2).outcomes().get(1).error().sqlState());
    }

    @Test
    void typesParametersFromTheSchemaAtS0AndSeesATypeChange() {
        Timeline timeline = replay(prod.next("deploy-2").with("db/migration/V2__alice_int.sql",
                "ALTER TABLE person ALTER COLUMN alice TYPE integer USING NULL;"), insert);

        assertTrue(timeline.initial().outcomes().get(0).passed());
        assertFalse(timeline.states().get(1).outcomes().get(0).passed(), "S0 sends alice as text, as the old code does");
    }

    /** Production's migrations run as one group first; where they cannot, one by one as they were deployed. */
    @Test
    void replaysProductionOneMigrationAtATimeWhereTheyCannotRunInOneTransaction() {
        InMemorySnapshot enums = prod.next("deploy-1b")
                .with("db/migration/V2__mood.sql", "CREATE TYPE mood AS ENUM ('ok');")
                .with("db/migration/V3__great.sql", "ALTER TYPE mood ADD VALUE 'great';")
                .with("db/migration/V4__feeling.sql",
                        "CREATE TABLE feeling (id bigint PRIMARY KEY, m mood NOT NULL DEFAULT 'great');");
        InMemorySnapshot concurrently = prod.next("deploy-1c")
                .with("db/migration/V2__index.sql", "CREATE INDEX CONCURRENTLY person_alice ON person (alice);");

        for (InMemorySnapshot history : List.of(enums, concurrently)) {
            MigrationReader reader = new MigrationReader();
            Batch batch = new BatchPlanner().plan(reader.read(history, List.of()), reader.read(history.next("deploy-2")
                    .with("db/migration/V9__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;"), List.of()));
            Timeline timeline = new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of(select));

            assertTrue(timeline.initial().outcomes().get(0).passed(), history.name());
            assertFalse(timeline.states().get(1).outcomes().get(0).passed(), history.name());
        }
    }

    /** The batch runs as one group too, and one migration at a time where the group fails. */
    @Test
    void stepsThroughTheBatchOneMigrationAtATimeWhereItCannotRunInOneTransaction() {
        Timeline timeline = replay(prod.next("deploy-2")
                .with("db/migration/V2__mood.sql", "CREATE TYPE mood AS ENUM ('ok');")
                .with("db/migration/V3__great.sql", "ALTER TYPE mood ADD VALUE 'great';")
                .with("db/migration/V4__mood_column.sql",
                        "ALTER TABLE person ADD COLUMN mood mood NOT NULL DEFAULT 'great';")
                .with("db/migration/V5__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;"), select);

        assertTrue(timeline.failure().isEmpty(), () -> timeline.failure().toString());
        assertEquals(5, timeline.states().size());
        assertTrue(timeline.states().get(3).catalog().column("person", "mood").isPresent());
        assertFalse(timeline.states().get(4).outcomes().get(0).passed());
    }

    @Test
    void aConcurrentIndexBuildDoesNotHangFlywaysLock() {
        Timeline timeline = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> replay(prod.next("deploy-2")
                .with("db/migration/V2__index.sql", "CREATE INDEX CONCURRENTLY person_alice ON person (alice);")
                .with("db/migration/V3__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;"), select));

        assertTrue(timeline.failure().isEmpty(), () -> timeline.failure().toString());
        assertTrue(timeline.states().get(1).outcomes().get(0).passed());
        assertFalse(timeline.states().get(2).outcomes().get(0).passed());
    }

    @Test
    void probesAgainAfterAStepThatOnlyReplacesAFunction() {
        InMemorySnapshot withFunction = prod.next("deploy-1b").with("db/migration/V2__label.sql",
                "CREATE FUNCTION label(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) $$;");
        InMemorySnapshot dropped = withFunction.next("deploy-2")
                .with("db/migration/V3__drop_label.sql", "DROP FUNCTION label(text);");
        ProbeStatement call = new ProbeStatement("SELECT label(alice) FROM person WHERE id = ?", List.of("person"),
                List.of("person.id"));
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(withFunction, List.of()), reader.read(dropped, List.of()));

        Timeline timeline = new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of(call));

        assertTrue(timeline.initial().outcomes().get(0).passed());
        assertEquals(FailureKind.UNDEFINED_FUNCTION, timeline.states().get(1).outcomes().get(0).error().kind());
    }
}
