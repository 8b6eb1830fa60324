package io.switchover.check;

import io.switchover.migrations.Migration;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.report.SplitAdvice;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** As the seed's author did: hold back the contract step alone, and promote the rest of the batch now. */
class FewestHoldBackTest {
    private final InMemorySnapshot production = new InMemorySnapshot("prod")
            .with("db/migration/V1__person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(10), age INT);")
            .with("src/main/java/R.java", "class R { static final String A = \"SELECT alice FROM person WHERE id = ?\"; }");

    private Report check(InMemorySnapshot candidate) {
        return new SwitchoverCheck().run(CheckRequest.of(production, candidate, List.of(), List.of(), new H2Engine(),
                Severity.ERROR));
    }

    private static List<String> scripts(List<Migration> migrations) {
        return migrations.stream().map(Migration::script).toList();
    }

    @Test
    void holdsBackOnlyTheBreakingMigrationWhenTheRestOfTheBatchIsSafeWithoutIt() {
        SplitAdvice split = check(production.next("cand")
                .with("db/migration/V2__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;")
                .with("db/migration/V3__index_age.sql", "CREATE INDEX person_age ON person (age);")
                .with("db/migration/V4__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(10);"))
                .splitAdvice().orElseThrow();

        assertTrue(split.verified());
        assertEquals(List.of("V2__drop_alice.sql"), scripts(split.holdBack()));
        assertEquals(List.of("V3__index_age.sql", "V4__add_brian.sql"), scripts(split.promoteNow()));
        // Once V4 is applied, a V2 promoted later is below production's newest: Flyway ignores it and fails validation.
        assertEquals(List.of("V2__drop_alice.sql"), scripts(split.belowAPromotedVersion()));
        assertEquals("V4__add_brian.sql", split.highestPromoted().orElseThrow().script());
    }

    @Test
    void theAdviceSaysAHeldBackMigrationNeedsAVersionAboveWhatIsPromotedNow() {
        Report report = check(production.next("cand")
                .with("db/migration/V2__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;")
                .with("db/migration/V3__index_age.sql", "CREATE INDEX person_age ON person (age);"));

        String text = new io.switchover.report.TextReportWriter().render(report);
        assertTrue(text.contains("promote V3__index_age.sql now, and V2__drop_alice.sql in a later deployment"), text);
        assertTrue(text.contains("give V2__drop_alice.sql a version above V3__index_age.sql by then (below a version"
                + " production has, Flyway would ignore it and fail its validation, unless outOfOrder is set)"), text);
        String markdown = new io.switchover.report.MarkdownReportWriter().render(report);
        assertTrue(markdown.contains("a version above V3\\_\\_index\\_age.sql"), markdown); // _ escaped
    }

    /** A repeatable migration runs after the versioned ones and has no version: the advice names V3, not it. */
    @Test
    void theVersionToGoAboveIsTheHighestPromotedNotTheLastMigrationOfTheBatch() {
        Report report = check(production.next("cand")
                .with("db/migration/V2__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;")
                .with("db/migration/V3__index_age.sql", "CREATE INDEX person_age ON person (age);")
                .with("db/migration/R__adults.sql", "CREATE OR REPLACE VIEW adults AS SELECT id FROM person WHERE age >= 18;"));

        SplitAdvice split = report.splitAdvice().orElseThrow();
        assertEquals(List.of("V3__index_age.sql", "R__adults.sql"), scripts(split.promoteNow()));
        String text = new io.switchover.report.TextReportWriter().render(report);
        assertTrue(text.contains("give V2__drop_alice.sql a version above V3__index_age.sql by then"), text);
    }

    @Test
    void holdsBackEverythingFromTheBreakWhenTheRestNeedsWhatIsHeldBack() {
        SplitAdvice split = check(production.next("cand")
                .with("db/migration/V2__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;")
                .with("db/migration/V3__readd_alice.sql", "ALTER TABLE person ADD COLUMN alice INT;"))
                .splitAdvice().orElseThrow();

        assertFalse(split.verified(), "without V2, V3 adds a column that exists: the replay fails");
        assertEquals(List.of("V2__drop_alice.sql", "V3__readd_alice.sql"), scripts(split.holdBack()));
    }
}
