package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LockingDdlTest {
    private static final String RULE = "locking-ddl";
    private static final String SCHEMA = "CREATE TABLE org (id BIGINT PRIMARY KEY);\n"
            + "CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(200), age INTEGER, org_id BIGINT);";
    private static final String READ = "SELECT id FROM person WHERE id = ?";

    @Test
    void flagsAnIndexBuiltWithoutConcurrentlyAsAWarningAboutTheMigration() {
        Report report = RuleScenario.production(SCHEMA, READ)
                .migrate("index_email", "CREATE INDEX person_email ON person (email);")
                .check();

        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals(RULE, finding.rule());
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("V2__index_email.sql builds index person_email on person without CONCURRENTLY: on PostgreSQL,"
                + " writes to person wait until it is built", finding.message());
        assertEquals("CREATE INDEX CONCURRENTLY in a migration of its own, which Flyway runs outside a transaction",
                finding.help());
        assertEquals(1, finding.step());
        assertEquals(1, finding.line());
        assertNull(finding.pattern());
        assertEquals(Verdict.WARN, report.verdict());
    }

    @Test
    void flagsRewritesScansAndLocksThatH2CanReplay() {
        List<Finding> findings = RuleScenario.production(SCHEMA, READ)
                .migrate("risky", "ALTER TABLE person ADD CONSTRAINT person_org_fk FOREIGN KEY (org_id) REFERENCES org (id);\n"
                        + "ALTER TABLE person ADD CONSTRAINT person_age_ck CHECK (age >= 0);\n"
                        + "ALTER TABLE person ADD CONSTRAINT person_email_uq UNIQUE (email);\n"
                        + "ALTER TABLE person ALTER COLUMN age TYPE BIGINT;\n"
                        + "ALTER TABLE person ALTER COLUMN email SET NOT NULL;\n"
                        + "ALTER TABLE person ADD COLUMN score DOUBLE PRECISION DEFAULT random();")
                .findings(RULE);

        assertEquals(List.of(1, 2, 3, 4, 5, 6), findings.stream().map(Finding::line).toList(), findings.toString());
        assertEquals(List.of(
                "V2__risky.sql adds FOREIGN KEY (org_id) REFERENCES org (id) on person without NOT VALID: on PostgreSQL,"
                        + " every row is checked while writes of person and of the table it references wait",
                "V2__risky.sql adds CHECK (age >= 0) on person without NOT VALID: on PostgreSQL, every row is checked"
                        + " while reads and writes of person wait",
                "V2__risky.sql adds UNIQUE (email) on person: on PostgreSQL, its index is built while reads and writes"
                        + " of person wait",
                "V2__risky.sql changes person.age from INTEGER to BIGINT: on PostgreSQL, that rewrites person while its"
                        + " reads and writes wait",
                "V2__risky.sql sets person.email NOT NULL: on PostgreSQL, every row is scanned while reads and writes of"
                        + " person wait",
                "V2__risky.sql adds person.score with the volatile default random(): on PostgreSQL, that rewrites person"
                        + " while its reads and writes wait"),
                findings.stream().map(Finding::message).toList());
    }

    @Test
    void acceptsChangesPostgresMakesWithoutRewriteOrLongLock() {
        List<Finding> findings = RuleScenario.production(SCHEMA, READ)
                .migrate("safe", "ALTER TABLE person ALTER COLUMN email TYPE VARCHAR(300);\n"
                        + "ALTER TABLE person ADD COLUMN created_at TIMESTAMP DEFAULT now();\n"
                        + "ALTER TABLE person ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL;\n"
                        + "ALTER TABLE person DROP COLUMN org_id;")
                .findings(RULE);

        assertEquals(List.of(), findings);
    }

    @Test
    void ignoresTablesTheBatchCreates() {
        List<Finding> findings = RuleScenario.production(SCHEMA, READ)
                .migrate("create_team", "CREATE TABLE team (id BIGINT PRIMARY KEY, name VARCHAR(100));\n"
                        + "CREATE INDEX team_name ON team (name);\n"
                        + "ALTER TABLE team ALTER COLUMN name SET NOT NULL;")
                .findings(RULE);

        assertEquals(List.of(), findings);
    }

    @Test
    void acceptsThePostgresOnlineFormsThatH2CannotRun() {
        List<Finding> findings = StaticBatch.on("PostgreSQL 16")
                .migrate("index_email", "CREATE INDEX CONCURRENTLY person_email ON person (email);")
                .migrate("fk_not_valid", "ALTER TABLE person ADD CONSTRAINT person_org_fk FOREIGN KEY (org_id)"
                        + " REFERENCES org (id) NOT VALID;\n"
                        + "ALTER TABLE person ADD CONSTRAINT person_email_nn CHECK (email IS NOT NULL) NOT VALID;")
                .migrate("validate", "ALTER TABLE person VALIDATE CONSTRAINT person_org_fk;\n"
                        + "ALTER TABLE person VALIDATE CONSTRAINT person_email_nn;\n"
                        + "ALTER TABLE person ALTER COLUMN email SET NOT NULL;\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY person_email_uq ON person (email);\n"
                        + "ALTER TABLE person ADD CONSTRAINT person_email_uq UNIQUE USING INDEX person_email_uq;")
                .findings(new LockingDdl());

        assertEquals(List.of(), findings);
    }

    @Test
    void flagsSetNotNullWhenTheCheckIsNotValidatedAndAVolatileUuidDefault() {
        List<Finding> findings = StaticBatch.on("PostgreSQL 16")
                .migrate("email_required", "ALTER TABLE person ADD CONSTRAINT person_email_nn"
                        + " CHECK (email IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE person ALTER COLUMN email SET NOT NULL;\n"
                        + "ALTER TABLE person ADD COLUMN token UUID DEFAULT gen_random_uuid();\n"
                        + "ALTER TABLE person ADD COLUMN seq BIGSERIAL;")
                .findings(new LockingDdl());

        assertEquals(List.of(2, 3, 4), findings.stream().map(Finding::line).toList(), findings.toString());
    }

    @Test
    void ignoresEverythingWhenTheReplayEngineIsMariaDb() {
        List<Finding> findings = StaticBatch.on("MariaDB 11.4")
                .migrate("index_email", "CREATE INDEX person_email ON person (email);")
                .findings(new LockingDdl());

        assertEquals(List.of(), findings);
    }

    @Test
    void flagsOnH2TheHazardsReadFromTheSqlThatAReplayOnPostgresWouldObserve() {
        List<Finding> findings = RuleScenario.production(SCHEMA + "\nCREATE INDEX person_age ON person (age);", READ)
                .migrate("risky", "DROP INDEX person_age;\n"
                        + "ALTER TABLE person ADD COLUMN badge VARCHAR(20) UNIQUE;\n"
                        + "ALTER TABLE person ADD COLUMN team_id BIGINT DEFAULT 0 REFERENCES org (id);\n"
                        + "ALTER TABLE person ADD CONSTRAINT person_age_ck CHECK (age >= 0) NOT VALID;\n"
                        + "ALTER TABLE person VALIDATE CONSTRAINT person_age_ck;")
                .findings(RULE);

        assertEquals(List.of(1, 2, 3, 5), findings.stream().map(Finding::line).toList(), findings.toString());
        assertEquals(List.of(
                "V2__risky.sql drops index person_age without CONCURRENTLY: on PostgreSQL, that takes ACCESS EXCLUSIVE"
                        + " on its table, so it waits for every running query of it and its reads and writes wait"
                        + " behind it",
                "V2__risky.sql adds person.badge with UNIQUE: on PostgreSQL, its index is built while reads and writes"
                        + " of person wait",
                "V2__risky.sql adds person.team_id with a default and REFERENCES: on PostgreSQL, every row is checked"
                        + " while writes of person and of the table it references wait",
                "V2__risky.sql validates person_age_ck in the migration that added it NOT VALID at line 4: Flyway runs"
                        + " a migration in one transaction, so on PostgreSQL the lock of the ADD stays held while every"
                        + " row of person is checked"), findings.stream().map(Finding::message).toList());
    }

    @Test
    void acceptsTheirOnlineFormsWhereTheSqlIsRead() {
        List<Finding> findings = StaticBatch.on("PostgreSQL 16")
                .migrate("drop_index", "DROP INDEX CONCURRENTLY person_email;")
                .migrate("columns", "ALTER TABLE person ADD COLUMN team_id BIGINT REFERENCES org (id);\n"
                        + "ALTER TABLE person ADD CONSTRAINT person_age_ck CHECK (age >= 0) NOT VALID;")
                .migrate("validate", "ALTER TABLE person VALIDATE CONSTRAINT person_age_ck;")
                .findings(new LockingDdl());

        assertEquals(List.of(), findings);
    }
}
