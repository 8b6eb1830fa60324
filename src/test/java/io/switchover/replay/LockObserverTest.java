package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.LockMode;
import io.switchover.timeline.LockObservations;
import io.switchover.timeline.ObservedStatement.Kind;
import io.switchover.timeline.ObservedStatement.TableWork;
import io.switchover.timeline.ObservedStatement;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the observer sees PostgreSQL (embedded, started once for the class) do for each statement of the batch. */
class LockObserverTest {
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    private final InMemorySnapshot prod = new InMemorySnapshot("deploy-1")
            .with("db/migration/V1__person.sql", "CREATE TABLE person (id bigint PRIMARY KEY, email text, age int,"
                    + " net cidr);");

    private LockObservations observe(String... migrations) {
        InMemorySnapshot candidate = prod.next("deploy-2");
        for (int i = 0; i < migrations.length; i++) {
            candidate.with("db/migration/V" + (i + 2) + "__step.sql", migrations[i]);
        }
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
        Timeline timeline = new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of());
        assertTrue(timeline.failure().isEmpty(), timeline.failure().toString());
        return timeline.observations();
    }

    @Test
    void seesTheShareLockAndTheBuildOfAnIndexMadeWithoutConcurrently() {
        ObservedStatement index = observe("CREATE INDEX person_email ON person (email);").of(1).get(0);

        assertEquals(LockMode.SHARE, index.taken().get("person"));
        assertTrue(index.work().contains(new TableWork(Kind.INDEX_BUILD, "person", "person_email")), index.toString());
        assertTrue(index.inTransaction());
    }

    @Test
    void seesARewriteWhereTheTypeChangesItsStorageAndNoneFromCidrToInet() {
        List<ObservedStatement> statements = observe("ALTER TABLE person ALTER COLUMN age TYPE bigint;\n"
                + "ALTER TABLE person ALTER COLUMN net TYPE inet;").of(1);

        assertEquals(List.of(new TableWork(Kind.REWRITE, "person", null)), statements.get(0).work().stream()
                .filter(w -> w.kind() == Kind.REWRITE).toList());
        assertEquals(LockMode.ACCESS_EXCLUSIVE, statements.get(0).taken().get("person"));
        assertEquals(List.of(), statements.get(1).work().stream().filter(w -> w.kind() == Kind.REWRITE).toList());
    }

    @Test
    void seesNotNullProvenByAValidatedCheckWithoutAScan() {
        List<ObservedStatement> statements = observe("ALTER TABLE person ADD CONSTRAINT person_email_nn"
                + " CHECK (email IS NOT NULL) NOT VALID;", "ALTER TABLE person VALIDATE CONSTRAINT person_email_nn;",
                "ALTER TABLE person ALTER COLUMN email SET NOT NULL;").statements();

        assertEquals(List.of(), statements.get(0).work());
        assertEquals(List.of(new TableWork(Kind.SCAN, "person", null)), statements.get(1).work());
        assertEquals(LockMode.SHARE_UPDATE_EXCLUSIVE, statements.get(1).held().get("person"),
                "each migration commits on its own: the ACCESS EXCLUSIVE of the one before is gone");
        assertEquals(List.of(new TableWork(Kind.PROVEN_BY_CONSTRAINT, "person", "email")), statements.get(2).work());
    }

    @Test
    void seesNoLockHeldByAnIndexBuiltConcurrentlyOutsideTheTransaction() {
        LockObservations observations = observe("CREATE INDEX CONCURRENTLY person_email ON person (email);");
        ObservedStatement index = observations.of(1).get(0);

        assertFalse(index.inTransaction());
        assertEquals(Map.of(), index.held());
        assertTrue(observations.observed(1));
    }
}
