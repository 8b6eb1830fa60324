package io.switchover.rules;

import io.switchover.replay.SharedEmbeddedPostgres;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CHECK constraint on a column the old INSERT does not set rejects every such INSERT (the row gets NULL or the
 * default): a break, not made-up data. On real PostgreSQL (embedded).
 */
class CheckOnOmittedColumnTest {
    private static final String SCHEMA = "CREATE TABLE person (id bigint PRIMARY KEY, email text);";
    private static final String INSERT = "INSERT INTO person (id, email) VALUES (?, ?)";
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    private static Report check(String migration) {
        return RuleScenario.production(SCHEMA, INSERT).on(POSTGRES.engine()).migrate("status", migration).check();
    }

    private static List<Finding> errors(Report report) {
        return report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Test
    void flagsANotValidCheckOnANewColumnTheOldInsertLeavesNull() {
        Report report = check("ALTER TABLE person ADD COLUMN status text;\n"
                + "ALTER TABLE person ADD CONSTRAINT person_status_ck CHECK (status IS NOT NULL) NOT VALID;");

        List<Finding> errors = errors(report);
        assertEquals(1, errors.size(), report.findings().toString());
        assertEquals(INSERT, errors.get(0).pattern().sql());
        assertEquals("old-statement-fails", errors.get(0).rule());
        assertTrue(errors.get(0).error().message().contains("the statement writes no made-up value to person.status"),
                errors.get(0).error().message());
        assertEquals(Verdict.FAIL, report.verdict());
    }

    @Test
    void acceptsACheckThatTheOmittedColumnsDefaultSatisfies() {
        Report report = check("ALTER TABLE person ADD COLUMN status text DEFAULT 'new';\n"
                + "ALTER TABLE person ADD CONSTRAINT person_status_ck CHECK (status IS NOT NULL) NOT VALID;");

        assertEquals(List.of(), errors(report), report.findings().toString());
    }

    @Test
    void leavesAViolationOfMadeUpValuesInAColumnTheInsertSetsToTheConstraintRule() {
        Report report = check("ALTER TABLE person ADD CONSTRAINT person_email_ck CHECK (length(email) > 1000)"
                + " NOT VALID;");

        assertEquals(List.of(), errors(report), report.findings().toString());
        assertEquals(List.of("new-constraint-may-reject-old-writes"), report.findings().stream().map(Finding::rule)
                .filter(r -> !r.equals("locking-ddl")).toList());
    }
}
