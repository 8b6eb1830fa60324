package io.switchover.rules;

import io.switchover.replay.SharedEmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statements that cannot run in Flyway's transaction, on real PostgreSQL (embedded): the finding gives the fix. */
class OutsideTransactionAdviceTest {
    private static final String SCHEMA = """
            CREATE TABLE person (id bigint PRIMARY KEY, age int);
            CREATE INDEX person_age ON person (age);
            CREATE TABLE event (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            """;
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    private static RuleScenario batch(String migration) {
        return RuleScenario.production(SCHEMA, "SELECT id FROM person WHERE age = ?").on(POSTGRES.engine())
                .migrate("online", migration);
    }

    private static Finding failure(RuleScenario scenario) {
        List<Finding> findings = scenario.findings("migration-fails-to-apply");
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void saysThatFlywayRanReindexConcurrentlyInATransactionAndHowToRunItOutside() {
        Finding finding = failure(batch("REINDEX INDEX CONCURRENTLY person_age;"));

        assertEquals("V2__online.sql does not apply: REINDEX CONCURRENTLY cannot run inside a transaction block:"
                + " Flyway ran V2__online.sql inside a transaction, as it runs every migration unless told otherwise,"
                + " and REINDEX CONCURRENTLY cannot run in one", finding.message());
        assertEquals("give REINDEX CONCURRENTLY a migration of its own with executeInTransaction=false in its script"
                + " configuration (a file V2__online.sql.conf beside it), so that Flyway runs it outside a"
                + " transaction", finding.help());
    }

    @Test
    void saysTheSameOfDetachPartitionConcurrently() {
        Finding finding = failure(batch("ALTER TABLE event DETACH PARTITION event_2024 CONCURRENTLY;"));

        assertEquals("give ALTER TABLE ... DETACH CONCURRENTLY a migration of its own with executeInTransaction=false"
                + " in its script configuration (a file V2__online.sql.conf beside it), so that Flyway runs it outside"
                + " a transaction", finding.help());
    }

    @Test
    void namesTheNonTransactionalStatementOfAMixedMigration() {
        Finding finding = failure(batch("ALTER TABLE person ADD COLUMN score int;\n"
                + "CREATE INDEX CONCURRENTLY person_score ON person (score);"));

        assertEquals(true, finding.message().endsWith("Flyway cannot run the non-transactional CREATE INDEX"
                + " CONCURRENTLY person_score ON person (score) (line 2) in the transaction of the rest of"
                + " V2__online.sql"), finding.message());
        assertEquals(true, finding.help().startsWith("move it into a migration of its own"), finding.help());
    }

    @Test
    void appliesOnceTheScriptConfigurationRunsItOutsideATransaction() {
        List<Finding> findings = batch("REINDEX INDEX CONCURRENTLY person_age;")
                .candidateFile("db/migration/V2__online.sql.conf", "executeInTransaction=false\n").check().findings();

        assertEquals(List.of(), findings);
    }
}
