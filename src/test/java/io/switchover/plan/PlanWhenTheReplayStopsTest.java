package io.switchover.plan;

import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A migration of the batch that does not apply ends the replay; the plan stops before it and says so. */
class PlanWhenTheReplayStopsTest {

    @Test
    void planDeploysWhatTheReplayReachedAndWaitsAtTheMigrationThatFailed() {
        InMemorySnapshot production = new InMemorySnapshot("deploy-0")
                .with("db/migration/V1__person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(10));")
                .with("src/main/java/R.java", "class R { static final String A = \"SELECT alice FROM person\"; }");
        InMemorySnapshot deploy1 = production.next("deploy-1")
                .with("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(10);");
        InMemorySnapshot candidate = deploy1.next("deploy-2")
                .with("db/migration/V3__broken.sql", "ALTER TABLE nobody ADD COLUMN x INT;");
        CheckRequest simple = CheckRequest.of(production, candidate, List.of(), List.of(), new H2Engine(),
                Severity.ERROR);
        CheckRequest request = simple.withServices(List.of(simple.services().get(0).withIntermediates(
                List.of(deploy1))));

        Report report = new SwitchoverCheck().run(request);

        Plan plan = report.plan().orElseThrow();
        assertFalse(plan.complete());
        assertEquals(List.of("deploy-1"), plan.promotions().stream().map(p -> p.to().name()).toList());
        Plan.Wait wait = plan.waits().orElseThrow();
        assertEquals("V3__broken.sql", wait.migration().script());
        assertTrue(wait.reason().contains("did not get past"), wait.reason());
    }
}
