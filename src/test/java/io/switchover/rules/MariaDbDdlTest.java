package io.switchover.rules;

import io.switchover.replay.Credentials;
import io.switchover.replay.ServerEngine;
import io.switchover.replay.ServerUrl;
import io.switchover.report.Report;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MariaDB's DDL on the MariaDB server (127.0.0.1:3306, root), in databases the engine creates and drops: online-DDL
 * locking read with MariaDB's rules, backticked names, and breaks named by the rule that explains them.
 */
class MariaDbDdlTest {
    private static final String SCHEMA = """
            CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(200), age INT, nick VARCHAR(50));
            """;
    private static final String INSERT = "INSERT INTO person (id, email) VALUES (?, ?)";
    private static final String READ = "SELECT id, email FROM person WHERE id = ?";

    static ServerEngine mariadb() {
        return ServerEngine.mariadb(ServerUrl.parse("jdbc:mariadb://127.0.0.1:3306/mysql?user=root", "test"),
                Credentials.of("root", null), Duration.ofHours(1));
    }

    private static Report check(String migration) {
        return RuleScenario.production(SCHEMA, INSERT, READ).on(mariadb()).migrate("step", migration).check();
    }

    private static List<String> rules(Report report) {
        return report.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void flagsAColumnTypeChangeThatMariaDbMakesByCopyingTheTable() {
        List<Finding> findings = check("ALTER TABLE `person` MODIFY COLUMN `age` BIGINT;").findings().stream()
                .filter(f -> f.rule().equals("locking-ddl")).toList();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("V2__step.sql changes person.age from INT to BIGINT, which MariaDB does by copying person: on"
                + " MariaDB, writes of person wait until the copy is done", findings.get(0).message());
    }

    @Test
    void acceptsATypeChangeThatAsksToRunOnline() {
        List<Finding> findings = check("ALTER TABLE `person` MODIFY COLUMN `nick` VARCHAR(60), ALGORITHM=INPLACE,"
                + " LOCK=NONE;").findings();

        assertEquals(List.of(), findings.stream().filter(f -> f.rule().equals("locking-ddl")).toList());
    }

    @Test
    void flagsAnExplicitCopyAndLeavesAnOnlineIndexAlone() {
        assertEquals(List.of("locking-ddl"), rules(check("ALTER TABLE person ADD INDEX person_email (email),"
                + " ALGORITHM=COPY;")));
        assertEquals(List.of(), rules(check("CREATE INDEX person_email ON `person` (`email`);")));
    }

    @Test
    void namesARequiredColumnTheOldInsertOmitsForWhatItIs() {
        Report report = check("ALTER TABLE `person` MODIFY `age` INT NOT NULL;");

        assertEquals(List.of("insert-omits-not-null-column"), rules(report), report.findings().toString());
    }

    @Test
    void namesABacktickedRenameOfATableStillUsedAsARename() {
        Report report = check("ALTER TABLE `person` RENAME TO `people`;");

        assertTrue(rules(report).contains("renamed-table-still-used"), report.findings().toString());
        assertTrue(!rules(report).contains("dropped-table-still-used"), report.findings().toString());

        Report renameTable = check("RENAME TABLE `person` TO `people`;");
        assertTrue(rules(renameTable).contains("renamed-table-still-used"), renameTable.findings().toString());
    }
}
