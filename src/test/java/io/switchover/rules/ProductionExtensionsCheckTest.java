package io.switchover.rules;

import io.switchover.SwitchoverException;
import io.switchover.replay.SharedEmbeddedPostgres;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production's database had an extension before its first migration (an image or an administrator made it): its
 * migrations use a type of it without CREATE EXTENSION. The replay creates it on its fresh database, says so, and
 * checks the batch; on real PostgreSQL (embedded, whose binaries ship citext but not PostGIS).
 */
class ProductionExtensionsCheckTest {
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    @Test
    void createsTheExtensionsProductionsMigrationsUseWithoutCreatingThemAndChecksTheBatch() {
        Report report = RuleScenario.production("CREATE TABLE member (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),"
                        + " email citext NOT NULL, nickname text);", "SELECT email, nickname FROM member WHERE id = ?")
                .on(POSTGRES.engine()).migrate("drop_nickname", "ALTER TABLE member DROP COLUMN nickname;").check();

        assertEquals(Verdict.FAIL, report.verdict(), report.findings().toString());
        assertEquals("dropped-column-still-used", report.findings().get(0).rule(), report.findings().toString());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("extensions citext, uuid-ossp")
                && n.contains("the replay created them first")), report.notes().toString());
    }

    @Test
    void namesTheExtensionWhenTheReplayServerCannotCreateIt() {
        SwitchoverException error = assertThrows(SwitchoverException.class, () -> RuleScenario.production(
                        "CREATE TABLE place (id bigint PRIMARY KEY, location geometry);", "SELECT id FROM place")
                .on(POSTGRES.engine()).migrate("add_name", "ALTER TABLE place ADD COLUMN name text;").check());

        assertTrue(error.getMessage().contains("type geometry (extension postgis) without creating it"),
                error.getMessage());
        assertTrue(error.getMessage().contains("--prod-schema"), error.getMessage());
    }

    @Test
    void pointsAtProductionsSchemaWhenAMigrationNeedsATableNoMigrationCreates() {
        SwitchoverException error = assertThrows(SwitchoverException.class, () -> RuleScenario.production(
                        "CREATE TABLE grant_row (id bigint PRIMARY KEY, realm_id bigint REFERENCES realm (id));",
                        "SELECT id FROM grant_row")
                .on(POSTGRES.engine()).migrate("add_name", "ALTER TABLE grant_row ADD COLUMN name text;").check());

        assertTrue(error.getMessage().contains("production's database holds it"), error.getMessage());
        assertTrue(error.getMessage().contains("--prod-schema"), error.getMessage());
    }
}
