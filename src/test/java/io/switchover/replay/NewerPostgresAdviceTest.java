package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production's migrations that PostgreSQL cannot parse may be written for a newer one than the replay runs: the error
 * says to replay on production's own version (tilleggsstonader-sak's V58 needed PostgreSQL 16 when embedded was 14).
 * An extension a migration creates that the replay's server has no files of (hmpps-approved-premises-api's PostGIS)
 * is the server's lack, not the input's: exit 3, with what to install.
 */
class NewerPostgresAdviceTest {
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    private static SwitchoverException replayingProductionOf(String migration) {
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with("db/migration/V1__person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY);")
                .with("db/migration/V2__report.sql", migration);
        InMemorySnapshot candidate = production.next("candidate")
                .with("db/migration/V3__add_name.sql", "ALTER TABLE person ADD COLUMN name TEXT;");
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(production, List.of()), reader.read(candidate, List.of()));
        return assertThrows(SwitchoverException.class,
                () -> new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of()));
    }

    @Test
    void aSyntaxErrorPointsToAServerOfProductionsVersion() {
        String message = replayingProductionOf("CREATE VIEW report AS SELECT id FROM person GRAPH_TABLE (g MATCH (a));")
                .getMessage();

        assertTrue(message.contains("syntax error"), message);
        assertTrue(message.contains("if production runs a newer PostgreSQL than embedded PostgreSQL"), message);
        assertTrue(message.contains("--engine testcontainers --image postgres:<version>"), message);
    }

    @Test
    void aMissingTableDoesNot() {
        String message = replayingProductionOf("CREATE VIEW report AS SELECT id FROM invoice;").getMessage();

        assertTrue(message.contains("invoice"), message);
        assertFalse(message.contains("newer PostgreSQL"), message);
    }

    @Test
    void anExtensionTheServerDoesNotHaveIsInfrastructureAndSaysWhatToInstall() {
        SwitchoverException e = replayingProductionOf("CREATE EXTENSION switchover_no_such_extension;");

        assertEquals(ExitCode.INFRASTRUCTURE, e.exitCode());
        assertTrue(e.getMessage().contains("production's migrations create the extension"
                + " switchover_no_such_extension, which embedded PostgreSQL"), e.getMessage());
        assertTrue(e.getMessage().contains("does not have installed: replay on a server that has it"), e.getMessage());
        assertFalse(e.getMessage().contains("newer PostgreSQL"), e.getMessage());
    }

    @Test
    void soIsOneTheBatchCreates() {
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with("db/migration/V1__person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY);");
        InMemorySnapshot candidate = production.next("candidate")
                .with("db/migration/V2__geo.sql", "CREATE EXTENSION switchover_no_such_extension;");
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(production, List.of()), reader.read(candidate, List.of()));

        SwitchoverException e = assertThrows(SwitchoverException.class,
                () -> new TimelineReplayer(POSTGRES.engine()).replay(batch, List.of()));

        assertEquals(ExitCode.INFRASTRUCTURE, e.exitCode());
        assertTrue(e.getMessage().startsWith("V2__geo.sql cannot be replayed on embedded PostgreSQL"), e.getMessage());
        assertTrue(e.getMessage().contains("it creates the extension switchover_no_such_extension"), e.getMessage());
    }
}
