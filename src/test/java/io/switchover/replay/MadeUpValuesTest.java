package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A constraint that rejects a probe is the made-up values' doing only when it is on a column the statement writes a
 * parameter into; on a column it leaves to its default, or writes a constant of its own into, it rejects what the old
 * code really writes, from that step on.
 */
class MadeUpValuesTest {
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root";
    private static EmbeddedPostgresEngine postgres;

    private static final ProbeStatement INSERT = new ProbeStatement("INSERT INTO person (id, name) VALUES (?, ?)",
            List.of("person"), List.of("person.id", "person.name"));
    private static final ProbeStatement INSERT_CONSTANT = new ProbeStatement(
            "INSERT INTO person (id, name, country) VALUES (?, ?, 'XX')", List.of("person"),
            List.of("person.id", "person.name"));
    private static final ProbeStatement INSERT_UNBOUND = new ProbeStatement(
            "INSERT INTO person (id, name) VALUES (?, lower(?))", List.of("person"), java.util.Arrays.asList(
            "person.id", null));

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Timeline replay(ReplayEngine engine, String vendor, String constraints) {
        InMemorySnapshot prod = new InMemorySnapshot("prod").with("db/migration/V1__person.sql",
                "CREATE TABLE person (id bigint PRIMARY KEY, name varchar(100), country char(2));");
        InMemorySnapshot candidate = prod.next("cand").with("db/migration/V2__constraints.sql", constraints);
        MigrationReader reader = new MigrationReader(vendor);
        Batch batch = new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
        return new TimelineReplayer(engine).replay(batch, List.of(INSERT, INSERT_CONSTANT, INSERT_UNBOUND));
    }

    private static FailureKind kindAfter(Timeline timeline, int statement) {
        assertEquals(java.util.Optional.empty(), timeline.failure());
        assertNull(timeline.initial().outcomes().get(statement).error(), "works on production's schema");
        DatabaseError error = timeline.states().get(1).outcomes().get(statement).error();
        return error == null ? null : error.kind();
    }

    @Test
    void onPostgresACheckOnAColumnTheInsertOmitsRejectsEveryOldInsert() {
        postgres = EmbeddedPostgresEngine.shared();
        Timeline omitted = replay(postgres, "postgresql",
                "ALTER TABLE person ADD CONSTRAINT country_set CHECK (country IS NOT NULL) NOT VALID;");
        assertEquals(FailureKind.CONSTRAINT_VIOLATION, kindAfter(omitted, 0));
        DatabaseError error = omitted.states().get(1).outcomes().get(0).error();
        assertTrue(error.message().contains("person.country"), error.message());
        assertTrue(omitted.states().get(1).outcomes().get(1).passed(), "it writes a country");

        Timeline madeUp = replay(postgres, "postgresql",
                "ALTER TABLE person ADD CONSTRAINT name_alice CHECK (name = 'alice') NOT VALID;");
        assertEquals(FailureKind.DATA_CONFLICT, kindAfter(madeUp, 0), "the made-up name is not alice");
        assertEquals(FailureKind.DATA_CONFLICT, kindAfter(madeUp, 2), "the name comes from a parameter somehow");

        Timeline constant = replay(postgres, "postgresql",
                "ALTER TABLE person ADD CONSTRAINT known_country CHECK (country IN ('DE', 'NO'));");
        assertEquals(FailureKind.CONSTRAINT_VIOLATION, kindAfter(constant, 1), "XX is the old code's own value");
        assertNull(kindAfter(constant, 0), "NULL passes a CHECK");
    }

    @Test
    void onMariaDbACheckOnAColumnTheInsertOmitsRejectsEveryOldInsert() {
        Assumptions.assumeTrue(up(), "MariaDB on 127.0.0.1:3306");
        ServerEngine mariadb = ServerEngine.mariadb(ServerUrl.parse(MARIADB, "test"), Credentials.of("root", null),
                Duration.ofHours(1));
        Timeline omitted = replay(mariadb, "mariadb",
                "ALTER TABLE person ADD CONSTRAINT country_set CHECK (country IS NOT NULL);");
        assertEquals(FailureKind.CONSTRAINT_VIOLATION, kindAfter(omitted, 0));

        Timeline madeUp = replay(mariadb, "mariadb",
                "ALTER TABLE person ADD CONSTRAINT name_alice CHECK (name = 'alice');");
        assertEquals(FailureKind.DATA_CONFLICT, kindAfter(madeUp, 0));
    }

    private static boolean up() {
        try (var connection = DriverManager.getConnection(MARIADB)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
