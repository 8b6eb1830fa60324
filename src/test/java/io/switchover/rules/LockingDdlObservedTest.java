package io.switchover.rules;

import io.switchover.replay.SharedEmbeddedPostgres;
import io.switchover.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code locking-ddl} as observed on real PostgreSQL (embedded, started once for the class): each hazard flagged in
 * its unsafe form and quiet in its safe one.
 */
class LockingDdlObservedTest {
    private static final String RULE = "locking-ddl";
    private static final String SCHEMA = """
            CREATE TABLE org (id bigint PRIMARY KEY);
            CREATE TABLE person (id bigint PRIMARY KEY, email text, age int, net cidr, doc json, org_id bigint,
                code int NOT NULL);
            CREATE INDEX person_age ON person (age);
            CREATE TABLE event (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE DOMAIN score AS int;
            CREATE TABLE rating (id bigint PRIMARY KEY, value score);
            CREATE FUNCTION next_code() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 7; END $$;
            CREATE FUNCTION fixed_code() RETURNS int IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN RETURN 7; END $$;
            """;
    private static final String WRITE = "INSERT INTO person (id, email, age, code) VALUES (?, ?, ?, ?)";
    private static final String READ = "SELECT id, email FROM person WHERE id = ?";
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    private static List<Finding> findings(String... migrations) {
        RuleScenario scenario = RuleScenario.production(SCHEMA, WRITE, READ, "SELECT value FROM rating WHERE id = ?",
                "SELECT id FROM event WHERE at = ?").on(POSTGRES.engine());
        for (int i = 0; i < migrations.length; i++) {
            scenario.migrate("step" + (i + 2), migrations[i]);
        }
        return scenario.findings(RULE);
    }

    /** Every finding of a one-migration batch that Flyway runs outside a transaction: the migration applies. */
    private static List<Finding> allFindingsOutsideTransaction(String migration) {
        return RuleScenario.production(SCHEMA, WRITE, READ).on(POSTGRES.engine()).migrate("step2", migration)
                .candidateFile("db/migration/V2__step2.sql.conf", "executeInTransaction=false\n").check().findings();
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void flagsAnIndexBuildUnderShareLockAndNamesTheOldWritesThatWait() {
        Finding finding = only(findings("SELECT 1;\nCREATE INDEX person_email ON person (email);"));

        assertEquals(2, finding.line());
        assertEquals("V2__step2.sql builds index person_email on person under SHARE (seen in pg_locks): writes of"
                + " person wait; prod waits there with INSERT INTO person (id, email, age, code) VALUES (?, ?, ?, ?)"
                + " (src/main/java/com/example/Repository.java:4)", finding.message());
        assertEquals(Severity.WARNING, finding.severity());
    }

    /**
     * lavagna's type change and its ADD COLUMN ... NOT NULL DEFAULT were told to add "the constraint NOT VALID",
     * which neither has: the advice follows what the statement does.
     */
    @Test
    void aScanIsAdvisedByWhatTheStatementDoes() {
        assertTrue(ObservedLockHazards.scanAdvice("ALTER TABLE la_user ALTER COLUMN provider TYPE VARCHAR(128)")
                .startsWith("a type change checks every row"));
        assertTrue(ObservedLockHazards.scanAdvice("ALTER TABLE la_user ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE")
                .startsWith("add the column without NOT NULL"));
        assertTrue(ObservedLockHazards.scanAdvice("ALTER TABLE person ADD CONSTRAINT age_positive CHECK (age > 0)")
                .startsWith("add the constraint NOT VALID"));
    }

    @Test
    void acceptsAnIndexBuiltConcurrently() {
        assertEquals(List.of(), findings("CREATE INDEX CONCURRENTLY person_email ON person (email);"));
    }

    @Test
    void flagsDropIndexWithoutConcurrentlyAndAcceptsItWith() {
        Finding finding = only(findings("DROP INDEX person_age;"));
        assertTrue(finding.message().startsWith("V2__step2.sql drops an index of person under ACCESS EXCLUSIVE on"
                + " person (seen in pg_locks)"), finding.message());
        assertTrue(finding.help().startsWith("DROP INDEX CONCURRENTLY"), finding.help());

        assertEquals(List.of(), findings("DROP INDEX CONCURRENTLY person_age;"));
    }

    @Test
    void flagsReindexAndAcceptsReindexConcurrentlyInAMigrationOfItsOwn() {
        Finding finding = only(findings("REINDEX INDEX person_age;"));
        assertTrue(finding.message().startsWith("V2__step2.sql rebuilds index person_age of person under SHARE"),
                finding.message());

        assertEquals(List.of(), allFindingsOutsideTransaction("REINDEX INDEX CONCURRENTLY person_age;"));
    }

    @Test
    void flagsDetachPartitionAndAcceptsDetachConcurrently() {
        Finding finding = only(findings("ALTER TABLE event DETACH PARTITION event_2024;"));
        assertTrue(finding.message().startsWith("V2__step2.sql detaches a partition under ACCESS EXCLUSIVE on event"),
                finding.message());
        assertTrue(finding.message().contains("SELECT id FROM event WHERE at = ?"), finding.message());

        assertEquals(List.of(), allFindingsOutsideTransaction("ALTER TABLE event DETACH PARTITION event_2024"
                + " CONCURRENTLY;"));
    }

    @Test
    void flagsConstraintsWrittenInsideAddColumnAndAcceptsThemAddedOnline() {
        List<Finding> unsafe = findings("ALTER TABLE person ADD COLUMN team_id bigint DEFAULT 0 REFERENCES org (id);\n"
                + "ALTER TABLE person ADD COLUMN badge text UNIQUE;");
        assertEquals(List.of(1, 2), unsafe.stream().map(Finding::line).toList(), unsafe.toString());
        assertTrue(unsafe.get(0).message().contains("checks every row of person against foreign key"),
                unsafe.get(0).message());
        assertTrue(unsafe.get(1).message().contains("builds index person_badge_key on person under ACCESS EXCLUSIVE"),
                unsafe.get(1).message());

        // A new column without a default holds only NULLs: PostgreSQL reports no foreign-key check for it.
        assertEquals(List.of(), findings("ALTER TABLE person ADD COLUMN boss_id bigint REFERENCES org (id);\n"
                        + "ALTER TABLE person ADD COLUMN team_id bigint DEFAULT 0;\n"
                        + "ALTER TABLE person ADD CONSTRAINT person_team_fk FOREIGN KEY (team_id) REFERENCES org (id)"
                        + " NOT VALID;\nALTER TABLE person ADD COLUMN badge text;",
                "CREATE UNIQUE INDEX CONCURRENTLY person_badge ON person (badge);",
                "ALTER TABLE person VALIDATE CONSTRAINT person_team_fk;"));
    }

    @Test
    void flagsADefaultCallingAUserDefinedVolatileFunctionButNotAnImmutableOne() {
        Finding finding = only(findings("ALTER TABLE person ADD COLUMN badge int DEFAULT next_code();"));
        assertTrue(finding.message().startsWith("V2__step2.sql rewrites person (PostgreSQL reported the rewrite) under"
                + " ACCESS EXCLUSIVE (seen in pg_locks): reads and writes of person wait"), finding.message());

        assertEquals(List.of(), findings("ALTER TABLE person ADD COLUMN badge int DEFAULT fixed_code();"));
    }

    @Test
    void flagsAnExcludeConstraintOnAProductionTableButNotOnANewOne() {
        Finding finding = only(findings("ALTER TABLE person ADD CONSTRAINT person_code_ex EXCLUDE (code WITH =);"));
        assertTrue(finding.message().contains("builds index person_code_ex on person under ACCESS EXCLUSIVE"),
                finding.message());

        assertEquals(List.of(), findings("CREATE TABLE booking (id bigint, room int);\n"
                + "ALTER TABLE booking ADD CONSTRAINT booking_room_ex EXCLUDE (room WITH =);"));
    }

    @Test
    void flagsADomainConstraintCheckedOnEveryRowAndAcceptsItNotValid() {
        Finding finding = only(findings("ALTER DOMAIN score ADD CONSTRAINT score_positive CHECK (VALUE > 0);"));
        assertEquals("V2__step2.sql checks every row of rating against the domain's new constraint under SHARE (seen"
                + " in pg_locks): writes of rating wait", finding.message());

        assertEquals(List.of(), findings("ALTER DOMAIN score ADD CONSTRAINT score_positive CHECK (VALUE > 0)"
                + " NOT VALID;"));
    }

    @Test
    void flagsNotValidThenValidateInOneMigrationAndAcceptsThemInTwo() {
        Finding finding = only(findings("ALTER TABLE person ADD CONSTRAINT person_age_ck CHECK (age >= 0) NOT VALID;\n"
                + "ALTER TABLE person VALIDATE CONSTRAINT person_age_ck;"));
        assertEquals(2, finding.line());
        assertTrue(finding.message().startsWith("V2__step2.sql validates person_age_ck on person in the migration that"
                + " took ACCESS EXCLUSIVE on it at line 1: Flyway runs a migration in one transaction"),
                finding.message());

        assertEquals(List.of(), findings("ALTER TABLE person ADD CONSTRAINT person_age_ck CHECK (age >= 0) NOT VALID;",
                "ALTER TABLE person VALIDATE CONSTRAINT person_age_ck;"));
    }

    @Test
    void flagsAPrimaryKeyUsingAnIndexOnANullableColumnButNotOnANotNullOne() {
        String unique = "CREATE TABLE badge (id bigint, code int NOT NULL);\n";
        Finding finding = only(findings("ALTER TABLE person DROP CONSTRAINT person_pkey;",
                "CREATE UNIQUE INDEX CONCURRENTLY person_age_uq ON person (age);",
                "ALTER TABLE person ADD CONSTRAINT person_age_pk PRIMARY KEY USING INDEX person_age_uq;"));
        assertEquals(3, finding.step());
        assertTrue(finding.message().contains("scans person to prove the primary key's columns NOT NULL"),
                finding.message());

        assertEquals(List.of(), findings(unique + "ALTER TABLE person DROP CONSTRAINT person_pkey;",
                "CREATE UNIQUE INDEX CONCURRENTLY person_code_uq ON person (code);",
                "ALTER TABLE person ADD CONSTRAINT person_code_pk PRIMARY KEY USING INDEX person_code_uq;"));
    }

    @Test
    void flagsARewritingTypeChangeButNotCidrToInet() {
        Finding finding = only(findings("ALTER TABLE person ALTER COLUMN age TYPE bigint;"));
        assertTrue(finding.message().startsWith("V2__step2.sql rewrites person"), finding.message());

        assertEquals(List.of(), findings("ALTER TABLE person ALTER COLUMN net TYPE inet;"));
    }

    @Test
    void acceptsSetNotNullProvenByAValidatedCheckAndFlagsItWithout() {
        Finding finding = only(findings("ALTER TABLE person ALTER COLUMN email SET NOT NULL;"));
        assertTrue(finding.message().startsWith("V2__step2.sql scans every row of person to prove NOT NULL under"
                + " ACCESS EXCLUSIVE"), finding.message());

        assertEquals(List.of(), findings("ALTER TABLE person ADD CONSTRAINT person_email_nn CHECK (email IS NOT NULL)"
                + " NOT VALID;", "ALTER TABLE person VALIDATE CONSTRAINT person_email_nn;",
                "ALTER TABLE person ALTER COLUMN email SET NOT NULL;"));
    }

    @Test
    void reportsJsonToJsonbAsTheRewriteItIsAndCidrToInetAsNothing() {
        Report json = RuleScenario.production(SCHEMA, "INSERT INTO person (id, doc, code) VALUES (?, ?, ?)")
                .on(POSTGRES.engine()).migrate("jsonb", "ALTER TABLE person ALTER COLUMN doc TYPE jsonb;").check();
        assertEquals(List.of("locking-ddl"), json.findings().stream().map(Finding::rule).toList(),
                json.findings().toString());

        Report inet = RuleScenario.production(SCHEMA, WRITE)
                .on(POSTGRES.engine()).migrate("inet", "ALTER TABLE person ALTER COLUMN net TYPE inet;").check();
        assertEquals(List.of(), inet.findings());
    }
}
