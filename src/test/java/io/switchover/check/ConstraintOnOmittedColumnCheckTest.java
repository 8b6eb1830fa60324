package io.switchover.check;

import io.switchover.replay.Credentials;
import io.switchover.replay.ServerEngine;
import io.switchover.replay.ServerUrl;
import io.switchover.report.Report;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's break nobody reports: a {@code CHECK (...) NOT VALID} on a new column that the old INSERT omits makes
 * every old INSERT fail from that step on, which no made-up value explains; a check on a column the INSERT writes a
 * made-up value into tells nothing, and only the rule that reads the migration warns about it.
 */
class ConstraintOnOmittedColumnCheckTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final InMemorySnapshot production = new InMemorySnapshot("prod")
            .with("db/migration/V1__person.sql", "CREATE TABLE person (id bigint PRIMARY KEY, name text);")
            .with("src/main/java/PersonDao.java", """
                    class PersonDao {
                        static final String ADD = "INSERT INTO person (id, name) VALUES (?, ?)";
                    }
                    """);

    private Report check(String migration) {
        Assumptions.assumeTrue(up(), "PostgreSQL on 127.0.0.1:5432");
        InMemorySnapshot candidate = production.next("cand")
                .with("db/migration/V2__constrain.sql", migration)
                .with("src/main/java/PersonDao.java", """
                        class PersonDao {
                            static final String ADD = "INSERT INTO person (id, name, country) VALUES (?, ?, ?)";
                        }
                        """);
        return new SwitchoverCheck().run(CheckRequest.of(production, candidate, List.of(), List.of(),
                ServerEngine.postgres(ServerUrl.parse(POSTGRES, "test"), Credentials.of("postgres", null),
                        Duration.ofHours(1)), Severity.ERROR));
    }

    private static List<String> errors(Report report) {
        return report.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::rule).toList();
    }

    @Test
    void aCheckNotValidOnAColumnTheOldInsertOmitsBreaksIt() {
        Report report = check("""
                ALTER TABLE person ADD COLUMN country char(2);
                ALTER TABLE person ADD CONSTRAINT country_set CHECK (country IS NOT NULL) NOT VALID;
                """);

        assertEquals(List.of("old-statement-fails"), errors(report), report.findings().toString());
        Finding broken = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertTrue(broken.error().message().contains("country_set")
                && broken.error().message().contains("person.country"), broken.error().toString());
    }

    @Test
    void aCheckOnAColumnTheOldInsertWritesIsTheMadeUpValuesDoing() {
        Report report = check("""
                ALTER TABLE person ADD COLUMN country char(2);
                ALTER TABLE person ADD CONSTRAINT name_alice CHECK (name = 'alice') NOT VALID;
                """);

        assertEquals(List.of(), errors(report), report.findings().toString());
    }

    private static boolean up() {
        try (var connection = DriverManager.getConnection(POSTGRES)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
